import type { Citation } from '../../law/legal-rules';

/**
 * A citation as a court document writes it: «УК РК ст. 72 ч. 3 п. 2» / «ҚР ҚК 72-бап 3-бөлік 2-тармақ».
 * Pure; the acts this feature cites are mapped, any other act falls back to its Russian short name.
 */
const ACT_RU: Record<Citation['act'], string> = {
  УК: 'УК РК',
  УПК: 'УПК РК',
  УИК: 'УИК РК',
  ГК: 'ГК РК',
  ГПК: 'ГПК РК',
  ЗМед: 'Закон РК «О медиации»',
  ЗИП: 'Закон РК «Об исполнительном производстве»',
  ЗоП: 'Закон РК «О пробации»',
  setting: 'Настройка',
};

const ACT_KK: Record<Citation['act'], string> = {
  УК: 'ҚР ҚК',
  УПК: 'ҚР ҚПК',
  УИК: 'ҚР ҚАК',
  ГК: 'ҚР АК',
  ГПК: 'ҚР АПК',
  ЗМед: '«Медиация туралы» ҚР Заңы',
  ЗИП: '«Атқарушылық іс жүргізу туралы» ҚР Заңы',
  ЗоП: '«Пробация туралы» ҚР Заңы',
  setting: 'Баптау',
};

export function formatCitationRu(c: Citation): string {
  if (c.act === 'setting') return `${ACT_RU.setting}: ${c.article}`;
  const bits = [ACT_RU[c.act], `ст. ${c.article}`];
  if (c.part) bits.push(`ч. ${c.part}`);
  if (c.item) bits.push(`п. ${c.item}`);
  if (c.paragraph) bits.push(`абз. ${c.paragraph}`);
  return bits.join(' ');
}

export function formatCitationKk(c: Citation): string {
  if (c.act === 'setting') return `${ACT_KK.setting}: ${c.article}`;
  const bits = [ACT_KK[c.act], `${c.article}-бап`];
  if (c.part) bits.push(`${c.part}-бөлік`);
  if (c.item) bits.push(`${c.item}-тармақ`);
  if (c.paragraph) bits.push(`${c.paragraph}-абзац`);
  return bits.join(' ');
}

export function formatCitation(c: Citation): { ru: string; kk: string } {
  return { ru: formatCitationRu(c), kk: formatCitationKk(c) };
}
