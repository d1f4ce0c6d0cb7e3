import type { UserRole } from '../../src/auth/principal';
import type { TestApp } from './app';
import { application } from '../factories/case.factory';

/**
 * A small client that speaks to the API the way the UI will, signed in: the lawyer opens and reads cases, each
 * event is sent by the cast member of the role that usually records it (the catalogue's), or of the role given.
 */
export class CaseClient {
  constructor(private readonly t: TestApp) {}

  /** The lawyer opens a case addressed to the cast's mediator (unless `overrides` name another or none). */
  async open(overrides: Record<string, unknown> = {}) {
    const res = await this.t
      .as('lawyer')
      .post('/api/cases')
      .send(application({ mediatorUserId: this.t.users.mediator.id, ...overrides }));
    if (res.status !== 201) throw new Error(`create failed ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Sends an event; expects 200 unless `status` says otherwise. */
  async send(id: string, event: Record<string, unknown>, opts: { role?: UserRole; status?: number } = {}) {
    const res = await this.t.event(id, event, opts.role);
    const expected = opts.status ?? 200;
    if (res.status !== expected)
      throw new Error(`${String(event.type)} → ${res.status} (expected ${expected}): ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async get(id: string) {
    return (await this.t.as('lawyer').get(`/api/cases/${id}`).expect(200)).body;
  }

  async history(id: string) {
    return (await this.t.as('lawyer').get(`/api/cases/${id}/history`).expect(200)).body as any[];
  }

  /** The victim invited, his consent, the mediation contract signed: negotiation starts. */
  async startNegotiation(id: string, claimId: string, contractDate: string) {
    await this.send(id, { type: 'invitation.sent', claimId });
    await this.send(id, { type: 'invitation.accepted', claimId });
    return this.send(id, { type: 'contract.signed', claimId, contractDate });
  }

  /** Mediation of one claim from invitation to the signed agreement. */
  async mediateToAgreement(id: string, claimId: string, terms: Record<string, unknown>, contractDate: string) {
    await this.startNegotiation(id, claimId, contractDate);
    await this.send(id, { type: 'session.held', claimId, form: 'video' });
    return this.send(id, {
      type: 'agreement.signed',
      claimId,
      signedBy: { mediator: true, victim: true, convict: true },
      terms,
    });
  }

  setDate(t: TestApp, date: string) {
    t.clock.set(`${date}T10:00:00+05:00`);
  }
}
