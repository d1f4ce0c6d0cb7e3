/**
 * Restitution of one claim in the workplace (issue 10): a released parolee paying by instalments — the page shows
 * plan / paid / arrears in kk, ru and en (with the chart and its table), records a payment typed in tenge with
 * its receipt through a multipart form whose CSRF token the perimeter checks before any file is read, shows
 * errors at the fields, records the reason of a missed payment, offers the evasion report only when the law's
 * count is reached and only to the officer, and answers a case outside the user's scope with the not-found page.
 */
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { UsersService } from '../../src/auth/users.service';
import { formatMoney } from '../../src/web/render/format';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { TEST_PASSWORD } from '../support/cast';
import { HTML, signInPage, type PageAgent } from '../support/web';

/** A 1×1 PNG (valid: pdf-lib embeds it). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function pdfBytes(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 100]).drawText('Receipt 1');
  return Buffer.from(await doc.save());
}

const m = (tenge: number) => formatMoney(tenge * TENGE);

/** A multipart post as the page's form sends it: `_csrf` first (unless left out or moved), then the fields, then the file. */
function postMultipart(
  t: TestApp,
  page: PageAgent,
  url: string,
  fields: Record<string, string>,
  opts: { csrf?: 'first' | 'none' | 'last' | 'wrong'; file?: { bytes: Buffer; name: string; type: string } } = {},
) {
  const csrf = opts.csrf ?? 'first';
  let r = request(t.http).post(url).set('Cookie', page.cookie).set('Accept', HTML);
  if (csrf === 'first') r = r.field('_csrf', page.csrf);
  if (csrf === 'wrong') r = r.field('_csrf', 'not-the-token');
  for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
  if (opts.file) r = r.attach('file', opts.file.bytes, { filename: opts.file.name, contentType: opts.file.type });
  if (csrf === 'last') r = r.field('_csrf', page.csrf);
  return r;
}

