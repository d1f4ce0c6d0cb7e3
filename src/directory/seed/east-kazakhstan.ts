/**
 * EDITABLE DATA — the directory's starting entries: courts, penal institutions and police units of East
 * Kazakhstan region (and of Abai region, which took Semey from it on 08.06.2022, LAW.md §9), the organisation of
 * mediators named in the sources, the main banks, the towns. Migration 1764750000000 writes them once into a
 * new database; after that the administrator keeps the directory (POST/PATCH /api/directory), and changing this
 * file does not change a database that already has them.
 *
 * Only names that could be stated with confidence are here (LAW.md §9: the full list of institutions and the
 * competent courts were not found). Each entry's `note` says where it comes from and what an administrator should
 * check against the official register (addresses and court codes are left for him to fill in). The ids are fixed
 * so that test fixtures and the forms of early users can refer to them.
 */
import type { DirectoryEntry } from '../directory-entry';

type Seed = Omit<DirectoryEntry, 'version' | 'updatedAt' | 'active' | 'address'> & {
  address?: DirectoryEntry['address'];
};

const CHECK = 'Проверить написание и адрес по официальному сайту суда (sud.gov.kz), заполнить код суда.';

export const SEED_IDS = {
  ustKamenogorskCityCourt: 'd1000000-0000-4000-8000-000000000001',
  ridderCityCourt: 'd1000000-0000-4000-8000-000000000002',
  glubokoeDistrictCourt: 'd1000000-0000-4000-8000-000000000003',
  shemonaikhaDistrictCourt: 'd1000000-0000-4000-8000-000000000004',
  semeyCityCourt: 'd1000000-0000-4000-8000-000000000005',
  institution22: 'd1000000-0000-4000-8000-000000000101',
  institution19: 'd1000000-0000-4000-8000-000000000102',
  policeEastKazakhstan: 'd1000000-0000-4000-8000-000000000201',
  policeUstKamenogorsk: 'd1000000-0000-4000-8000-000000000202',
  policeAbai: 'd1000000-0000-4000-8000-000000000203',
  policeSemey: 'd1000000-0000-4000-8000-000000000204',
  alternativaCentre: 'd1000000-0000-4000-8000-000000000301',
  halyk: 'd1000000-0000-4000-8000-000000000401',
  kaspi: 'd1000000-0000-4000-8000-000000000402',
  centerCredit: 'd1000000-0000-4000-8000-000000000403',
  forte: 'd1000000-0000-4000-8000-000000000404',
  jusan: 'd1000000-0000-4000-8000-000000000405',
  bereke: 'd1000000-0000-4000-8000-000000000406',
  eurasian: 'd1000000-0000-4000-8000-000000000407',
  otbasy: 'd1000000-0000-4000-8000-000000000408',
  ustKamenogorsk: 'd1000000-0000-4000-8000-000000000501',
  ridder: 'd1000000-0000-4000-8000-000000000502',
  semey: 'd1000000-0000-4000-8000-000000000503',
} as const;

/** A city or district court: «X соты» / «X суд» in all the forms the documents use. */
function court(
  id: string,
  kk: string,
  ruAdj: [string, string, string, string],
  kind: 'city' | 'district',
  region: DirectoryEntry['region'],
  note: string,
): Seed {
  const [nom, gen, ins, prep] = ruAdj;
  const ru =
    kind === 'city'
      ? ['городской суд', 'городского суда', 'городским судом', 'городском суде']
      : ['районный суд', 'районного суда', 'районным судом', 'районном суде'];
  const kkHead = kind === 'city' ? 'қалалық' : 'аудандық';
  return {
    id,
    kind: 'court',
    names: {
      kk: {
        nominative: `${kk} ${kkHead} соты`,
        genitive: `${kk} ${kkHead} сотының`,
        dative: `${kk} ${kkHead} сотына`,
        locative: `${kk} ${kkHead} сотында`,
      },
      ru: {
        nominative: `${nom} ${ru[0]}`,
        genitive: `${gen} ${ru[1]}`,
        instrumental: `${ins} ${ru[2]}`,
        prepositional: `${prep} ${ru[3]}`,
      },
    },
    codes: {},
    region,
    note,
  };
}

const bank = (id: string, kk: string, ru: string, bik: string, bin: string | undefined, note: string): Seed => ({
  id,
  kind: 'bank',
  names: { kk: { nominative: kk, genitive: kk }, ru: { nominative: ru, genitive: ru, prepositional: ru } },
  codes: bin ? { bik, bin } : { bik },
  region: null,
  note,
});

const town = (id: string, kk: string, ru: string, region: DirectoryEntry['region']): Seed => ({
  id,
  kind: 'town',
  names: {
    kk: { nominative: `${kk} қ.`, genitive: `${kk} қаласының` },
    ru: { nominative: `г. ${ru}`, genitive: `г. ${ru}` },
  },
  codes: {},
  region,
  note: null,
});

