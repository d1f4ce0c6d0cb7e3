/**
 * `1M cases: page N ms, deep N ms, state N ms, search N ms, write during listing N ms`
 * `page case at 1M: N ms`
 * `page my-work at 1M: N ms`
 *
 * A SQLite database of 1,000,000 cases, made once through the real migrations and kept under data/bench/ (keyed by a
 * fingerprint of the schema and of the seed), then reused. Seeding is bulk SQL outside the timing: a few real cases
 * are opened through the service in each state that matters (applied, invited, negotiating, ready for court,
 * paying), and their rows — application, machine snapshot, history, deadlines, listing index — are copied a million
 * times with other names (a small list of Kazakh and Russian surnames, so a name matches about one case in 70),
 * ИИНs, courts and numbers. Then the real service answers over HTTP:
 *   page   — GET /api/cases?limit=20 (newest first, exact total)
 *   deep   — the page after a cursor half-way down the million
 *   state  — GET /api/cases?state=mediation
 *   search — GET /api/cases?q=Жумабеков (stored as «Жұмабеков»)
 *   page case — GET /cases/:id, the workplace's page of a case (HTML rendered on the server), as its lawyer
 *   my-work — GET / (the home page: what is due on the lawyer's million cases, soonest first, counts per kind)
 *   write during listing — POST of an event while another client pages deep and searches without pause
 * Each figure is the median of repeated requests.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import sqlite3 from 'sqlite3';
import { createApp } from '../../src/bootstrap';
import { encodeCursor } from '../../src/cases/case-queries';
import { filterKey } from '../../src/cases/case-index';
import { searchDocument } from '../../src/cases/search/fold';
import { CasesService } from '../../src/cases/cases.service';
import { directUsers } from './engine';
import { FixedClock } from '../../src/common/clock';
import { loadEnv } from '../../src/config/env';
import { MIGRATIONS } from '../../src/database/migrations';
import { application } from '../factories/case.factory';
import { createCast, principalAs, usualRoleOf } from '../support/cast';

const CASES = Number(process.env.BENCH_MILLION_CASES ?? 1_000_000);
const DIR = join(__dirname, '..', '..', 'data', 'bench');
const SEED_VERSION = 2;
const NOW = '2026-12-01T10:00:00+05:00';

const SURNAMES = [
  'Жұмабеков',
  'Серіков',
  'Нұрланов',
  'Әбдірахманов',
  'Қасымов',
  'Оспанов',
  'Ахметов',
  'Иванов',
  'Петров',
  'Ким',
  'Смағұлов',
  'Төлеуов',
  'Байжанов',
  'Мұратов',
  'Есенов',
  'Тоқтаров',
  'Сейітов',
  'Әлиев',
  'Омаров',
  'Исаев',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Ғабдуллин',
  'Үсенов',
  'Шәріпов',
  'Бекмұхамбетов',
  'Сұлтанов',
  'Жақсылықов',
  'Ермеков',
  'Нұрпейісов',
  'Тұрсынов',
  'Қайратов',
  'Мамыров',
  'Досмағамбетов',
  'Сыздықов',
  'Бейсенов',
  'Құдайбергенов',
  'Өмірбеков',
  'Рахимов',
  'Абдуллаев',
  'Васильев',
  'Морозов',
  'Волков',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Федоров',
  'Михайлов',
  'Алексеев',
  'Тоқаев',
  'Нұрғалиев',
  'Жанұзақов',
  'Қожахметов',
  'Сәрсенбаев',
  'Ыбырайев',
  'Ысқақов',
  'Көшербаев',
  'Дүйсенов',
  'Бөкейханов',
  'Ержанов',
  'Маратов',
  'Асқаров',
  'Бақытжанов',
  'Оразов',
  'Сапаров',
  'Шайхутдинов',
  'Гусейнов',
  'Пак',
  'Цой',
];
const FIRST_NAMES = [
  'Ерлан',
  'Болат',
  'Марат',
  'Дәурен',
  'Асқар',
  'Нұрлан',
  'Серік',
  'Қайрат',
  'Әлібек',
  'Ғалым',
  'Сергей',
  'Андрей',
  'Дмитрий',
  'Алексей',
  'Бауыржан',
  'Ержан',
  'Тимур',
  'Руслан',
  'Мұхтар',
  'Арман',
];
const VICTIM_NAMES = ['Гүлнар', 'Айгерім', 'Әсел', 'Жанар', 'Мәдина', 'Анна', 'Елена', 'Ольга', 'Динара', 'Сәуле'];
const COURTS = [
  'Усть-Каменогорский городской суд',
  'Алмалинский районный суд г. Алматы',
  'Есильский районный суд г. Астаны',
  'Карагандинский городской суд',
  'Шымкентский городской суд',
  'Павлодарский городской суд',
  'Актюбинский городской суд',
  'Костанайский городской суд',
  'Семейский городской суд',
  'Таразский городской суд',
  'Атырауский городской суд',
  'Уральский городской суд',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));

// ── seeding ────────────────────────────────────────────────────────────────────────────────────────────────────
function fingerprint(): string {
  const h = createHash('sha256');
  // The schema as the migrations make it, and the seed that fills it: a change to either makes a new database.
  h.update(
    JSON.stringify({
      migrations: MIGRATIONS.map((m) => `${m.name}:${m.prototype.up.toString()}`),
      seed: `${openTemplates.toString()}${seed.toString()}`,
      SEED_VERSION,
      CASES,
    }),
  );
  return h.digest('hex').slice(0, 12);
}

const stepTimes = new Map<string, number>();
function exec(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  const t0 = Date.now();
  const step = sql.trim().split(/\s+/).slice(0, 3).join(' ');
  return new Promise((resolve, reject) =>
    db.run(sql, params, (e) => {
      stepTimes.set(step, (stepTimes.get(step) ?? 0) + Date.now() - t0);
      return e ? reject(e) : resolve();
    }),
  );
}
function all<T>(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows as T[]))));
}

/** Real cases in the states a listing shows, opened through the service on the fresh database. */
async function openTemplates(path: string): Promise<{ ids: string[]; lawyerId: string }> {
  const env = loadEnv({
    DATABASE_PATH: path,
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_SECONDS: '3600',
    RATE_LIMIT_MAX: '0',
  });
  const app = await createApp({ env, clock: new FixedClock(new Date(NOW)) }, { logger: false });
  await app.init();
  const cases = app.get(CasesService);
  const actor = principalAs('lawyer');
  directUsers(app); // the cast's accounts, in memory: the seed measures no sign-in
  const ids: string[] = [];
  const open = async () => {
    const k = await cases.create(application({ mediatorUserId: principalAs('mediator').userId }) as never, actor);
    ids.push(k.id);
    return { id: k.id, claimId: k.claims[0].id };
  };
  const ev = (id: string, body: Record<string, unknown>) =>
    cases.applyUserEvent(id, body, principalAs(usualRoleOf(body.type)));
  await open(); // applied
  const invited = await open();
  await ev(invited.id, { type: 'case.accepted' });
  await ev(invited.id, { type: 'invitation.sent', claimId: invited.claimId });
  const negotiating = await open();
  await ev(negotiating.id, { type: 'case.accepted' });
  await ev(negotiating.id, { type: 'invitation.sent', claimId: negotiating.claimId });
  await ev(negotiating.id, { type: 'invitation.accepted', claimId: negotiating.claimId });
  await ev(negotiating.id, { type: 'contract.signed', claimId: negotiating.claimId, contractDate: '2026-12-01' });
  const ready = await open();
  await ev(ready.id, { type: 'case.accepted' });
  await ev(ready.id, { type: 'invitation.sent', claimId: ready.claimId });
  await ev(ready.id, { type: 'invitation.refused', claimId: ready.claimId });
  const paying = await open();
  await ev(paying.id, { type: 'case.accepted' });
  for (const e of [
    { type: 'invitation.sent' },
    { type: 'invitation.accepted' },
    { type: 'contract.signed', contractDate: '2026-12-01' },
    { type: 'session.held', form: 'video' },
    {
      type: 'agreement.signed',
      signedBy: { mediator: true, victim: true, convict: true },
      terms: {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: { total: 2_000_000 * 100, monthly: 50_000 * 100, startsMonthAfterRelease: true, dayOfMonth: 10 },
      },
    },
  ]) {
    await ev(paying.id, { ...e, claimId: paying.claimId });
  }
  await ev(paying.id, { type: 'petition.filed' });
  await ev(paying.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
  await ev(paying.id, { type: 'convict.released', releaseDate: '2026-12-01' });
  // The cast exists in the seeded file (benchMillion signs in as it): its lawyer is the one who sees every copy.
  const lawyerId = (await createCast(app)).lawyer.id;
  await app.close();
  return { ids, lawyerId };
}

/** Copies the template cases `CASES` times in large transactions of plain SQL. */
async function seed(path: string): Promise<void> {
  const { ids: templateIds, lawyerId } = await openTemplates(path);
  const db = new sqlite3.Database(path);
  try {
    // A half-made file is thrown away, never used: no journal while copying (the service reopens it in WAL mode).
    await exec(db, 'PRAGMA journal_mode = OFF');
    await exec(db, 'PRAGMA synchronous = OFF');
    await exec(db, 'PRAGMA cache_size = -262144');
    await exec(db, 'PRAGMA temp_store = MEMORY');
    // Templates: 40 % applied, 20 % invited, 10 % negotiating, 10 % ready for court, 20 % paying after release.
    const mix = [0, 0, 0, 0, 1, 1, 2, 3, 4, 4];
    await exec(
      db,
      'CREATE TEMP TABLE tpl (t INTEGER PRIMARY KEY, application TEXT, snapshot TEXT, state TEXT, version INTEGER, claim_id TEXT, claim_states TEXT, next_deadline TEXT, mediator_key TEXT, eligible_on TEXT, hearing_on TEXT)',
    );
    await exec(db, 'CREATE TEMP TABLE tpl_deadlines (t INTEGER, key TEXT, type TEXT, due_date TEXT, payload TEXT)');
    for (const [t, id] of templateIds.entries()) {
      const [c] = await all<Record<string, string | number>>(db, 'SELECT * FROM cases WHERE id = ?', [id]);
      const [ix] = await all<Record<string, string>>(db, 'SELECT * FROM case_index WHERE case_id = ?', [id]);
      const app = JSON.parse(c.application as string);
      const claimId = app.claims[0].id as string;
      app.convict.fullName = '@@NAME@@';
      app.convict.iin = '@@IIN@@';
      app.convict.birthDate = undefined;
      app.claims[0].victim.fullName = '@@VICTIM@@';
      app.claims[0].victim.iin = '@@VIIN@@';
      app.sentence.court = '@@COURT@@';
      await exec(db, 'INSERT INTO tpl VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        t,
        JSON.stringify(app),
        c.snapshot,
        c.state,
        c.version,
        claimId,
        ix.claim_states,
        ix.next_deadline,
        ix.mediator_key,
        ix.eligible_on,
        ix.hearing_on,
      ]);
      await exec(
        db,
        "INSERT INTO tpl_deadlines SELECT ?, key, type, due_date, payload FROM deadlines WHERE case_id = ? AND status = 'pending'",
        [t, id],
      );
    }
    await exec(db, 'CREATE TEMP TABLE names (k INTEGER PRIMARY KEY, name TEXT, words TEXT)');
    for (const [k, n] of SURNAMES.entries())
      await exec(db, 'INSERT INTO names VALUES (?, ?, ?)', [k, n, searchDocument([n])]);
    await exec(db, 'CREATE TEMP TABLE firsts (k INTEGER PRIMARY KEY, name TEXT, words TEXT)');
    for (const [k, n] of FIRST_NAMES.entries())
      await exec(db, 'INSERT INTO firsts VALUES (?, ?, ?)', [k, n, searchDocument([n])]);
    await exec(db, 'CREATE TEMP TABLE vfirsts (k INTEGER PRIMARY KEY, name TEXT, words TEXT)');
    for (const [k, n] of VICTIM_NAMES.entries())
      await exec(db, 'INSERT INTO vfirsts VALUES (?, ?, ?)', [k, n, searchDocument([n])]);
    await exec(db, 'CREATE TEMP TABLE courts (k INTEGER PRIMARY KEY, name TEXT, key TEXT)');
    for (const [k, n] of COURTS.entries()) await exec(db, 'INSERT INTO courts VALUES (?, ?, ?)', [k, n, filterKey(n)]);
    await exec(db, 'CREATE TEMP TABLE mix (m INTEGER PRIMARY KEY, t INTEGER)');
    for (const [m, t] of mix.entries()) await exec(db, 'INSERT INTO mix VALUES (?, ?)', [m, t]);

    const [{ base }] = await all<{ base: number }>(db, 'SELECT COALESCE(MAX(seq), 0) AS base FROM case_index');
    // Secondary indexes are built once after the copy (a sort) rather than row by row.
    const deferred = await all<{ name: string; sql: string }>(
      db,
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    );
    for (const index of deferred) await exec(db, `DROP INDEX "${index.name}"`);
    const chunk = 100_000;
    for (let from = 1; from <= CASES; from += chunk) {
      const to = Math.min(CASES, from + chunk - 1);
      await exec(db, 'BEGIN');
      await exec(db, 'DROP TABLE IF EXISTS temp.gen');
      // One row per case: its template, names, court, ИИНs, number and the instant it was opened (older cases first).
      await exec(
        db,
        `CREATE TEMP TABLE gen AS WITH RECURSIVE s(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM s WHERE i < ?)
         SELECT i, (SELECT t FROM mix WHERE m = i % 10) AS t,
           printf('%08x-0000-4000-8000-%012x', i, i) AS id, printf('%08x-0000-4000-9000-%012x', i, i) AS claim_id,
           (i * 7919) % ${SURNAMES.length} AS sn, (i * 31) % ${FIRST_NAMES.length} AS fn,
           (i * 104729) % ${SURNAMES.length} AS vsn, (i * 17) % ${VICTIM_NAMES.length} AS vfn, (i * 13) % ${COURTS.length} AS court,
           printf('%012d', 100000000000 + i) AS iin, printf('%012d', 600000000000 + i) AS viin,
           2016 + (i - 1) / 100000 AS year, printf('%06d', (i - 1) % 100000 + 1) AS serial,
           strftime('%Y-%m-%dT%H:%M:%fZ', '2016-01-01', '+' || (i * 280) || ' seconds') AS created_at
         FROM s`,
        [from, to],
      );
      await exec(
        db,
        `INSERT INTO cases (id, number, procedure, state, search_text, version, machine_id, machine_version, application, snapshot, created_at, updated_at)
         SELECT g.id, 'МД-' || g.year || '-' || g.serial, 'parole', tpl.state, '', tpl.version, 'mediation-procedure', 1,
           replace(replace(replace(replace(replace(replace(tpl.application, '@@NAME@@', n.name || ' ' || f.name), '@@IIN@@', g.iin),
             '@@VICTIM@@', vn.name || 'а ' || vf.name), '@@VIIN@@', g.viin), '@@COURT@@', ct.name), tpl.claim_id, g.claim_id),
           replace(tpl.snapshot, tpl.claim_id, g.claim_id), g.created_at, g.created_at
         FROM gen g JOIN tpl ON tpl.t = g.t JOIN names n ON n.k = g.sn JOIN firsts f ON f.k = g.fn JOIN names vn ON vn.k = g.vsn
           JOIN vfirsts vf ON vf.k = g.vfn JOIN courts ct ON ct.k = g.court ORDER BY g.i`,
      );
      await exec(
        db,
        `INSERT INTO case_events (case_id, seq, type, claim_id, actor_role, actor_name, event_date, recorded_at, payload, state_before, state_after)
         SELECT g.id, 1, 'case.applied', NULL, 'lawyer', NULL, substr(g.created_at, 1, 10), g.created_at,
           '{"procedure":"parole","claims":["' || g.claim_id || '"]}', NULL, 'applied' FROM gen g ORDER BY g.i`,
      );
      await exec(
        db,
        `INSERT INTO deadlines (key, case_id, claim_id, type, due_date, payload, status, fired_at)
         SELECT replace(d.key, tpl.claim_id, g.claim_id), g.id, g.claim_id, d.type, d.due_date, d.payload, 'pending', NULL
         FROM gen g JOIN tpl ON tpl.t = g.t JOIN tpl_deadlines d ON d.t = g.t ORDER BY g.i`,
      );
      await exec(
        db,
        `INSERT INTO case_index (seq, case_id, number, state, court_key, mediator_key, next_deadline, claim_states, search_text, created_at, eligible_on, hearing_on)
         SELECT ${base} + g.i, g.id, 'МД-' || g.year || '-' || g.serial, tpl.state, ct.key, tpl.mediator_key, tpl.next_deadline, tpl.claim_states,
           'мд md ' || g.year || ' ' || g.serial || ' ' || n.words || ' ' || f.words || ' ' || vn.words || ' ' || vf.words, g.created_at,
           tpl.eligible_on, tpl.hearing_on
         FROM gen g JOIN tpl ON tpl.t = g.t JOIN names n ON n.k = g.sn JOIN firsts f ON f.k = g.fn JOIN names vn ON vn.k = g.vsn
           JOIN vfirsts vf ON vf.k = g.vfn JOIN courts ct ON ct.k = g.court ORDER BY g.i`,
      );
      // Who sees the copies: the cast's lawyer sees all of them — the widest scope a listing walks (a court sees
      // thousands, a mediator hundreds), so the figures below are the worst case of a scoped listing.
      await exec(
        db,
        `INSERT INTO case_access (key, seq, case_id) SELECT ?, ${base} + g.i, g.id FROM gen g ORDER BY g.i`,
        [`lawyer:${lawyerId}`],
      );
      await exec(
        db,
        `INSERT INTO case_fts (rowid, body) SELECT seq, search_text FROM case_index WHERE seq BETWEEN ${base} + ? AND ${base} + ?`,
        [from, to],
      );
      await exec(
        db,
        `INSERT INTO case_iin (iin, seq) SELECT iin, ${base} + i FROM gen UNION ALL SELECT viin, ${base} + i FROM gen`,
      );
      await exec(
        db,
        `INSERT INTO case_claim_states (claim_state, seq, state)
         SELECT j.value, ${base} + g.i, tpl.state FROM gen g JOIN tpl ON tpl.t = g.t, json_each('["' || replace(tpl.claim_states, ' ', '","') || '"]') j`,
      );
      await exec(db, 'COMMIT');
      process.stderr.write(`  seeded ${to} cases\r`);
    }
    for (const index of deferred) await exec(db, index.sql);
    // Totals as writeCaseIndex keeps them, recounted once for the copied rows.
    await exec(db, 'BEGIN');
    await exec(db, 'DELETE FROM case_counts');
    await exec(db, "INSERT INTO case_counts (key, n) SELECT 'all', COUNT(*) FROM case_index");
    await exec(
      db,
      "INSERT INTO case_counts (key, n) SELECT 'state:' || state, COUNT(*) FROM case_index GROUP BY state",
    );
    await exec(
      db,
      "INSERT INTO case_counts (key, n) SELECT 'claim:' || claim_state, COUNT(*) FROM case_claim_states GROUP BY claim_state",
    );
    await exec(db, 'COMMIT');
    await exec(db, 'ANALYZE');
    await exec(db, 'PRAGMA journal_mode = WAL');
    if (process.env.BENCH_DEBUG) process.stderr.write(`${JSON.stringify(Object.fromEntries(stepTimes))}\n`);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** The seeded database: reused when its fingerprint matches, else made now (outside any timing). */
export async function millionDatabase(): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, `million-${fingerprint()}.sqlite`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  await seed(partial);
  renameSync(partial, path);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  process.stderr.write(
    `1M cases: seeded ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(0)} s → ${path}\n`,
  );
  return path;
}

// ── measuring ──────────────────────────────────────────────────────────────────────────────────────────────────
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
/** Signed in: the lawyer reads and opens cases, events go as the role that usually records them. */
let cast: Awaited<ReturnType<typeof createCast>> | undefined;

function call(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  accept = 'application/json',
): Promise<{ status: number; body: any; ms: number }> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          accept,
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...(cast
            ? {
                authorization: `Bearer ${cast[path.endsWith('/events') ? usualRoleOf((body as { type?: unknown }).type) : 'lawyer'].token}`,
              }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          // Pages answer HTML: their body is the text.
          const json = String(res.headers['content-type'] ?? '').includes('json');
          resolve({ status: res.statusCode ?? 0, body: text && json ? JSON.parse(text) : text || null, ms: elapsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function timed(port: number, path: string, runs = 15, accept?: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const r = await call(port, 'GET', path, undefined, accept);
    if (r.status !== 200) throw new Error(`GET ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
    if (i >= 2) times.push(r.ms);
  }
  return median(times);
}

/** A client paging deep and searching without pause, in a worker thread so that it does not share our event loop. */
const LISTING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, paths, token } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stop = false, done = 0;
parentPort.on('message', () => { stop = true; });
const get = (path) => new Promise((resolve, reject) => {
  http.get({ host: '127.0.0.1', port, path, agent, headers: { authorization: 'Bearer ' + token } }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
});
(async () => {
  for (let i = 0; !stop; i++) { await get(paths[i % paths.length]); done++; }
  agent.destroy();
  parentPort.postMessage(done);
})();
`;

export async function benchMillion(): Promise<string[]> {
  const path = await millionDatabase();
  const env = loadEnv({
    DATABASE_PATH: path,
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_SECONDS: '3600',
    RATE_LIMIT_MAX: '0',
  });
  const app = await createApp({ env, clock: new FixedClock(new Date(NOW)) }, { logger: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  cast = await createCast(app);
  try {
    const first = await call(port, 'GET', '/api/cases?limit=20');
    if (first.body.total < CASES)
      throw new Error(`the bench database holds ${first.body.total} cases, expected ${CASES}`);
    const deepCursor = encodeCursor(Math.floor(CASES / 2));
    const page = await timed(port, '/api/cases?limit=20');
    const deep = await timed(port, `/api/cases?limit=20&cursor=${deepCursor}`);
    const state = await timed(port, '/api/cases?limit=20&state=mediation');
    const search = await timed(port, `/api/cases?limit=20&q=${encodeURIComponent('Жумабеков')}`);
    // A case at a glance as the workplace draws it (src/web/case): HTML rendered on the server from the case, its
    // deadlines, history and eligibility, for a copy of the paying template half-way down the million (the richest
    // page: agreement, restitution, the longest history), signed in as its lawyer.
    const paying = await call(port, 'GET', `/api/cases?limit=1&state=restitution&cursor=${deepCursor}`);
    const payingId = (paying.body as { items: { id: string }[] }).items[0]?.id;
    if (!payingId) throw new Error('no case in restitution half-way down the bench database');
    const casePage = await timed(port, `/cases/${payingId}`, 15, 'text/html');
    // My work (GET /, the home page) of the lawyer who sees every case: what is due, soonest first, with counts.
    const home = await call(port, 'GET', '/');
    if (home.status !== 200 || !String(home.body).includes('class="work-action"'))
      throw new Error(`GET / → ${home.status}: my work lists nothing at ${CASES} cases`);
    const myWork = await timed(port, '/');
    const myWorkLine = `page my-work at ${CASES === 1_000_000 ? '1M' : CASES}: ${ms(myWork)} ms`;
    process.stderr.write(`${myWorkLine}\n`); // measured: shown even if the write-during-listing part fails

    // A case to write to: negotiating, so that each session.held is a real event with history.
    const created = await call(port, 'POST', '/api/cases', application({ mediatorUserId: cast.mediator.id }));
    const id = created.body.id as string;
    const claimId = created.body.claims[0].id as string;
    for (const e of [
      { type: 'case.accepted' },
      { type: 'invitation.sent', claimId },
      { type: 'invitation.accepted', claimId },
      { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
    ]) {
      const r = await call(port, 'POST', `/api/cases/${id}/events`, e);
      if (r.status !== 200) throw new Error(`${e.type} → ${r.status}: ${JSON.stringify(r.body)}`);
    }
    if (process.env.BENCH_DEBUG) {
      const quiet: number[] = [];
      for (let i = 0; i < 20; i++)
        quiet.push(
          (await call(port, 'POST', `/api/cases/${id}/events`, { type: 'session.held', claimId, form: 'phone' })).ms,
        );
      process.stderr.write(`write alone ${ms(median(quiet))} ms\n`);
    }
    const paths = Array.from({ length: 40 }, (_, k) =>
      k % 4 === 3
        ? `/api/cases?limit=20&q=${encodeURIComponent(['Иванов', 'Жумабеков', 'Омаров Ерлан', 'Серик'][k % 3])}`
        : `/api/cases?limit=20&cursor=${encodeCursor(Math.floor(((k + 1) * CASES) / 41))}`,
    );
    const worker = new Worker(LISTING_WORKER, { eval: true, workerData: { port, paths, token: cast?.lawyer.token } });
    const listed = new Promise<number>((resolve) => worker.once('message', resolve));
    await new Promise((r) => setTimeout(r, 300));
    const writes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await call(port, 'POST', `/api/cases/${id}/events`, { type: 'session.held', claimId, form: 'phone' });
      if (r.status !== 200) throw new Error(`session.held → ${r.status}: ${JSON.stringify(r.body)}`);
      writes.push(r.ms);
    }
    worker.postMessage('stop');
    const listings = await listed;
    await worker.terminate();
    if (listings < 10) throw new Error(`only ${listings} listings ran beside the writes`);
    const write = median(writes);
    const at = CASES === 1_000_000 ? '1M' : String(CASES);
    return [
      `page case at ${at}: ${ms(casePage)} ms`,
      `1M cases: page ${ms(page)} ms, deep ${ms(deep)} ms, state ${ms(state)} ms, search ${ms(search)} ms, write during listing ${ms(write)} ms`,
      myWorkLine,
    ];
  } finally {
    agent.destroy();
    await app.close();
  }
}

if (require.main === module) {
  benchMillion()
    .then((lines) => lines.forEach((l) => console.log(l)))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
