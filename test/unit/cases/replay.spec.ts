import { replayHistory, type RecordedEvent } from '../../../src/cases/domain/replay';
import type { CaseApplication } from '../../../src/cases/domain/case-application';
import { claimReading } from '../../../machines';
import { deps, tenge } from '../machines/support';

/**
 * Replay is linear: the payments live in the ledger table, not in the snapshot, so the 2,000th payment replays
 * as fast as the first (with the payments in the snapshot, 2,009 payments took 5 s: each step copied the list).
 */
const app = {
  procedure: 'parole',
  sentence: { lifeImprisonment: false },
  claims: [{ id: 'v1', kind: 'victim', amountAwarded: tenge(1_000_000), amountRecovered: 0 }],
} as unknown as CaseApplication;

function history(payments: number): RecordedEvent[] {
  const ev = (
    type: string,
    eventDate: string,
    actorRole: string,
    payload: Record<string, unknown> = {},
    claimId: string | null = 'v1',
  ) => ({ type, eventDate, actorRole, payload, claimId });
  const events = [
    ev('case.applied', '2025-01-09', 'lawyer', {}, null),
    ev('case.accepted', '2025-01-10', 'mediator', {}, null),
    ev('invitation.sent', '2025-01-10', 'mediator'),
    ev('invitation.accepted', '2025-01-10', 'mediator'),
    ev('contract.signed', '2025-01-12', 'mediator', { contractDate: '2025-01-12' }),
    ev('agreement.signed', '2025-01-25', 'mediator', {
      signedBy: { mediator: true, victim: true, convict: true },
      terms: { paidBeforeHearing: tenge(1_000_000), waived: 0 },
    }),
  ];
  for (let n = 1; n <= payments; n++) {
    events.push(
      ev('payment.recorded', '2025-02-01', 'officer', {
        amount: 100,
        date: '2025-02-01',
        reference: `P-${n}`,
        evidence: 'bank_transfer',
      }),
    );
  }
  return events.map((e, i) => ({ seq: i + 1, ...e }));
}

/** The fastest of three runs (ms): the machine is shared, the minimum is the least disturbed figure. */
function timed(events: RecordedEvent[]): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    replayHistory(app, events, deps);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

describe('replaying a history', () => {
  it('of 2,000 payments rebuilds the totals, and in time linear in the number of payments', () => {
    const state = replayHistory(app, history(2000), deps);
    expect(claimReading(state, 'v1')!.restitution!.context).toMatchObject({
      paid: 2000 * 100,
      paymentCount: 2000,
      lastPaymentOn: '2025-02-01',
    });
    expect(claimReading(state, 'v1')!.restitution!.context).not.toHaveProperty('payments');

    const t200 = timed(history(200));
    const t2000 = timed(history(2000));
    // Linear: 10× the payments ≈ 10× the time (a quadratic replay would take ~100×). Generous bounds for a shared machine.
    expect(t2000).toBeLessThan(1000);
    expect(t2000 / Math.max(t200, 1)).toBeLessThan(30);
  });
});
