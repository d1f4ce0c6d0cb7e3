/**
 * The bench's only contact with the write path of the engine. Every event the bench records — setup and
 * timed — goes through `engineOf(app).record`, so when the write path moves (CasesService → WorkflowStore)
 * this file is the one to adapt.
 */
import type { INestApplication } from '@nestjs/common';
import { USER_ROLES } from '../../src/auth/principal';
import { CaseQueries } from '../../src/cases/case-queries';
import { CaseUsers, type CaseUser } from '../../src/cases/case-users';
import { CasesService } from '../../src/cases/cases.service';
import { application, TENGE } from '../factories/case.factory';
import { principalAs, usualRoleOf } from '../support/cast';

/**
 * The benches call the services as the cast (principalAs) without its database rows: the accounts the cases name
 * (the mediator the application is addressed to) are looked up in memory instead of the users table.
 */
export function directUsers(app: INestApplication): void {
  const users: CaseUser[] = USER_ROLES.map((role) => {
    const p = principalAs(role);
    return {
      id: p.userId,
      role,
      fullName: p.fullName,
      iin: null,
      organisationId: p.organisationId,
      organisationName: null,
      registerNumber: null,
      phone: null,
      email: null,
      disabled: false,
    };
  });
  app.get(CaseUsers).find = (ids) =>
    Promise.resolve(new Map(users.filter((u) => ids.includes(u.id)).map((u) => [u.id, u])));
}

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
  directUsers(app);
  return {
    async createCase() {
      const dto = application({ mediatorUserId: principalAs('mediator').userId });
      const kase = await cases.create(dto as never, principalAs('lawyer'));
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
