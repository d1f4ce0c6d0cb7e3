import type { CaseStateValue, ClaimState, MediationStateValue, RestitutionStateValue } from '../../machines';

/** Languages the labels are written in: the users' languages (Kazakh, Russian) and English for the workplace. */
export type LabelLang = 'kk' | 'ru' | 'en';
type Labels<S extends string> = Record<S, Record<LabelLang, string>>;

/** Names of the machines' states, for messages a mediator, lawyer or clerk reads. */
const CASE_STATES: Labels<CaseStateValue> = {
  applied: {
    ru: 'заявление подано, медиатор не принял решение',
    kk: 'өтініш берілді, медиатор шешім қабылдаған жоқ',
    en: 'application filed, the mediator has not decided yet',
  },
  declined: { ru: 'медиатор отказался от дела', kk: 'медиатор істен бас тартты', en: 'the mediator declined the case' },
  mediation: { ru: 'идёт медиация', kk: 'медиация жүріп жатыр', en: 'mediation under way' },
  readyForCourt: {
    ru: 'медиация завершена, дело готово для суда',
    kk: 'медиация аяқталды, іс сотқа дайын',
    en: 'mediation finished, the case is ready for court',
  },
  petitionFiled: { ru: 'ходатайство подано', kk: 'өтінішхат берілді', en: 'petition filed' },
  hearingScheduled: {
    ru: 'назначено судебное заседание',
    kk: 'сот отырысы тағайындалды',
    en: 'court hearing scheduled',
  },
  paroleGranted: {
    ru: 'суд освободил условно-досрочно, освобождение ожидается',
    kk: 'сот шартты түрде мерзімінен бұрын босатты, босату күтілуде',
    en: 'the court granted parole, release pending',
  },
  replaced: {
    ru: 'наказание заменено более мягким',
    kk: 'жаза жеңілірек жазамен ауыстырылды',
    en: 'punishment replaced with a milder one',
  },
  refused: {
    ru: 'суд отказал в ходатайстве',
    kk: 'сот өтінішхатты қанағаттандырудан бас тартты',
    en: 'the court refused the petition',
  },
  restitution: {
    ru: 'возмещение ущерба после освобождения',
    kk: 'босатылғаннан кейін залалды өтеу',
    en: 'restitution after release',
  },
  closed: { ru: 'дело закрыто', kk: 'іс жабылды', en: 'case closed' },
  revoked: {
    ru: 'условно-досрочное освобождение отменено',
    kk: 'шартты түрде мерзімінен бұрын босату жойылды',
    en: 'parole revoked',
  },
  withdrawn: { ru: 'заявление отозвано', kk: 'өтініш кері қайтарылды', en: 'application withdrawn' },
};

const MEDIATION_STATES: Labels<MediationStateValue> = {
  pending: { ru: 'потерпевший ещё не приглашён', kk: 'жәбірленуші әлі шақырылған жоқ', en: 'victim not invited yet' },
  tracked: {
    ru: 'требование государства: учитывается, медиации не подлежит',
    kk: 'мемлекеттің талабы: есепке алынады, медиацияға жатпайды',
    en: 'state claim: recorded, not subject to mediation',
  },
  invited: {
    ru: 'приглашение направлено, ответа нет',
    kk: 'шақыру жіберілді, жауап жоқ',
    en: 'invitation sent, no reply yet',
  },
  accepted: {
    ru: 'приглашение принято, договор о медиации не подписан',
    kk: 'шақыру қабылданды, медиация туралы шартқа қол қойылған жоқ',
    en: 'invitation accepted, mediation contract not signed yet',
  },
  negotiating: { ru: 'идут переговоры', kk: 'келіссөздер жүріп жатыр', en: 'negotiations under way' },
  agreed: { ru: 'соглашение подписано', kk: 'келісімге қол қойылды', en: 'agreement signed' },
  refused: {
    ru: 'потерпевший отказался от медиации',
    kk: 'жәбірленуші медиациядан бас тартты',
    en: 'the victim refused mediation',
  },
  silent: {
    ru: 'потерпевший не ответил на приглашение',
    kk: 'жәбірленуші шақыруға жауап бермеді',
    en: 'the victim did not reply to the invitation',
  },
  terminated: {
    ru: 'медиация прекращена без соглашения',
    kk: 'медиация келісімсіз тоқтатылды',
    en: 'mediation ended without agreement',
  },
};

const RESTITUTION_STATES: Labels<RestitutionStateValue> = {
  opening: {
    ru: 'исполнение соглашения начинается',
    kk: 'келісімді орындау басталуда',
    en: 'performance of the agreement begins',
  },
  awaitingPayment: {
    ru: 'ожидается оплата до судебного заседания',
    kk: 'сот отырысына дейін төлем күтілуде',
    en: 'payment due before the court hearing',
  },
  awaitingRelease: {
    ru: 'рассрочка начнётся после освобождения',
    kk: 'бөліп төлеу босатылғаннан кейін басталады',
    en: 'instalments begin after release',
  },
  current: {
    ru: 'платежи по графику вносятся в срок',
    kk: 'кесте бойынша төлемдер уақтылы енгізілуде',
    en: 'instalments paid on schedule',
  },
  inArrears: {
    ru: 'платёж по графику просрочен',
    kk: 'кесте бойынша төлем мерзімі өтіп кетті',
    en: 'an instalment is overdue',
  },
  defaultReported: {
    ru: 'направлено представление об уклонении от возмещения',
    kk: 'өтеуден жалтару туралы ұсыну жіберілді',
    en: 'evasion of restitution reported',
  },
  paidInFull: { ru: 'ущерб возмещён полностью', kk: 'залал толық өтелді', en: 'damage paid in full' },
};

const JOIN: Record<LabelLang, { claim: string; restitution: string }> = {
  ru: { claim: 'по этому требованию', restitution: 'возмещение' },
  kk: { claim: 'осы талап бойынша', restitution: 'өтеу' },
  en: { claim: 'on this claim', restitution: 'restitution' },
};

export const caseStateLabel = (state: CaseStateValue, lang: LabelLang = 'ru'): string => CASE_STATES[state][lang];
export const mediationStateLabel = (state: MediationStateValue, lang: LabelLang = 'ru'): string =>
  MEDIATION_STATES[state][lang];
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

/** Every value of the case machine's state, in the order of the labels (filters of the cases list). */
export const CASE_STATE_VALUES = Object.keys(CASE_STATES) as CaseStateValue[];