describe('web workplace: restitution of one claim', () => {
  let t: TestApp;
  let c: CaseClient;
  let kase: { id: string; claimId: string };
  const url = () => `/cases/${kase.id}/claims/${kase.claimId}`;
  const schedule = async () =>
    (await t.as('lawyer').get(`/api/cases/${kase.id}/claims/${kase.claimId}/schedule`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
    const opened = await c.open();
    const claimId = opened.claims[0].id;
    await c.send(opened.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      opened.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 0,
        instalments: {
          total: 2_000_000 * TENGE,
          monthly: 50_000 * TENGE,
          startsMonthAfterRelease: true,
          dayOfMonth: 10,
        },
      },
      '2026-12-01',
    );
    await c.send(opened.id, { type: 'petition.filed' });
    await c.send(opened.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(opened.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    kase = { id: opened.id, claimId };
    // 30 000 ₸ of January's 50 000 ₸ paid; by 20 March January and February are missed
    c.setDate(t, '2027-01-20');
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 30_000 * TENGE,
      date: '2027-01-20',
      evidence: 'bank_transfer',
      reference: 'KASPI-0001',
    });
    c.setDate(t, '2027-03-20');
    await t.app.get(DeadlineSweeper).sweep();
  }, 60_000);
  afterAll(() => t.close());

  it('shows where the claim stands, the chart and the ledger, in Kazakh, Russian and English', async () => {
    const s = await schedule();
    expect(s).toMatchObject({ paidTotal: 30_000 * TENGE, arrears: 70_000 * TENGE, missedWithoutGoodReason: 2 });
    const words = {
      ru: [
        'Возмещение ущерба',
        'Задолженность',
        'Оплачено',
        'Остаток',
        'Просрочен',
        'Просрочен, оплачен частично',
        'Предстоит',
        'Банковский перевод',
        'План, оплачено и задолженность по месяцам',
        'с месяца после освобождения',
        '10-го числа',
      ],
      kk: [
        'Залалды өтеу',
        'Берешек',
        'Төленді',
        'Қалдық',
        'Мерзімі өтті',
        'Мерзімі өтті, ішінара төленді',
        'Банктік аударым',
        'Айлар бойынша жоспар, төленгені және берешек',
        'айдың 10-күні',
      ],
      en: [
        'Restitution',
        'Arrears',
        'Paid',
        'Outstanding',
        'Overdue',
        'Overdue, partly paid',
        'Upcoming',
        'Bank transfer',
        'Plan, paid and arrears by month',
        'from the month after release',
        'on day 10 of the month',
      ],
    } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const page = await signInPage(t, 'officer', lang);
      const res = await page.get(url());
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<html lang="${lang}"`);
      for (const w of words[lang]) expect(res.text).toContain(w);
      // the figures: awarded, paid, outstanding, arrears, as «2 000 000,00 ₸»
      for (const amount of [m(2_000_000), m(30_000), m(1_970_000), m(70_000), m(50_000)])
        expect(res.text).toContain(amount);
      expect(res.text).toContain(`${s.missedWithoutGoodReason} (`);
      // the chart: an image with its title and description, and the same figures as a table
      expect(res.text).toMatch(
        /<svg viewBox="0 0 \d+ \d+" width="100%" role="img" aria-labelledby="chart-title chart-desc"/,
      );
      expect(res.text).toMatch(/<title id="chart-title">[^<]+<\/title>/);
      expect(res.text).toMatch(/<desc id="chart-desc">[^<]*70\u00a0000,00\u00a0₸[^<]*<\/desc>/);
      expect(res.text).toContain('<polyline');
      const table = /<details class="chart-table">([\s\S]*?)<\/details>/.exec(res.text)![1];
      // March 2027: plan 150 000 (three instalments due by then), paid 30 000, arrears 70 000 (Jan's rest + Feb)
      const march = new RegExp(
        `${m(150_000)}</td><td class="amount">${m(30_000)}</td><td class="amount">${m(70_000)}</td>`,
      );
      expect(table).toMatch(march);
      // the ledger: 40 instalments, and the payment with its evidence and reference
      expect((res.text.match(/<tr class="overdue">/g) ?? []).length).toBe(2);
      expect(res.text).toContain('KASPI-0001');
      await page.post('/language', { lang: 'ru', next: '/' });
    }
  });

  it('records a payment typed as «50 000» as 5 000 000 tiyn, and its receipt file, linked from the ledger', async () => {
    const page = await signInPage(t, 'lawyer');
    const form = await page.get(url());
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(form.text).toContain(`action="${url()}/payments"`);
    const res = await postMultipart(
      t,
      page,
      `${url()}/payments`,
      { amount: '50 000', date: '2027-03-19', evidence: 'victim_receipt', reference: 'R-2027-03', expectedVersion: '' },
      { file: { bytes: PNG, name: 'квитанция.png', type: 'image/png' } },
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${url()}?done=paymentReceipt#payments`);
    const s = await schedule();
    expect(s.payments).toContainEqual(
      expect.objectContaining({
        reference: 'R-2027-03',
        amount: 5_000_000,
        date: '2027-03-19',
        evidence: 'victim_receipt',
      }),
    );
    const receipts = (await t.as('lawyer').get(`/api/cases/${kase.id}/receipts`).expect(200)).body;
    const receipt = receipts.find((r: { reference: string }) => r.reference === 'R-2027-03');
    expect(receipt).toMatchObject({ claimId: kase.claimId, contentType: 'image/png', fileName: 'квитанция.png' });
    const after = await page.get(`${url()}?done=paymentReceipt`);
    expect(after.text).toContain('Платёж и его квитанция записаны.');
    const link = `${url()}/receipts/${receipt.sha256}`;
    expect(after.text).toContain(`href="${link}"`);
    const file = await request(t.http).get(link).set('Cookie', page.cookie).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
    // a later receipt (a PDF) for a payment recorded without one
    const pdf = await pdfBytes();
    const up = await postMultipart(
      t,
      page,
      `${url()}/receipts`,
      { reference: 'KASPI-0001' },
      {
        file: { bytes: pdf, name: 'kaspi.pdf', type: 'application/pdf' },
      },
    );
    expect(up.status).toBe(303);
    const list = (await t.as('lawyer').get(`/api/cases/${kase.id}/receipts`).expect(200)).body;
    expect(list.map((r: { reference: string }) => r.reference).sort()).toEqual(['KASPI-0001', 'R-2027-03']);
    // the court sees the ledger and opens the receipt, but is offered no payment form
    const court = await signInPage(t, 'court');
    const seen = await court.get(url());
    expect(seen.text).toContain(`href="${link}"`);
    expect(seen.text).not.toContain(`action="${url()}/payments"`);
    expect((await court.get(link)).status).toBe(200);
  });

  it('a bad amount, a future date or a file that is no receipt: errors at the fields, nothing recorded', async () => {
    const page = await signInPage(t, 'officer', 'en');
    const before = (await schedule()).payments.length;
    const bad = await postMultipart(t, page, `${url()}/payments`, {
      amount: '50 000,005',
      date: '2027-03-20',
      evidence: 'bank_transfer',
      reference: 'X-1',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('The form has errors');
    expect(bad.text).toMatch(/id="f-amount"[^>]*aria-invalid="true"/);
    expect(bad.text).toMatch(/<small class="field-error" id="f-amount-error">[^<]+<\/small>/);
    expect(bad.text).toContain('value="50 000,005"'); // what he typed stays in the field
    const empty = await postMultipart(t, page, `${url()}/payments`, {
      amount: '',
      date: '2027-03-20',
      evidence: 'bank_transfer',
      reference: 'X-1',
    });
    expect(empty.text).toMatch(/id="f-amount-error">This field is required</);
    const future = await postMultipart(t, page, `${url()}/payments`, {
      amount: '1000',
      date: '2027-04-01',
      evidence: 'bank_transfer',
      reference: 'X-2',
    });
    expect(future.status).toBe(400);
    expect(future.text).toMatch(/id="f-date-error">[^<]*(later than today|future)/);
    const notReceipt = await postMultipart(
      t,
      page,
      `${url()}/payments`,
      { amount: '1000', date: '2027-03-20', evidence: 'bank_transfer', reference: 'X-3' },
      { file: { bytes: Buffer.from('MZ not a receipt'), name: 'receipt.pdf', type: 'application/pdf' } },
    );
    expect(notReceipt.status).toBe(400);
    expect(notReceipt.text).toMatch(/id="f-file-error">Only a PDF, JPEG or PNG file is accepted/);
    expect((await schedule()).payments).toHaveLength(before);
    await page.post('/language', { lang: 'ru', next: '/' });
  });

  it('refuses a payment form without its CSRF token, with a wrong one, or with the token after the file', async () => {
    const page = await signInPage(t, 'lawyer');
    const before = (await schedule()).payments.length;
    const fields = { amount: '1000', date: '2027-03-20', evidence: 'bank_transfer', reference: 'CSRF-1' };
    const file = { bytes: PNG, name: 'r.png', type: 'image/png' };
    for (const csrf of ['none', 'wrong', 'last'] as const) {
      const res = await postMultipart(t, page, `${url()}/payments`, fields, { csrf, file });
      expect(res.status).toBe(403);
      expect(res.text).toContain('Форма не принята');
    }
    // a file first (no token before it): refused before the file is read
    const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    const fileFirst = await postMultipart(
      t,
      page,
      `${url()}/payments`,
      {},
      { csrf: 'none', file: { ...file, bytes: big } },
    );
    expect(fileFirst.status).toBe(403);
    // the urlencoded forms of the page too
    const miss = await page.post(
      `${url()}/misses`,
      { instalmentNo: '1', goodReason: 'true', reason: 'x' },
      { csrf: false },
    );
    expect(miss.status).toBe(403);
    expect((await schedule()).payments).toHaveLength(before);
    // a script with its bearer token needs none (no ambient credential), but the form must be multipart
    const api = await t.as('lawyer').post(`${url()}/payments`).send({ amount: 1000 });
    expect(api.status).toBe(400);
  });

  it('records the reason of a missed payment; the evasion report is offered to the officer only past the law’s count', async () => {
    // Two misses without good reason: not yet a ground (УК 72 ч. 7 п. 1: more than two)
    const officer = await signInPage(t, 'officer');
    let page = await officer.get(url());
    expect(page.text).toContain('Платёж № 1 по графику');
    expect(page.text).toContain('Платёж № 2 по графику');
    expect(page.text).toContain('Основание для сообщения — более 2 пропусков без уважительной причины');
    expect(page.text).not.toContain(`action="${url()}/default"`);
    // the mediator (the catalogue allows him too) records a reason: not a good one, with an error at the field first
    const mediator = await signInPage(t, 'mediator');
    const noReason = await mediator.post(`${url()}/misses`, { instalmentNo: '1', goodReason: 'false', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toMatch(/id="f-miss-1-1-reason"[^>]*aria-invalid="true"/);
    const ok = await mediator.post(`${url()}/misses`, {
      instalmentNo: '1',
      goodReason: 'false',
      reason: 'Не работал, о болезни документов нет',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${url()}?done=miss#misses`);
    page = await officer.get(url());
    expect(page.text).toContain('Не работал, о болезни документов нет');
    expect(page.text).toContain('причина неуважительная');
    // April's instalment missed as well: three misses without good reason — the officer may report, the lawyer not
    c.setDate(t, '2027-04-20');
    await t.app.get(DeadlineSweeper).sweep();
    expect((await schedule()).missedWithoutGoodReason).toBe(3);
    const lawyer = await signInPage(t, 'lawyer');
    const lawyerPage = await lawyer.get(url());
    expect(lawyerPage.text).not.toContain(`action="${url()}/default"`);
    expect(lawyerPage.text).toContain('Об уклонении сообщает сотрудник, осуществляющий контроль.');
    expect(lawyerPage.text.replace(/&#x3D;/g, '=')).toContain(
      `/api/cases/${kase.id}/documents/arrears-report?lang=kk&amp;claimId=${kase.claimId}`,
    );
    const officerNow = await signInPage(t, 'officer'); // a month later: yesterday's session has ended
    page = await officerNow.get(url());
    expect(page.text).toContain(`action="${url()}/default"`);
    expect((await lawyer.post(`${url()}/default`, {})).status).toBe(404); // not his step: as a case he does not see
    const reported = await officerNow.post(`${url()}/default`, {
      expectedVersion: /name="expectedVersion" value="(\d+)"/.exec(page.text)![1],
    });
    expect(reported.status).toBe(303);
    expect((await schedule()).restitution).toBe('defaultReported');
    page = await officerNow.get(`${url()}?done=default`);
    expect(page.text).toContain('Сообщение об уклонении записано.');
    expect(page.text).not.toContain(`action="${url()}/default"`);
  });

  it('a stale form is a conflict explained on the page', async () => {
    const page = await signInPage(t, 'mediator');
    const res = await page.post(`${url()}/misses`, {
      instalmentNo: '2',
      goodReason: 'true',
      reason: 'Больничный лист',
      expectedVersion: '1',
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Дело изменилось за это время');
  });

  it('a claim without an agreement yet: the page says so and offers no step', async () => {
    const fresh = await c.open();
    const page = await signInPage(t, 'lawyer');
    const res = await page.get(`/cases/${fresh.id}/claims/${fresh.claims[0].id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('медиативное соглашение ещё не подписано');
    expect(res.text).toContain(m(2_000_000));
    expect(res.text).not.toContain('<form method="post" action="/cases/');
  });

  it('a case outside the user’s scope, an unknown claim or case: the not-found page', async () => {
    const users = t.app.get(UsersService);
    await users.create(
      { login: 'restitution.lawyer2', role: 'lawyer', fullNameRu: 'Сергеев Олег Иванович', password: TEST_PASSWORD },
      { principal: null, address: null },
    );
    const signIn = await request(t.http)
      .post('/login')
      .type('form')
      .send({ login: 'restitution.lawyer2', password: TEST_PASSWORD });
    const cookie = ([] as string[])
      .concat(signIn.headers['set-cookie'] ?? [])
      .map((x) => x.split(';')[0])
      .join('; ');
    const foreign = await request(t.http).get(url()).set('Cookie', cookie).set('Accept', HTML);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toContain('Страница не найдена');
    expect(foreign.text).not.toContain('Серіков');
    const page = await signInPage(t, 'lawyer');
    for (const u of [
      `/cases/${kase.id}/claims/00000000-0000-4000-8000-000000000000`,
      `/cases/${kase.id}/claims/not-a-uuid`,
      `/cases/00000000-0000-4000-8000-000000000000/claims/${kase.claimId}`,
      `${url()}/receipts/${'0'.repeat(64)}`,
    ]) {
      const res = await page.get(u);
      expect(res.status).toBe(404);
      expect(res.text).toContain('Страница не найдена');
    }
  });
});
