/**
 * What the 1st and the 2,000th payment on one claim cost, through the service layer: 2,000 payments of
 * 1 ₸ recorded one after another on one agreed claim, each timed; the figure at each end is the median of
 * the payments around it (1–5 and 1,996–2,000), so one slow fsync does not decide it.
 */
import { TENGE } from '../factories/case.factory';
import { agreedCase, type Engine } from './engine';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchPayments(
  engine: Engine,
  count = 2000,
  around = 5,
): Promise<{ line: string; detail: string }> {
  const { id, claimId } = await agreedCase(engine);
  const ms: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 1; i <= count; i++) {
    const start = process.hrtime.bigint();
    await engine.record(id, {
      type: 'payment.recorded',
      claimId,
      amount: 1 * TENGE,
      date: '2026-12-01',
      evidence: 'bank_transfer',
      reference: `BENCH-${i}`,
    });
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const first = median(ms.slice(0, around));
  const last = median(ms.slice(count - around));
  const snapshotBytes = Buffer.byteLength(JSON.stringify((await engine.load(id)).snapshot));
  return {
    line: `payment ${count} vs 1: ${last.toFixed(1)} ms vs ${first.toFixed(1)} ms`,
    detail: `  (medians of payments 1–${around} and ${count - around + 1}–${count} on one claim, one caller; all ${count} took ${seconds.toFixed(1)} s; snapshot after: ${(snapshotBytes / 1024).toFixed(0)} KB)`,
  };
}
