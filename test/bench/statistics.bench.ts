/**
 * `statistics at 1M cases: N ms` — the slowest of the statistics' reads (GET /api/statistics's service call) over the
 * sums that 1,000,000 cases leave in case_stats, median of repeated calls.
 *
 * The figures are read from case_stats only (pre-aggregated by the write hook in each case's transaction), so their
 * cost depends on the number of sum rows — months × metrics × breakdown values per scope — not on the cases. The
 * bench therefore does not write a million cases (the 1M listing database of million.ts is 5.6 GB and its seed
 * would have to be made again for the new tables): it makes 20,000 different cases' facts — 100 mediators in 5
 * organisations, 1,000 lawyers, 20 courts, 12 institutions, 40 police units, applications over 36 months, outcomes,
 * agreements, 12 instalments each, decisions — counts each of them 50 times with the hook's own functions
 * (expandCells: the exact cells the hook would add) and writes the sums, as the hook would have left them after
 * 1,000,000 cases. Then it times the service for each role's widest scope: the region (admin, 12 and 36 months),
 * an organisation of mediators, a court, a lawyer's own cases.
 *
 * Run alone: `npx ts-node --transpile-only test/bench/statistics.bench.ts` (BENCH_STATISTICS_CASES to change N).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Principal } from '../../src/auth/principal';
import { createApp } from '../../src/bootstrap';
import { FixedClock } from '../../src/common/clock';
import { addDays, addMonths } from '../../src/common/local-date';
import { loadEnv } from '../../src/config/env';
import { expandCells, type Cell, type StoredFacts } from '../../src/statistics/domain/statistics-cells';
import { StatisticsService } from '../../src/statistics/statistics.service';

const CASES = Number(process.env.BENCH_STATISTICS_CASES ?? 1_000_000);
const PROFILES = Math.min(20_000, CASES);
const NOW = '2026-12-01T10:00:00+05:00';

/** A small deterministic generator: the same data every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const MEDIATORS = ids('00000000-0000-4000-8000-1000000000', 100);
const LAWYERS = ids('00000000-0000-4000-8000-2000000000', 1000);
const COURTS = ids('court', 20);
const INSTITUTIONS = ids('institution', 12);
const UNITS = ids('police', 40);
const ORGS = ids('mediators', 5);

function profile(rnd: () => number): StoredFacts {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const m = Math.floor(rnd() * MEDIATORS.length);
  const mediator = MEDIATORS[m];
  const lawyer = pick(LAWYERS);
  const applied = addDays('2024-01-01', Math.floor(rnd() * 1065));
  const month = (d: string) => d.slice(0, 7);
  const figures: Cell[] = [['app', month(applied), '', '', 1]];
  const outcome = pick(['awaiting', 'mediation', 'court', 'granted', 'granted', 'refused', 'declined', 'withdrawn']);
  figures.push([`app.${outcome}`, month(applied), '', '', 1]);
  figures.push(['money.awarded', month(applied), '', '', Math.floor(rnd() * 5_000_000) * 100]);
  let court = '';
  const scopes = ['region', `mediator:${mediator}`, `lawyer:${lawyer}`, `morg:${ORGS[m % ORGS.length]}`];
  if (outcome !== 'awaiting' && outcome !== 'declined' && outcome !== 'withdrawn') {
    const invited = addDays(applied, 3 + Math.floor(rnd() * 20));
    const answer = pick(['agreed', 'agreed', 'refused', 'silent', 'terminated', 'open']);
    figures.push(['inv', month(invited), '', '', 1], [`inv.${answer}`, month(invited), '', '', 1]);
    if (answer === 'agreed') {
      const days = 10 + Math.floor(rnd() * 80);
      const signed = addDays(applied, days);
      figures.push(['agr', month(signed), '', '', 1], ['agr.days', month(signed), 'days', String(days), 1]);
      figures.push(
        ['money.agreed', month(applied), '', '', 1_000_000_00],
        ['money.waived', month(applied), '', '', 50_000_00],
      );
      figures.push(['money.paid', month(applied), '', '', Math.floor(rnd() * 1_000_000) * 100]);
      for (let i = 1; i <= 12; i++) {
        const due = month(addMonths(signed, i + 2));
        figures.push(['inst.due', due, '', '', 1]);
        if (rnd() < 0.1) figures.push(['inst.missed', due, '', '', 1]);
      }
    }
    if (outcome === 'granted' || outcome === 'refused' || outcome === 'court') {
      court = pick(COURTS);
      scopes.push(`court:${court}`);
      const filed = addDays(applied, 60 + Math.floor(rnd() * 60));
      figures.push(['court.filed', month(filed), '', '', 1]);
      if (outcome === 'granted') {
        figures.push([
          rnd() < 0.4 ? 'court.parole.mandatory' : 'court.parole.discretionary',
          month(addDays(filed, 20)),
          '',
          '',
          1,
        ]);
        const unit = pick(UNITS);
        scopes.push(`officer:${unit}`);
        if (rnd() < 0.1)
          figures.push(['now.arrears', 'now', '', '', 1], ['now.arrearsAmount', 'now', '', '', 150_000_00]);
      } else if (outcome === 'refused') figures.push(['court.refused', month(addDays(filed, 20)), '', '', 1]);
    }
  }
  return {
    scopes: scopes.sort(),
    dims: { mediator, court, institution: pick(INSTITUTIONS) },
    figures,
    court: [],
  };
}

export async function benchStatistics(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-stats-bench-'));
  const lines: string[] = [];
  try {
    const env = loadEnv({
      DATABASE_PATH: join(dir, 'stats.sqlite'),
      LOG_LEVEL: 'silent',
      SWEEP_INTERVAL_SECONDS: '3600',
    });
    const app = await createApp({ env, clock: new FixedClock(new Date(NOW)) }, { logger: false });
    await app.init();
    const db = app.get(DataSource);
    // The sums 1M cases leave: PROFILES distinct cases, each counted CASES / PROFILES times.
    const rnd = random(12);
    const copies = Math.round(CASES / PROFILES);
    const sums = new Map<string, [string, string, string, string, string, number]>();
    const seeded = Date.now();
    for (let p = 0; p < PROFILES; p++)
      for (const [scope, metric, month, dim, value, n] of expandCells(profile(rnd))) {
        const key = `${scope}\u0001${metric}\u0001${month}\u0001${dim}\u0001${value}`;
        const found = sums.get(key);
        if (found) found[5] += n * copies;
        else sums.set(key, [scope, metric, month, dim, value, n * copies]);
      }
    const rows = [...sums.values()];
    await db.transaction(async (em) => {
      for (let i = 0; i < rows.length; i += 150)
        await em.query(
          `INSERT INTO case_stats (scope, metric, month, dim, dim_value, n) VALUES ${rows
            .slice(i, i + 150)
            .map(() => '(?, ?, ?, ?, ?, ?)')
            .join(', ')}`,
          rows.slice(i, i + 150).flat(),
        );
    });
    await db.query('ANALYZE');
    const service = app.get(StatisticsService);
    const as = (role: Principal['role'], userId: string, organisationId: string | null): Principal => ({
      userId,
      login: role,
      role,
      fullName: { kk: role, ru: role },
      organisationId,
      iin: null,
      language: null,
      via: 'token',
      credentialId: 'bench',
    });
    const cases: [string, Principal, string, string][] = [
      ['region 12 months', as('admin', 'admin', null), '2025-12', '2026-11'],
      ['region 36 months', as('admin', 'admin', null), '2024-01', '2026-12'],
      ['organisation 12 months', as('mediator', MEDIATORS[0], ORGS[0]), '2025-12', '2026-11'],
      ['court 12 months', as('court', 'clerk', COURTS[0]), '2025-12', '2026-11'],
      ['lawyer own 36 months', as('lawyer', LAWYERS[0], null), '2024-01', '2026-12'],
    ];
    const results: [string, number, number][] = [];
    for (const [name, principal, from, to] of cases) {
      const scope = name.startsWith('organisation') ? 'organisation' : undefined;
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 15; i++) {
        const t0 = process.hrtime.bigint();
        const r = await service.report(principal, { scope, from, to });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        total = typeof r.applications.total === 'number' ? r.applications.total : -1;
      }
      times.sort((a, b) => a - b);
      results.push([name, times[Math.floor(times.length / 2)], total]);
    }
    const worst = Math.max(...results.map(([, ms]) => ms));
    lines.push(
      `statistics at ${CASES >= 1_000_000 ? `${CASES / 1_000_000}M` : CASES} cases: ${worst.toFixed(0)} ms (goal ≤ 200 ms; slowest scope, median of 15; ${rows.length} sum rows, seeded in ${((Date.now() - seeded) / 1000).toFixed(0)} s)`,
    );
    for (const [name, ms, total] of results) lines.push(`  ${name}: ${ms.toFixed(1)} ms (${total} applications)`);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module)
  benchStatistics().then(
    (lines) => lines.forEach((l) => console.log(l)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
