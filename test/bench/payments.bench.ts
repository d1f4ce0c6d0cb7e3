/**
 * What the 1st and the 2,000th payment on a claim cost, through the service layer. 1,991 payments of 1 ₸ are
 * recorded on one agreed claim; then its payments 1,992–2,000 are timed in turn with the 1st payment on nine
 * fresh agreed claims, alternately, so that the load of a shared machine falls on both sides alike; each side
 * is the median of its nine. (The claim's own payments 1–9, timed 20 seconds earlier, are shown in the detail.)
 */
import { TENGE } from '../factories/case.factory';
import { agreedCase, type CaseRef, type Engine } from './engine';

const AROUND = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

async function timedPayment(engine: Engine, kase: CaseRef, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  await engine.record(kase.id, {
    type: 'payment.recorded',
    claimId: kase.claimId,
    amount: 1 * TENGE,
    date: '2026-12-01',
    evidence: 'bank_transfer',
    reference: `BENCH-${n}`,
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchPayments(engine: Engine, count = 2000): Promise<{ line: string; detail: string }> {
  const kase = await agreedCase(engine);
  const fresh: CaseRef[] = [];
  for (let i = 0; i < AROUND; i++) fresh.push(await agreedCase(engine));
  const ownFirst: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let n = 1; n <= count - AROUND; n++) {
    const ms = await timedPayment(engine, kase, n);
    if (n <= AROUND) ownFirst.push(ms);
  }
  const last: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < AROUND; i++) {
    last.push(await timedPayment(engine, kase, count - AROUND + 1 + i));
    first.push(await timedPayment(engine, fresh[i], 1));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const snapshotBytes = Buffer.byteLength(JSON.stringify((await engine.load(kase.id)).snapshot));
  return {
    line: `payment ${count} vs 1: ${median(last).toFixed(1)} ms vs ${median(first).toFixed(1)} ms`,
    detail:
      `  (medians of payments ${count - AROUND + 1}–${count} on one claim and of the 1st on ${AROUND} fresh claims, alternately; ` +
      `the same claim's payments 1–${AROUND}: ${median(ownFirst).toFixed(1)} ms; ${count} payments took ${seconds.toFixed(1)} s; snapshot after: ${(snapshotBytes / 1024).toFixed(0)} KB)`,
  };
}
