import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import request from 'supertest';
import { signInPage } from '../support/web';
import { DataSource } from 'typeorm';
import { PdfService } from '../../src/documents/pdf.service';
import { OutboxDispatcher } from '../../src/workflow/outbox.dispatcher';
import { IIN, TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/**
 * Documents as a legal record (issue 9, items 1, 2, 6): issued when their event happens, frozen, served as the
 * same bytes ever after (also after a restart months later), dated statements kept one by one, and checkable on
 * paper through the short id and QR code that lead to the public verification page.
 */

const VICTIM = 'Ахметова Гүлнар Серікқызы';
const CONVICT = 'Серіков Болат Нұрланұлы';
const TERMS = {
  paidBeforeHearing: 0,
  waived: 0,
  assumedReleaseDate: '2027-03-01',
  instalments: { total: 2_000_000 * TENGE, monthly: 50_000 * TENGE, startsMonthAfterRelease: true, dayOfMonth: 10 },
};
const ON_EVENT = { DOCUMENTS_ON_EVENT: 'true', PUBLIC_URL: 'https://mediation.example.kz' };

const binary = (r: request.Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (ch: Buffer) => chunks.push(ch));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const download = async (t: TestApp, id: string, kind: string, lang: 'kk' | 'ru', format: 'pdf' | 'html' = 'pdf') => {
  const res = await binary(t.as('mediator').get(`/api/cases/${id}/documents/${kind}`).query({ lang, format }));
  if (res.status !== 200) throw new Error(`${kind} ${lang} ${format} → ${res.status} ${String(res.body)}`);
  return res.body as Buffer;
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The QR codes on the pages of a PDF (pdftoppm → PPM → jsQR), page by page. */
function qrCodesOf(pdf: Buffer, dir: string): (string | null)[] {
  const file = join(dir, `doc-${sha256(pdf).slice(0, 8)}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '200', file, join(dir, 'page')]);
  const pages = readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.ppm'))
    .sort();
  const out = pages.map((p) => {
    const ppm = readFileSync(join(dir, p));
    rmSync(join(dir, p));
    // P6 <width> <height> <maxval> then RGB bytes
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const rgb = ppm.subarray(header[0].length);
    // The QR code stands in the footer, bottom right: decode that corner.
    const x0 = Math.floor(width * 0.6);
    const y0 = Math.floor(height * 0.82);
    const w = width - x0;
    const h = height - y0;
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const src = ((y0 + y) * width + (x0 + x)) * 3;
        const dst = (y * w + x) * 4;
        rgba[dst] = rgb[src];
        rgba[dst + 1] = rgb[src + 1];
        rgba[dst + 2] = rgb[src + 2];
        rgba[dst + 3] = 255;
      }
    return jsQR(rgba, w, h)?.data ?? null;
  });
  rmSync(file);
  return out;
}

describe('frozen documents', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'frozen-docs-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  interface IssuedRow {
    kind: string;
    lang: string;
    format: string;
    issue: string;
    as_of: string | null;
    document_date: string;
    case_version: number;
    doc_id: string;
    sha256: string;
  }
  const issuedOf = (t: TestApp, caseId: string) =>
    t.app
      .get(DataSource)
      .query<IssuedRow[]>(
        'SELECT kind, lang, format, issue, as_of, document_date, case_version, doc_id, sha256 FROM issued_documents WHERE case_id = ? ORDER BY kind, lang, format, case_version',
        [caseId],
      );

  it('issued at the event, from the case as of that event, once; the same bytes after a restart months later', async () => {
    const databasePath = join(dir, 'restart.sqlite');
    let t = await startTestApp({ databasePath, now: '2026-12-01T10:00:00+05:00', env: ON_EVENT });
    let caseId: string;
    let agreementVersion: number;
    let before: { ru: Buffer; kk: Buffer; html: Buffer };
    try {
      const c = new CaseClient(t);
      const kase = await c.open();
      caseId = kase.id;
      const claimId = kase.claims[0].id;
      await c.send(caseId, { type: 'case.accepted' });
      // The handler is held back while the case moves on: the documents still describe the case as the event left it.
      const dispatcher = t.app.get(OutboxDispatcher);
      const paused = jest.spyOn(dispatcher, 'dispatch').mockResolvedValue(undefined);
      agreementVersion = (await c.mediateToAgreement(caseId, claimId, TERMS, '2026-12-01')).version;
      c.setDate(t, '2026-12-03');
      await c.send(caseId, { type: 'petition.filed' });
      paused.mockRestore();
      await dispatcher.dispatch();
      await dispatcher.dispatch(); // a second pass finds nothing left to do

      const rows = await issuedOf(t, caseId);
      // invitation, contract, agreement and its schedule: kk and ru, PDF and HTML, each once
      expect(rows.map((r) => `${r.kind}.${r.lang}.${r.format}`)).toEqual(
        ['agreement', 'invitation', 'mediation-contract', 'schedule'].flatMap((k) =>
          ['kk.html', 'kk.pdf', 'ru.html', 'ru.pdf'].map((x) => `${k}.${x}`),
        ),
      );
      const agreement = rows.filter((r) => r.kind === 'agreement');
      expect(agreement.every((r) => r.case_version === agreementVersion && r.issue === 'event')).toBe(true);
      expect(agreement.every((r) => r.document_date === '2026-12-01')).toBe(true);
      expect(new Set(rows.map((r) => r.doc_id)).size).toBe(rows.length);
      const outbox = await t.app
        .get(DataSource)
        .query('SELECT status, attempts FROM outbox WHERE case_id = ? ORDER BY created_at', [caseId]);
      expect(outbox).toEqual([
        { status: 'done', attempts: 1 },
        { status: 'done', attempts: 1 },
        { status: 'done', attempts: 1 },
      ]);
      // Issued, the row keeps no copy of the case (names, ИИН); run again (a crash before it was marked done), it
      // finds its documents issued and issues nothing more.
      const db = t.app.get(DataSource);
      const params = await db.query<{ params: string }[]>('SELECT params FROM outbox WHERE case_id = ?', [caseId]);
      for (const row of params) {
        expect(JSON.parse(row.params)).toEqual(expect.objectContaining({ caseVersion: expect.any(Number) }));
        expect(row.params).not.toContain(IIN.victim1);
      }
      await db.query(`UPDATE outbox SET status = 'pending', attempts = 0 WHERE case_id = ?`, [caseId]);
      await dispatcher.dispatch();
      expect(await issuedOf(t, caseId)).toEqual(rows);

      before = {
        ru: await download(t, caseId, 'agreement', 'ru'),
        kk: await download(t, caseId, 'agreement', 'kk'),
        html: await download(t, caseId, 'agreement', 'ru', 'html'),
      };
      const stored = agreement.find((r) => r.lang === 'ru' && r.format === 'pdf')!;
      expect(sha256(before.ru)).toBe(stored.sha256);
      expect(await download(t, caseId, 'agreement', 'ru')).toEqual(before.ru);
      // The PDF's own dates are the day of the agreement (00:00 in Almaty, written in UTC), not the rendering's
      expect(before.ru.toString('latin1')).toContain('/CreationDate (D:20261130190000Z)');
      expect(before.ru.toString('latin1')).toContain('/ModDate (D:20261130190000Z)');
      const html = before.html.toString('utf8');
      expect(html).toContain('является ориентировочным');
      expect(html).toContain('1 марта 2027 года'); // the release date the parties assumed
      expect(html).toContain('Если суд откажет в условно-досрочном освобождении');
      expect(html).not.toContain('ЮРИСТУ НА ПРОВЕРКУ'); // the lawyer's mark is a template comment, never printed
      expect(html).toContain('10.04.2027'); // first indicative payment: the month after March 2027
    } finally {
      await t.close();
    }

    // Months later, after release: the agreement is what was signed, byte for byte.
    t = await startTestApp({ databasePath, now: '2027-05-20T10:00:00+05:00', env: ON_EVENT });
    try {
      const c = new CaseClient(t);
      await c.send(caseId, { type: 'court.decided', decision: 'parole', decisionDate: '2027-05-18' });
      await c.send(caseId, { type: 'convict.released', releaseDate: '2027-05-19' });
      expect(await download(t, caseId, 'agreement', 'ru')).toEqual(before.ru);
      expect(await download(t, caseId, 'agreement', 'kk')).toEqual(before.kk);
      expect(await download(t, caseId, 'agreement', 'ru', 'html')).toEqual(before.html);

      // The payment calendar now has the real dates: a dated document referring to the agreement
      const calendar = (await download(t, caseId, 'schedule', 'ru', 'html')).toString('utf8');
      expect(calendar).toContain('ГРАФИК ПЛАТЕЖЕЙ');
      expect(calendar).toContain('по состоянию на 20 мая 2027 года');
      expect(calendar).toMatch(/от 1 декабря 2026 года № МД-\d{4}-\d{6}\/1/);
      expect(calendar).toContain('10.06.2027'); // the month after the month of release
      const annex = (await issuedOf(t, caseId)).find(
        (r) => r.kind === 'schedule' && r.issue === 'event' && r.lang === 'ru' && r.format === 'html',
      )!;
      const verified = await request(t.http).get(`/api/documents/verify/${annex.sha256}`).expect(200);
      expect(verified.body).toMatchObject({ known: true, kind: 'schedule', issue: 'event', latest: false });
    } finally {
      await t.close();
    }
  }, 180_000);

  it('without Chromium the handler issues the HTML files and keeps the row for the PDFs; a bad assumed release date is a 400', async () => {
    const t = await startTestApp({ env: { ...ON_EVENT, CHROMIUM_PATH: '/nonexistent' } });
    try {
      const c = new CaseClient(t);
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId });
      await t.app.get(OutboxDispatcher).dispatch();
      const rows = await issuedOf(t, kase.id);
      expect(rows.map((r) => `${r.kind}.${r.lang}.${r.format}`)).toEqual(['invitation.kk.html', 'invitation.ru.html']);
      const [row] = await t.app
        .get(DataSource)
        .query<{ status: string; attempts: number; last_error: string }[]>(
          'SELECT status, attempts, last_error FROM outbox WHERE case_id = ?',
          [kase.id],
        );
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('Chromium') });

      await c.send(kase.id, { type: 'invitation.accepted', claimId });
      await c.send(kase.id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      const refused = await t
        .as('mediator')
        .post(`/api/cases/${kase.id}/events`)
        .send({
          type: 'agreement.signed',
          claimId,
          signedBy: { mediator: true, victim: true, convict: true },
          terms: { ...TERMS, assumedReleaseDate: '2026-11-30' },
        })
        .expect(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'terms.assumedReleaseDate', rule: 'assumed_release_date_invalid' }),
      ]);
    } finally {
      await t.close();
    }
  }, 60_000);

  describe('on paper and dated statements', () => {
    let t: TestApp;
    let c: CaseClient;
    let caseId: string;
    let claimId: string;

    beforeAll(async () => {
      t = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env: ON_EVENT });
      c = new CaseClient(t);
      const kase = await c.open();
      caseId = kase.id;
      claimId = kase.claims[0].id;
      await c.send(caseId, { type: 'case.accepted' });
      await c.mediateToAgreement(caseId, claimId, TERMS, '2026-12-01');
      await c.send(caseId, { type: 'petition.filed' });
      await c.send(caseId, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
      c.setDate(t, '2027-01-08');
      await c.send(caseId, { type: 'convict.released', releaseDate: '2027-01-08' });
      c.setDate(t, '2027-02-10');
      await c.send(caseId, {
        type: 'payment.recorded',
        claimId,
        amount: 50_000 * TENGE,
        date: '2027-02-10',
        evidence: 'bank_transfer',
        reference: 'PP-1',
      });
      await t.app.get(OutboxDispatcher).dispatch();
    }, 120_000);
    afterAll(() => t.close());

    it('every page carries the QR code of the verification page; the page tells what the document is, nothing personal', async () => {
      const pdf = await download(t, caseId, 'agreement', 'kk');
      const { docId } = (
        await request(t.http)
          .get(`/api/documents/verify/${sha256(pdf)}`)
          .expect(200)
      ).body;
      expect(docId).toMatch(/^[0-9A-Z]{10}$/);
      const codes = qrCodesOf(pdf, dir);
      expect(codes.length).toBeGreaterThanOrEqual(2);
      expect(codes).toEqual(codes.map(() => `https://mediation.example.kz/verify/${docId}`));
      const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain(docId); // the short id printed in the footer
      expect(text).toContain('Түпнұсқалығын тексеру'); // the instructions at the end

      const page = await request(t.http).get(`/verify/${docId}`).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const kase = await c.get(caseId);
      expect(page.text).toContain(kase.number);
      expect(page.text).toContain('Дауды (жанжалды) медиация тәртібімен реттеу туралы келісім');
      expect(page.text).toContain('Соглашение об урегулировании спора');
      expect(page.text).toContain('01.12.2026');
      expect(page.text).toContain('на казахском языке');
      expect(page.text).toContain('Это последняя редакция документа.');
      for (const personal of [VICTIM, CONVICT, IIN.victim1, IIN.convict, 'Касымова', 'два миллиона', '2 000 000'])
        expect(page.text).not.toContain(personal);
      // typed from paper: lower case and O for 0 are forgiven; an unknown id is a 404 page
      await request(t.http).get(`/verify/${docId.toLowerCase()}`).expect(200);
      const unknown = await request(t.http).get('/verify/ZZZZZZZZZZ').expect(404);
      expect(unknown.text).toContain('сервисом не выдавался');
    }, 60_000);

    it('a clerk uploads a PDF: the issued one is recognised, a changed one is not; not a PDF or too big → 400', async () => {
      const pdf = await download(t, caseId, 'agreement', 'ru');
      const upload = (bytes: Buffer, type = 'application/pdf', accept = 'application/json') =>
        request(t.http)
          .post('/verify')
          .set('accept', accept)
          .attach('file', bytes, { filename: 'document.pdf', contentType: type });
      const known = await upload(pdf).expect(200);
      expect(known.text).toContain('Файл признан');
      expect(known.text).toContain('Файл танылды');
      expect(known.text).not.toContain(VICTIM);

      const changed = Buffer.from(pdf);
      changed[changed.length - 20] ^= 1;
      const other = await upload(changed).expect(200);
      expect(other.text).toContain('Файл не признан');
      expect(other.text).toContain(sha256(changed));

      const notPdf = await upload(Buffer.from('<html>not a pdf</html>'), 'text/html').expect(400);
      expect(notPdf.body.errors[0]).toMatchObject({ field: 'file', rule: 'pdf_required' });
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32)]);
      const tooBig = await upload(big).expect(400);
      expect(tooBig.body.errors[0]).toMatchObject({ field: 'file', rule: 'file_too_large' });
      // a browser gets the page with the problem, in both languages
      const page = await upload(Buffer.from('GIF89a'), 'image/gif', 'text/html').expect(400);
      expect(page.text).toContain('Нужен файл PDF');
      expect(page.text).toContain('PDF файлы қажет');
      await request(t.http).post('/verify').send({ file: 'x' }).expect(400);
      // a court clerk signed in to the workplace checks a file from the same form: nothing to forge, no token asked
      const clerk = await signInPage(t, 'court');
      const signedIn = await request(t.http)
        .post('/verify')
        .set('Cookie', clerk.cookie)
        .set('accept', 'text/html')
        .attach('file', pdf, { filename: 'document.pdf', contentType: 'application/pdf' })
        .expect(200);
      expect(signedIn.text).toContain('Файл признан');
    }, 60_000);

    it('statements are dated issues: the same all day, a new one the next day, each kept and verifiable', async () => {
      c.setDate(t, '2027-02-11');
      const first = await download(t, caseId, 'payment-statement', 'ru');
      expect(await download(t, caseId, 'payment-statement', 'ru')).toEqual(first);
      c.setDate(t, '2027-02-12');
      const second = await download(t, caseId, 'payment-statement', 'ru');
      expect(sha256(second)).not.toBe(sha256(first));
      const a = (
        await request(t.http)
          .get(`/api/documents/verify/${sha256(first)}`)
          .expect(200)
      ).body;
      const b = (
        await request(t.http)
          .get(`/api/documents/verify/${sha256(second)}`)
          .expect(200)
      ).body;
      expect(a).toMatchObject({ kind: 'payment-statement', issue: 'dated', asOf: '2027-02-11', latest: false });
      expect(b).toMatchObject({ kind: 'payment-statement', issue: 'dated', asOf: '2027-02-12', latest: true });
      const page = await request(t.http).get(`/verify/${a.docId}`).expect(200);
      expect(page.text).toContain('Есть более поздняя редакция этого документа');
      expect(page.text).toContain('11.02.2027 (по состоянию на эту дату)');
    }, 60_000);

    it('a PDF rendered again later is the same file: its dates and /ID do not depend on the clock', async () => {
      const pdf = t.app.get(PdfService);
      const html = (await download(t, caseId, 'invitation', 'ru', 'html')).toString('utf8');
      const frozen = { date: '2026-12-01', id: 'TESTID0000' };
      const one = await pdf.renderPdf(html, { lang: 'ru', frozen });
      await new Promise((r) => setTimeout(r, 1100)); // Chromium's own dates move by the second
      const two = await pdf.renderPdf(html, { lang: 'ru', frozen });
      expect(sha256(two)).toBe(sha256(one));
      expect(two.toString('latin1')).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    }, 60_000);
  });
});
