/**
 * What the machines ask the service to do. The machines stay pure: an effect is an XState action whose body is
 * empty here; `transition()` returns it with its params, `applyEvent` returns it in `effects`, and the service
 * writes it to the outbox in the transaction that saves the new state, to be executed after commit.
 *
 * Only documents issued at the moment of an event are effects. Reminders are not: they follow from the
 * deadlines (pendingDeadlines), which the service recomputes from the state.
 */
import type { LocalDate } from './events';

/** A document that an event issues, for one civil claim. */
export type IssuedDocumentKind =
  /** invitation.sent: the invitation to mediation (ЗМед ст. 20). */
  | 'invitation'
  /** contract.signed: the mediation contract (ЗМед ст. 21). */
  | 'mediation-contract'
  /** agreement.signed: the mediative agreement (ЗМед ст. 27). */
  | 'agreement'
  /** Mediation ended without agreement — refused, silence, terminated, term expired (ЗМед ст. 20 п. 6, ст. 26). */
  | 'termination-notice'
  /** default.reported: the report of evasion for the submission to revoke parole (УК ст. 72 ч. 7 п. 1). */
  | 'default-report';

export interface DocumentIssue {
  type: 'document.issue';
  params: {
    kind: IssuedDocumentKind;
    claimId: string;
    /** The date of the event that issues it (the document's date). */
    on: LocalDate;
  };
}

export type ProcedureEffect = DocumentIssue;

/** The action that declares the effect in a machine's `setup`; its body is empty by design (see above). */
export const documentIssueAction = (_: unknown, _params: DocumentIssue['params']): void => {};

/** Keeps the machines' effects (and nothing of XState's own actions) from what `transition()` returned. */
export function effectsFrom(actions: readonly { type: string; params?: unknown }[]): ProcedureEffect[] {
  return actions
    .filter((a) => a.type === 'document.issue')
    .map((a) => ({ type: 'document.issue', params: { ...(a.params as DocumentIssue['params']) } }));
}
