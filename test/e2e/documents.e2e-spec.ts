import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DocumentsService } from '../../src/documents/documents.service';
import { PdfService } from '../../src/documents/pdf.service';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { companyClaim, TENGE, victimClaim } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

/** Court documents of real cases driven through the procedure over HTTP (DOMAIN.md §4). */

const SENTINEL = 'SENTINEL-NOTES-4412';
const VICTIM = 'Ахметова Гүлнар Серікқызы';
const CONVICT = 'Серіков Болат Нұрланұлы';
const INSTALMENTS = {
  paidBeforeHearing: 0,
  waived: 0,
  instalments: { total: 2_000_000 * TENGE, monthly: 50_000 * TENGE, startsMonthAfterRelease: true, dayOfMonth: 10 },
};
const NBSP = '\u00A0';
/** Figures as documents print them: groups split by no-break spaces. */
const figures = (s: string) => s.replace(/ /g, NBSP);

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('court documents over HTTP', () => {
  let t: TestApp;
  let c: CaseClient;
  const sweep = () => t.app.get(DeadlineSweeper).sweep();
  const list = async (id: string) => (await t.as('lawyer').get(`/api/cases/${id}/documents`).expect(200)).body as any[];
  const kinds = async (id: string) => (await list(id)).map((d) => d.kind).sort();
  const html = async (id: string, kind: string, lang: 'kk' | 'ru', claimId?: string) => {
    const res = await t
      .as('lawyer')
      .get(`/api/cases/${id}/documents/${kind}`)
      .query({ lang, format: 'html', ...(claimId && { claimId }) });
    if (res.status !== 200) throw new Error(`${kind} ${lang} → ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    return res.text;
  };

  /** One claim with instalments after release, agreed on 2026-12-01; released on 2027-01-08 when asked. */
  async function agreedCase(opts: { release?: boolean } = {}) {
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(kase.id, claimId, INSTALMENTS, '2026-12-01');
    if (opts.release) {
      await c.send(kase.id, { type: 'petition.filed' });
      await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
      c.setDate(t, '2027-01-08');
      await c.send(kase.id, { type: 'convict.released', releaseDate: '2027-01-08' });
    }
    return { id: kase.id as string, claimId: claimId as string };
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
  });
  afterAll(() => t.close());
  beforeEach(() => c.setDate(t, '2026-12-01'));

  describe('what each state allows', () => {
    it('applied and accepted: none; invited: the invitation; contract signed: the contract too', async () => {
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      expect(await list(kase.id)).toEqual([]);
      await c.send(kase.id, { type: 'case.accepted' });
      expect(await list(kase.id)).toEqual([]);
      await c.send(kase.id, { type: 'invitation.sent', claimId });
      const invited = await list(kase.id);
      expect(invited).toEqual([
        {
          kind: 'invitation',
          claimId,
          title: { kk: 'Медиацияға шақыру', ru: 'Приглашение к медиации' },
          href: {
            html: {
              kk: `/api/cases/${kase.id}/documents/invitation?lang=kk&format=html`,
              ru: `/api/cases/${kase.id}/documents/invitation?lang=ru&format=html`,
            },
            pdf: {
              kk: `/api/cases/${kase.id}/documents/invitation?lang=kk&format=pdf`,
              ru: `/api/cases/${kase.id}/documents/invitation?lang=ru&format=pdf`,
            },
          },
        },
      ]);
      const invitation = await html(kase.id, 'invitation', 'ru');
      expect(invitation).toContain(VICTIM);
      expect(invitation).toContain('11 декабря 2026'); // reply by: 10 calendar days (ЗМед 20 п. 6)
      await c.send(kase.id, { type: 'invitation.accepted', claimId });
      await c.send(kase.id, { type: 'contract.signed', claimId, contractDate: '2026-12-01' });
      expect(await kinds(kase.id)).toEqual(['invitation', 'mediation-contract']);
    });

    it('agreed with instalments: invitation, contract, agreement and the schedule "from the month after release"', async () => {
      const { id } = await agreedCase();
      expect(await kinds(id)).toEqual(['agreement', 'invitation', 'mediation-contract', 'schedule']);
      const ru = await html(id, 'agreement', 'ru');
      const kk = await html(id, 'agreement', 'kk');
      for (const doc of [ru, kk]) {
        expect(doc).toContain(VICTIM);
        expect(doc).toContain(CONVICT);
        expect(doc).toContain(t.users.mediator.fullNameRu); // the accepting mediator, as his account names him
        expect(doc).toContain(figures('2 000 000,00'));
        expect(doc).toContain(figures('50 000,00'));
      }
      expect(ru).toContain('два миллиона');
      expect(ru).toContain('пятьдесят тысяч');
      expect(ru).toContain('Усть-Каменогорского городского суда');
      expect(kk).toContain('екі миллион');
      expect(kk).toContain('елу мың');
      expect(ru).toContain('начиная с месяца, следующего за месяцем его условно-досрочного освобождения');
      expect(ru).toContain('предполагаемой даты освобождения');
      // 40 rows: release assumed today (01.12.2026) → first due 11.01.2027 (10 Jan is a Sunday), last 10.04.2030
      const schedule = await html(id, 'schedule', 'ru');
      expect(schedule).toContain('11.01.2027');
      expect(schedule).toContain('10.04.2030');
      expect(schedule.match(/<tr/g)!.length).toBeGreaterThanOrEqual(40);
    });

    it('after release: the schedule has the actual dates; paying: payment statement with the ledger', async () => {
      const { id, claimId } = await agreedCase({ release: true });
      expect(await kinds(id)).toEqual(['agreement', 'invitation', 'mediation-contract', 'schedule']);
      const before = await html(id, 'schedule', 'ru');
      expect(before).toContain('10.02.2027'); // first instalment: the month after release (08.01.2027)
      expect(before).not.toContain('предполагаемой даты освобождения');
      c.setDate(t, '2027-02-10');
      await c.send(id, {
        type: 'payment.recorded',
        claimId,
        amount: 50_000 * TENGE,
        date: '2027-02-10',
        evidence: 'bank_transfer',
        reference: 'PP-201',
      });
      expect(await kinds(id)).toEqual([
        'agreement',
        'invitation',
        'mediation-contract',
        'payment-statement',
        'schedule',
      ]);
      const statement = await html(id, 'payment-statement', 'ru');
      expect(statement).toContain('PP-201');
      expect(statement).toContain('о платежах в возмещение ущерба');
      expect(statement).toContain('один миллион девятьсот пятьдесят тысяч'); // remaining
      const schedule = await html(id, 'schedule', 'kk');
      expect(schedule).toContain('PP-201'); // the ledger applied to the schedule
    });

    it('in arrears: the arrears report with the reason recorded', async () => {
      const { id, claimId } = await agreedCase({ release: true });
      c.setDate(t, '2027-03-20'); // instalment 1 (10.02.2027) is 30 days' grace past due
      expect(await sweep()).toBeGreaterThanOrEqual(1);
      await c.send(id, {
        type: 'payment.missed.explained',
        claimId,
        instalmentNo: 1,
        goodReason: false,
        reason: 'нет работы',
      });
      expect(await kinds(id)).toContain('arrears-report');
      const report = await html(id, 'arrears-report', 'ru');
      expect(report).toContain('отсутствие работы: «нет работы»');
      expect(report).toContain('Порог не превышен');
      const kk = await html(id, 'arrears-report', 'kk');
      expect(kk).toContain(VICTIM);
    });

    it('a refusing victim: the termination notice (ЗМед 20 п. 6); silence too, once the reply window has passed', async () => {
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId });
      await c.send(kase.id, { type: 'invitation.refused', claimId });
      expect(await kinds(kase.id)).toEqual(['invitation', 'termination-notice']);
      expect(await html(kase.id, 'termination-notice', 'ru')).toContain('получен отказ от участия в медиации');

      const quiet = await c.open();
      const q = quiet.claims[0].id;
      await c.send(quiet.id, { type: 'case.accepted' });
      await c.send(quiet.id, { type: 'invitation.sent', claimId: q });
      c.setDate(t, '2026-12-12');
      await sweep();
      expect(await kinds(quiet.id)).toEqual(['invitation', 'termination-notice']);
      const notice = await html(quiet.id, 'termination-notice', 'ru');
      expect(notice).toContain('согласие потерпевшего в установленный срок не получено');
      expect(notice).toContain('12 декабря 2026');
    });

    it('expiry of the mediation term (ЗМед 26 п. 5)', async () => {
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.startNegotiation(kase.id, claimId, '2026-12-01');
      c.setDate(t, '2027-01-01');
      await sweep();
      expect(await kinds(kase.id)).toEqual(['invitation', 'mediation-contract', 'termination-notice']);
      expect(await html(kase.id, 'termination-notice', 'kk')).toContain('2027');
      expect(await html(kase.id, 'termination-notice', 'ru')).toContain('в связи с истечением срока медиации');
    });

    it('paid in full: the payment statement is the certificate of full payment', async () => {
      const kase = await c.open();
      const claimId = kase.claims[0].id;
      await c.send(kase.id, { type: 'case.accepted' });
      await c.mediateToAgreement(
        kase.id,
        claimId,
        { paidBeforeHearing: 1_000_000 * TENGE, paidBeforeHearingBy: '2026-12-20', waived: 1_000_000 * TENGE },
        '2026-12-01',
      );
      expect(await html(kase.id, 'agreement', 'ru')).toContain('20 декабря 2026'); // the agreed term of performance
      expect(await html(kase.id, 'agreement', 'kk')).toContain('2026 жылғы 20 желтоқсан');
      await c.send(kase.id, {
        type: 'payment.recorded',
        claimId,
        amount: 1_000_000 * TENGE,
        date: '2026-12-01',
        evidence: 'victim_receipt',
        reference: 'R-1',
      });
      const docs = await list(kase.id);
      const statement = docs.find((d) => d.kind === 'payment-statement');
      expect(statement.title).toEqual({
        kk: 'Залалдың толық өтелгені туралы анықтама',
        ru: 'Справка о полном возмещении ущерба',
      });
      const ru = await html(kase.id, 'payment-statement', 'ru');
      expect(ru).toContain('о полном возмещении ущерба');
      expect(ru).toContain('Обязательства по соглашению исполнены полностью');
      expect(ru).toContain('наличными под расписку');
      const agreement = await html(kase.id, 'agreement', 'ru');
      expect(agreement).toContain('отказывается от требования');
      expect(agreement).toContain('один миллион');
    });
  });

  describe('errors', () => {
    it('a document the state does not allow → 400 naming what it allows; bad kind, lang, format → 400 naming field and rule', async () => {
      const kase = await c.open();
      await c.send(kase.id, { type: 'case.accepted' });
      const early = await t
        .as('lawyer')
        .get(`/api/cases/${kase.id}/documents/agreement?lang=ru&format=html`)
        .expect(400);
      expect(early.body.errors[0]).toMatchObject({ field: 'kind', rule: 'document_not_available' });
      expect(early.body.errors[0].message).toContain('mediation');
      const bad = await t.as('lawyer').get(`/api/cases/${kase.id}/documents/agreement?lang=en&format=docx`).expect(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ field: 'lang', rule: 'lang_invalid' }),
        expect.objectContaining({ field: 'format', rule: 'format_invalid' }),
      ]);
      const kind = await t.as('lawyer').get(`/api/cases/${kase.id}/documents/verdict?lang=ru`).expect(400);
      expect(kind.body.errors[0]).toMatchObject({ field: 'kind', rule: 'kind_unknown' });
      await t.as('lawyer').get('/api/cases/00000000-0000-4000-8000-000000000000/documents').expect(404);
      await t
        .as('lawyer')
        .get('/api/cases/00000000-0000-4000-8000-000000000000/documents/agreement?format=html')
        .expect(404);
    });

    it('several claims: claimId is required for a per-claim document and links carry it', async () => {
      const kase = await c.open({ claims: [victimClaim(), companyClaim()] });
      const [a, b] = kase.claims.map((x: any) => x.id);
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId: a });
      await c.send(kase.id, { type: 'invitation.sent', claimId: b });
      const docs = await list(kase.id);
      expect(docs.map((d) => d.claimId)).toEqual([a, b]);
      expect(docs[1].href.html.kk).toContain(`claimId=${b}`);
      const missing = await t
        .as('lawyer')
        .get(`/api/cases/${kase.id}/documents/invitation?lang=ru&format=html`)
        .expect(400);
      expect(missing.body.errors[0]).toMatchObject({ field: 'claimId', rule: 'claim_required' });
      const company = await html(kase.id, 'invitation', 'ru', b);
      expect(company).toContain('ТОО «Шығыс Сауда»');
      expect(company).toContain('Петров Андрей Викторович');
    });
  });

  describe('issued files', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'documents-e2e-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a PDF download verifies by its SHA-256, and its text has the victim and the amount in words', async () => {
      const { id } = await agreedCase();
      const res = await t
        .as('lawyer')
        .get(`/api/cases/${id}/documents/agreement?lang=ru&format=pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (ch: Buffer) => chunks.push(ch));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="MD-2026-\d{6}-agreement-ru\.pdf"$/);
      const bytes = res.body as Buffer;
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(res.headers['x-document-sha256']).toBe(sha);

      const kase = await c.get(id);
      const verified = await request(t.http).get(`/api/documents/verify/${sha.toUpperCase()}`).expect(200);
      expect(verified.body).toEqual({
        known: true,
        caseNumber: kase.number,
        kind: 'agreement',
        lang: 'ru',
        format: 'pdf',
        templateVersion: expect.any(String),
        machineVersion: 1,
        caseVersion: kase.version,
        issuedAt: '2026-12-01T05:00:00.000Z',
      });

      if (hasPdftotext) {
        const file = join(dir, 'agreement.pdf');
        writeFileSync(file, bytes);
        const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
        expect(text).toContain(VICTIM);
        expect(text).toContain('два миллиона');
        expect(text).toContain(kase.number); // the stamp
      }
    });

    it('HTML is recorded too; an unknown hash is 404 { known: false }, a malformed one 400', async () => {
      const { id } = await agreedCase();
      const res = await t.as('lawyer').get(`/api/cases/${id}/documents/schedule?lang=kk&format=html`).expect(200);
      const sha = createHash('sha256').update(Buffer.from(res.text, 'utf8')).digest('hex');
      const ok = await request(t.http).get(`/api/documents/verify/${sha}`).expect(200);
      expect(ok.body).toMatchObject({ known: true, kind: 'schedule', lang: 'kk', format: 'html' });
      const unknown = await request(t.http)
        .get(`/api/documents/verify/${'0'.repeat(64)}`)
        .expect(404);
      expect(unknown.body).toMatchObject({ known: false, message: expect.stringContaining('не выдавался') });
      const malformed = await request(t.http).get('/api/documents/verify/not-a-hash').expect(400);
      expect(malformed.body.errors[0]).toMatchObject({ field: 'sha256', rule: 'sha256_format' });
    });

    it('the same PDF asked for many times at once is printed once; after the case moved on it is printed anew', async () => {
      const { id } = await agreedCase();
      const service = t.app.get(DocumentsService);
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const printed: string[] = [];
      const print = jest.spyOn(t.app.get(PdfService), 'renderPdf').mockImplementation(async (html) => {
        const n = printed.push(html);
        await gate;
        return Buffer.from(`%PDF- print ${n}`);
      });
      try {
        const ask = () => service.render(id, 'agreement', { lang: 'ru', format: 'pdf' });
        const first = Array.from({ length: 10 }, ask);
        while (printed.length < 1) await new Promise((r) => setImmediate(r));
        const version = (await c.get(id)).version;
        await c.send(id, { type: 'petition.filed' }); // the case moves on while the first print is under way
        const later = ask();
        while (printed.length < 2) await new Promise((r) => setImmediate(r));
        open();
        const [many, after] = [await Promise.all(first), await later];
        expect(printed).toHaveLength(2);
        expect(new Set(many.map((d) => d.bytes.toString()))).toEqual(new Set(['%PDF- print 1']));
        expect(after.bytes.toString()).toBe('%PDF- print 2'); // never the document of the older version
        const verified = async (sha: string) =>
          (await request(t.http).get(`/api/documents/verify/${sha}`).expect(200)).body.caseVersion;
        expect(await verified(many[0].sha256)).toBe(version);
        expect(await verified(after.sha256)).toBe(version + 1);
        expect(await ask()).toMatchObject({ bytes: Buffer.from('%PDF- print 3') }); // nothing kept once made
      } finally {
        print.mockRestore();
      }
    });

    it('without Chromium: PDF answers 503 with the install hint, HTML still works', async () => {
      const other = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env: { CHROMIUM_PATH: '/nonexistent' } });
      try {
        const oc = new CaseClient(other);
        const kase = await oc.open();
        await oc.send(kase.id, { type: 'case.accepted' });
        await oc.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id });
        const pdf = await other
          .as('lawyer')
          .get(`/api/cases/${kase.id}/documents/invitation?lang=kk&format=pdf`)
          .expect(503);
        expect(pdf.body.message).toContain('apt-get install -y chromium');
        await other.as('lawyer').get(`/api/cases/${kase.id}/documents/invitation?lang=kk&format=html`).expect(200);
      } finally {
        await other.close();
      }
    });
  });

  it('confidentiality: notes said in sessions appear in no document, in any kind or language', async () => {
    const kase = await c.open({ claims: [victimClaim(), companyClaim()] });
    const [a, b] = kase.claims.map((x: any) => x.id);
    await c.send(kase.id, { type: 'case.accepted' });
    for (const claimId of [a, b]) {
      await c.startNegotiation(kase.id, claimId, '2026-12-01');
      await c.send(kase.id, {
        type: 'session.held',
        claimId,
        form: 'video',
        notes: `${SENTINEL}: готов платить 30 000 в месяц`,
      });
    }
    await c.send(kase.id, {
      type: 'agreement.signed',
      claimId: a,
      signedBy: { mediator: true, victim: true, convict: true },
      terms: INSTALMENTS,
    });
    await c.send(kase.id, { type: 'mediation.terminated', claimId: b, reason: 'refusal_of_party', party: 'convict' });
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    c.setDate(t, '2027-01-08');
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2027-01-08' });
    c.setDate(t, '2027-02-10');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId: a,
      amount: 20_000 * TENGE,
      date: '2027-02-10',
      evidence: 'bank_transfer',
      reference: 'PP-1',
    });
    c.setDate(t, '2027-03-20');
    await sweep();

    const docs = await list(kase.id);
    expect([...new Set(docs.map((d) => d.kind))].sort()).toEqual([
      'agreement',
      'arrears-report',
      'invitation',
      'mediation-contract',
      'payment-statement',
      'schedule',
      'termination-notice',
    ]);
    for (const d of docs) {
      for (const lang of ['kk', 'ru'] as const) {
        const page = await t.as('lawyer').get(d.href.html[lang]).expect(200);
        expect(page.text).not.toContain(SENTINEL);
        expect(page.text).not.toContain('30 000 в месяц');
      }
    }
  });
});
