/** Russian names of the machines' states, for messages a mediator, lawyer or clerk reads. */
const CASE_STATES: Record<string, string> = {
  applied: 'заявление подано, медиатор не принял решение',
  declined: 'медиатор отказался от дела',
  mediation: 'идёт медиация',
  readyForCourt: 'медиация завершена, дело готово для суда',
  petitionFiled: 'ходатайство подано',
  hearingScheduled: 'назначено судебное заседание',
  paroleGranted: 'суд освободил условно-досрочно, освобождение ожидается',
  replaced: 'наказание заменено более мягким',
  refused: 'суд отказал в ходатайстве',
  restitution: 'возмещение ущерба после освобождения',
  closed: 'дело закрыто',
  revoked: 'условно-досрочное освобождение отменено',
  withdrawn: 'заявление отозвано',
};

const CLAIM_STATES: Record<string, string> = {
  pending: 'потерпевший ещё не приглашён',
  tracked: 'требование государства: учитывается, медиации не подлежит',
  invited: 'приглашение направлено, ответа нет',
  accepted: 'приглашение принято, договор о медиации не подписан',
  negotiating: 'идут переговоры',
  agreed: 'соглашение подписано',
  refused: 'потерпевший отказался от медиации',
  silent: 'потерпевший не ответил на приглашение',
  terminated: 'медиация прекращена без соглашения',
};

/** "readyForCourt (claim <id>: agreed)" → «медиация завершена, …; по этому требованию: соглашение подписано». */
export function stateLabelRu(state: string): string {
  const m = /^(\w+)(?: \(claim [^:]+: (\w+)\))?$/.exec(state);
  if (!m) return state;
  const caseLabel = CASE_STATES[m[1]] ?? m[1];
  return m[2] ? `${caseLabel}; по этому требованию: ${CLAIM_STATES[m[2]] ?? m[2]}` : caseLabel;
}
