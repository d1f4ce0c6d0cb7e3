import type { CaseStateValue, ClaimState, MediationStateValue, RestitutionStateValue } from '../../machines';

/** Languages the labels are written in (the users' languages: Kazakh and Russian). */
export type LabelLang = 'kk' | 'ru';
type Labels<S extends string> = Record<S, Record<LabelLang, string>>;

/** Names of the machines' states, for messages a mediator, lawyer or clerk reads. */
const CASE_STATES: Labels<CaseStateValue> = {
  applied: { ru: 'заявление подано, медиатор не принял решение', kk: 'өтініш берілді, медиатор шешім қабылдаған жоқ' },
  declined: { ru: 'медиатор отказался от дела', kk: 'медиатор істен бас тартты' },
  mediation: { ru: 'идёт медиация', kk: 'медиация жүріп жатыр' },
  readyForCourt: { ru: 'медиация завершена, дело готово для суда', kk: 'медиация аяқталды, іс сотқа дайын' },
  petitionFiled: { ru: 'ходатайство подано', kk: 'өтінішхат берілді' },
  hearingScheduled: { ru: 'назначено судебное заседание', kk: 'сот отырысы тағайындалды' },
  paroleGranted: {
    ru: 'суд освободил условно-досрочно, освобождение ожидается',
    kk: 'сот шартты түрде мерзімінен бұрын босатты, босату күтілуде',
  },
  replaced: { ru: 'наказание заменено более мягким', kk: 'жаза жеңілірек жазамен ауыстырылды' },
  refused: { ru: 'суд отказал в ходатайстве', kk: 'сот өтінішхатты қанағаттандырудан бас тартты' },
  restitution: { ru: 'возмещение ущерба после освобождения', kk: 'босатылғаннан кейін залалды өтеу' },
  closed: { ru: 'дело закрыто', kk: 'іс жабылды' },
  revoked: { ru: 'условно-досрочное освобождение отменено', kk: 'шартты түрде мерзімінен бұрын босату жойылды' },
  withdrawn: { ru: 'заявление отозвано', kk: 'өтініш кері қайтарылды' },
};

const MEDIATION_STATES: Labels<MediationStateValue> = {
  pending: { ru: 'потерпевший ещё не приглашён', kk: 'жәбірленуші әлі шақырылған жоқ' },
  tracked: {
    ru: 'требование государства: учитывается, медиации не подлежит',
    kk: 'мемлекеттің талабы: есепке алынады, медиацияға жатпайды',
  },
  invited: { ru: 'приглашение направлено, ответа нет', kk: 'шақыру жіберілді, жауап жоқ' },
  accepted: {
    ru: 'приглашение принято, договор о медиации не подписан',
    kk: 'шақыру қабылданды, медиация туралы шартқа қол қойылған жоқ',
  },
  negotiating: { ru: 'идут переговоры', kk: 'келіссөздер жүріп жатыр' },
  agreed: { ru: 'соглашение подписано', kk: 'келісімге қол қойылды' },
  refused: { ru: 'потерпевший отказался от медиации', kk: 'жәбірленуші медиациядан бас тартты' },
  silent: { ru: 'потерпевший не ответил на приглашение', kk: 'жәбірленуші шақыруға жауап бермеді' },
  terminated: { ru: 'медиация прекращена без соглашения', kk: 'медиация келісімсіз тоқтатылды' },
};

const RESTITUTION_STATES: Labels<RestitutionStateValue> = {
  opening: { ru: 'исполнение соглашения начинается', kk: 'келісімді орындау басталуда' },
  awaitingPayment: { ru: 'ожидается оплата до судебного заседания', kk: 'сот отырысына дейін төлем күтілуде' },
  awaitingRelease: { ru: 'рассрочка начнётся после освобождения', kk: 'бөліп төлеу босатылғаннан кейін басталады' },
  current: { ru: 'платежи по графику вносятся в срок', kk: 'кесте бойынша төлемдер уақтылы енгізілуде' },
  inArrears: { ru: 'платёж по графику просрочен', kk: 'кесте бойынша төлем мерзімі өтіп кетті' },
  defaultReported: {
    ru: 'направлено представление об уклонении от возмещения',
    kk: 'өтеуден жалтару туралы ұсыну жіберілді',
  },
  paidInFull: { ru: 'ущерб возмещён полностью', kk: 'залал толық өтелді' },
};

const JOIN: Record<LabelLang, { claim: string; restitution: string }> = {
  ru: { claim: 'по этому требованию', restitution: 'возмещение' },
  kk: { claim: 'осы талап бойынша', restitution: 'өтеу' },
};

export const caseStateLabel = (state: CaseStateValue, lang: LabelLang = 'ru'): string => CASE_STATES[state][lang];
/** Where the mediation of one claim stands («приглашение направлено, ответа нет»). */
export const mediationStateLabel = (state: MediationStateValue, lang: LabelLang = 'ru'): string =>
  MEDIATION_STATES[state][lang];
/** Where the restitution of one claim stands («платёж по графику просрочен»). */
export const restitutionStateLabel = (state: RestitutionStateValue, lang: LabelLang = 'ru'): string =>
  RESTITUTION_STATES[state][lang];

/** «соглашение подписано, возмещение: платёж по графику просрочен». */
export function claimStateLabel(claim: ClaimState, lang: LabelLang = 'ru'): string {
  const mediation = MEDIATION_STATES[claim.mediation][lang];
  return claim.restitution
    ? `${mediation}, ${JOIN[lang].restitution}: ${RESTITUTION_STATES[claim.restitution][lang]}`
    : mediation;
}

/** Where the procedure stands: «идёт медиация; по этому требованию: потерпевший ещё не приглашён». */
export function stateLabel(
  where: { caseState: CaseStateValue; claimState?: ClaimState },
  lang: LabelLang = 'ru',
): string {
  const caseLabel = caseStateLabel(where.caseState, lang);
  return where.claimState ? `${caseLabel}; ${JOIN[lang].claim}: ${claimStateLabel(where.claimState, lang)}` : caseLabel;
}
