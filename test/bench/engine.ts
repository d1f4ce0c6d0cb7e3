/**
 * The bench's only contact with the write path of the engine. Every event the bench records — setup and
 * timed — goes through `engineOf(app).record`, so when the write path moves (CasesService → WorkflowStore)
 * this file is the one to adapt.
 */
import type { INestApplication } from '@nestjs/common';
import { CaseQueries } from '../../src/cases/case-queries';
import { CasesService } from '../../src/cases/cases.service';
import { application, TENGE } from '../factories/case.factory';
import { principalAs, usualRoleOf } from '../support/cast';

/** The stored case as the read side returns it. */
type StoredCase = NonNullable<Awaited<ReturnType<CaseQueries['findCase']>>>;

export interface CaseRef {
  id: string;
  claimId: string;
}

export interface Engine {
  /** Files the standard application (one victim's claim of 2,000,000 ₸) as a lawyer would. */
  createCase(): Promise<CaseRef>;
  /** One user event through the service layer, as the HTTP controller records it (the event's usual role). */
  record(caseId: string, event: Record<string, unknown>): Promise<void>;
  /** The stored case, for the document view model. */
  load(caseId: string): Promise<StoredCase>;
}

export function engineOf(app: INestApplication): Engine {
  const cases = app.get(CasesService);
  const queries = app.get(CaseQueries);
  return {
    async createCase() {
      const kase = await cases.create(application() as never, principalAs('lawyer'));
      return { id: kase.id, claimId: kase.claims[0].id };
    },
    async record(caseId, event) {
      await cases.applyUserEvent(caseId, event, principalAs(usualRoleOf(event.type)));
    },
    async load(caseId) {
      const kase = await queries.findCase(caseId);
      if (!kase) throw new Error(`case ${caseId} not found`);
      return kase;
    },
  };
}

/** A case whose claim is in negotiation: `session.held` may be recorded on it any number of times. */
export async function negotiatingCase(engine: Engine): Promise<CaseRef> {
  const kase = await engine.createCase();
  const { id, claimId } = kase;
  await engine.record(id, { type: 'case.accepted' });
  await engine.record(id, { type: 'invitation.sent', claimId });
  await engine.record(id, { type: 'invitation.accepted', claimId });
  await engine.record(id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
  return kase;
}

/** An agreement of 2,000,000 ₸ in instalments of 50,000 ₸ after release: documents and payments apply. */
export async function agreedCase(engine: Engine): Promise<CaseRef> {
  const kase = await negotiatingCase(engine);
  await engine.record(kase.id, {
    type: 'agreement.signed',
    claimId: kase.claimId,
    signedBy: { mediator: true, victim: true, convict: true },
    terms: {
      paidBeforeHearing: 0,
      waived: 0,
      instalments: { total: 2_000_000 * TENGE, monthly: 50_000 * TENGE, startsMonthAfterRelease: true, dayOfMonth: 10 },
    },
  });
  return kase;
}