const BANK_NOTE = 'БИК и БИН сверить с перечнем Национального банка РК.';

export const DIRECTORY_SEED: readonly Seed[] = [
  // Courts: the district (city) court at the place the sentence is served hears parole (УПК 477 ч. 1, LAW.md §4.2).
  court(
    SEED_IDS.ustKamenogorskCityCourt,
    'Өскемен',
    ['Усть-Каменогорский', 'Усть-Каменогорского', 'Усть-Каменогорским', 'Усть-Каменогорском'],
    'city',
    'east_kazakhstan',
    `LAW.md §4.2, §9: суд по месту отбывания наказания в г. Усть-Каменогорске. ${CHECK}`,
  ),
  court(
    SEED_IDS.ridderCityCourt,
    'Риддер',
    ['Риддерский', 'Риддерского', 'Риддерским', 'Риддерском'],
    'city',
    'east_kazakhstan',
    `LAW.md §9: г. Риддер остался в ВКО. ${CHECK}`,
  ),
  court(
    SEED_IDS.glubokoeDistrictCourt,
    'Глубокое',
    ['Глубоковский', 'Глубоковского', 'Глубоковским', 'Глубоковском'],
    'district',
    'east_kazakhstan',
    `LAW.md §9: Глубоковский район остался в ВКО. ${CHECK}`,
  ),
  court(
    SEED_IDS.shemonaikhaDistrictCourt,
    'Шемонаиха',
    ['Шемонаихинский', 'Шемонаихинского', 'Шемонаихинским', 'Шемонаихинском'],
    'district',
    'east_kazakhstan',
    `LAW.md §9: Шемонаихинский район остался в ВКО. ${CHECK}`,
  ),
  court(
    SEED_IDS.semeyCityCourt,
    'Семей',
    ['Семейский', 'Семейского', 'Семейским', 'Семейском'],
    'city',
    'abai',
    `LAW.md §9: с 08.06.2022 г. Семей — область Абай; дела до этой даты могли рассматриваться судами ВКО. ${CHECK}`,
  ),
  // Penal institutions (LAW.md §9: only these two are named in the sources read).
  {
    id: SEED_IDS.institution22,
    kind: 'penal_institution',
    names: {
      kk: {
        nominative: 'Шығыс Қазақстан облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 22 мекемесі',
        genitive: 'Шығыс Қазақстан облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 22 мекемесінің',
        locative: 'Шығыс Қазақстан облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 22 мекемесінде',
      },
      ru: {
        nominative: 'Учреждение № 22 Департамента уголовно-исполнительной системы по Восточно-Казахстанской области',
        genitive: 'Учреждения № 22 Департамента уголовно-исполнительной системы по Восточно-Казахстанской области',
        instrumental: 'Учреждением № 22 Департамента уголовно-исполнительной системы по Восточно-Казахстанской области',
        prepositional: 'Учреждении № 22 Департамента уголовно-исполнительной системы по Восточно-Казахстанской области',
      },
    },
    codes: {},
    region: 'east_kazakhstan',
    note: 'LAW.md §9 (ratel.kz): «Исправительное учреждение № 22 … в областном центре Восточного Казахстана». Полное наименование и код учреждения (вида ОВ-156/22) уточнить.',
  },
  {
    id: SEED_IDS.institution19,
    kind: 'penal_institution',
    names: {
      kk: {
        nominative: 'Абай облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 19 мекемесі',
        genitive: 'Абай облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 19 мекемесінің',
        locative: 'Абай облысы бойынша Қылмыстық-атқару жүйесі департаментінің № 19 мекемесінде',
      },
      ru: {
        nominative: 'Учреждение № 19 Департамента уголовно-исполнительной системы по области Абай',
        genitive: 'Учреждения № 19 Департамента уголовно-исполнительной системы по области Абай',
        instrumental: 'Учреждением № 19 Департамента уголовно-исполнительной системы по области Абай',
        prepositional: 'Учреждении № 19 Департамента уголовно-исполнительной системы по области Абай',
      },
    },
    codes: {},
    region: 'abai',
    note: 'LAW.md §9 (pravda.ru): «учреждение № 19 в Абайской области». Полное наименование и код учреждения уточнить.',
  },
  // Police units: parolees are supervised by the police at the place of residence (УИК 169, LAW.md §11 item 2).
  {
    id: SEED_IDS.policeEastKazakhstan,
    kind: 'police_unit',
    names: {
      kk: {
        nominative: 'Шығыс Қазақстан облысының Полиция департаменті',
        genitive: 'Шығыс Қазақстан облысының Полиция департаментінің',
      },
      ru: {
        nominative: 'Департамент полиции Восточно-Казахстанской области',
        genitive: 'Департамента полиции Восточно-Казахстанской области',
        instrumental: 'Департаментом полиции Восточно-Казахстанской области',
        prepositional: 'Департаменте полиции Восточно-Казахстанской области',
      },
    },
    codes: {},
    region: 'east_kazakhstan',
    note: 'Областной департамент; участковые и службы пробационного контроля — в управлениях и отделах полиции городов и районов: добавить их.',
  },
  {
    id: SEED_IDS.policeUstKamenogorsk,
    kind: 'police_unit',
    names: {
      kk: {
        nominative: 'Өскемен қаласының Полиция басқармасы',
        genitive: 'Өскемен қаласының Полиция басқармасының',
      },
      ru: {
        nominative: 'Управление полиции города Усть-Каменогорска',
        genitive: 'Управления полиции города Усть-Каменогорска',
        instrumental: 'Управлением полиции города Усть-Каменогорска',
        prepositional: 'Управлении полиции города Усть-Каменогорска',
      },
    },
    codes: {},
    region: 'east_kazakhstan',
    note: 'Адрес уточнить.',
  },
  {
    id: SEED_IDS.policeAbai,
    kind: 'police_unit',
    names: {
      kk: { nominative: 'Абай облысының Полиция департаменті', genitive: 'Абай облысының Полиция департаментінің' },
      ru: {
        nominative: 'Департамент полиции области Абай',
        genitive: 'Департамента полиции области Абай',
        instrumental: 'Департаментом полиции области Абай',
        prepositional: 'Департаменте полиции области Абай',
      },
    },
    codes: {},
    region: 'abai',
    note: 'С 08.06.2022 (LAW.md §9). Адрес уточнить.',
  },
  {
    id: SEED_IDS.policeSemey,
    kind: 'police_unit',
    names: {
      kk: { nominative: 'Семей қаласының Полиция басқармасы', genitive: 'Семей қаласының Полиция басқармасының' },
      ru: {
        nominative: 'Управление полиции города Семей',
        genitive: 'Управления полиции города Семей',
        instrumental: 'Управлением полиции города Семей',
        prepositional: 'Управлении полиции города Семей',
      },
    },
    codes: {},
    region: 'abai',
    note: 'Адрес уточнить.',
  },
  // Organisation of mediators named in the methodological recommendations (sources/002, last page).
  {
    id: SEED_IDS.alternativaCentre,
    kind: 'mediators_organisation',
    names: {
      kk: {
        nominative: '«Альтернатива Шығыс Қазақстан медиация және құқық орталығы»',
        genitive: '«Альтернатива Шығыс Қазақстан медиация және құқық орталығының»',
      },
      ru: {
        nominative: '«Восточно-Казахстанский центр медиации и права «Альтернатива»»',
        genitive: '«Восточно-Казахстанского центра медиации и права «Альтернатива»»',
      },
    },
    codes: {},
    region: 'east_kazakhstan',
    note: 'Казахское наименование — из методических рекомендаций (sources/002); русское — перевод: сверить с учредительными документами, указать организационно-правовую форму и БИН.',
  },
  // Banks: names as the banks write them; БИК (SWIFT) for payment details.
  bank(
    SEED_IDS.halyk,
    '«Қазақстан Халық Банкі» АҚ',
    'АО «Народный Банк Казахстана»',
    'HSBKKZKX',
    '940140000385',
    BANK_NOTE,
  ),
  bank(SEED_IDS.kaspi, '«Kaspi Bank» АҚ', 'АО «Kaspi Bank»', 'CASPKZKA', '971240001315', BANK_NOTE),
  bank(SEED_IDS.centerCredit, '«Банк ЦентрКредит» АҚ', 'АО «Банк ЦентрКредит»', 'KCJBKZKX', '980640000093', BANK_NOTE),
  bank(SEED_IDS.forte, '«ForteBank» АҚ', 'АО «ForteBank»', 'IRTYKZKA', '990740000683', BANK_NOTE),
  bank(
    SEED_IDS.jusan,
    '«First Heartland Jusan Bank» АҚ',
    'АО «First Heartland Jusan Bank»',
    'TSESKZKA',
    '920140000084',
    BANK_NOTE,
  ),
  bank(SEED_IDS.bereke, '«Bereke Bank» АҚ', 'АО «Bereke Bank»', 'BRKEKZKA', '930540000147', BANK_NOTE),
  bank(SEED_IDS.eurasian, '«Еуразиялық Банк» АҚ', 'АО «Евразийский Банк»', 'EURIKZKA', '950240000112', BANK_NOTE),
  bank(SEED_IDS.otbasy, '«Отбасы банк» АҚ', 'АО «Отбасы банк»', 'HCSKKZKA', undefined, `${BANK_NOTE} БИН не заполнен.`),
  town(SEED_IDS.ustKamenogorsk, 'Өскемен', 'Усть-Каменогорск', 'east_kazakhstan'),
  town(SEED_IDS.ridder, 'Риддер', 'Риддер', 'east_kazakhstan'),
  town(SEED_IDS.semey, 'Семей', 'Семей', 'abai'),
];
