import { describeProcedure } from '../../machines/procedure';
import type { DeadlineEntity } from '../workflow/deadline.entity';
import type { CaseEntity } from '../workflow/entities/case.entity';

/** What GET /api/cases/:id answers: the application, where the procedure stands, what may happen next. */
/** A deadline as stored, or as the machines plan it (always pending). */
type DeadlineLike = Pick<DeadlineEntity, 'type' | 'claimId' | 'dueDate'> & { status?: DeadlineEntity['status'] };

export function caseView(entity: CaseEntity, deadlines: DeadlineLike[] = []) {
  const d = describeProcedure(entity.snapshot);
  const app = entity.application;
  const claimsById = new Map(d.claims.map((c) => [c.id, c]));
  return {
    id: entity.id,
    number: entity.number,
    procedure: entity.procedure,
    state: d.state,
    version: entity.version,
    nextEvents: d.nextEvents,
    mandatoryParole: d.mandatoryParole,
    refileNotBefore: d.refileNotBefore,
    convict: app.convict,
    sentence: app.sentence,
    lawyer: app.lawyer,
    mediator: app.mediator ?? null,
    place: app.place ?? null,
    claims: app.claims.map((c) => {
      const s = claimsById.get(c.id);
      return {
        id: c.id,
        kind: c.kind,
        victim: c.victim,
        amountAwarded: c.amountAwarded,
        amountRecovered: c.amountRecovered,
        outstanding: c.amountAwarded - c.amountRecovered,
        state: s?.state ?? null,
        outcome: s?.outcome ?? null,
        restitution: s?.restitution ?? null,
        nextEvents: s?.nextEvents ?? [],
      };
    }),
    deadlines: deadlines
      .filter((x) => (x.status ?? 'pending') === 'pending')
      .map((x) => ({ type: x.type, claimId: x.claimId, dueDate: x.dueDate })),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export type CaseView = ReturnType<typeof caseView>;
