/**
 * The court's packet, receipts as evidence and the petition draft over HTTP (issue 9 item 7).
 * One case with three victims: an agreement with instalments after release (Ахметова), a company paid in full
 * before the hearing in two payments with a PNG and a two-page PDF receipt (ТОО «Шығыс Сауда»), and a victim
 * who refused the invitation (Омарова). The packet must hold, in this order: its cover list, both agreements,
 * the certificate of full payment, the two receipts, the termination notice; numbered across as one.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { dateInText } from '../../src/documents/domain/court-date';
import { formatTenge } from '../../src/money/domain/money';
import { RECEIPT_MAX_BYTES } from '../../src/court-packet/receipt-file';
import { companyClaim, IIN, TENGE, victimClaim } from '../factories/case.factory';
import { startTestApp, TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';

jest.setTimeout(180_000);

const OUT = mkdtempSync(join(tmpdir(), 'court-packet-'));
const norm = (s: string) => s.replace(/[\s\u00A0]+/g, ' ').trim();

/** A real PNG: an RGB image of `w`×`h` with a gradient (PNG spec: signature, IHDR, IDAT, IEND, CRC-32 each). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set([(x * 255) / w, (y * 255) / h, 128], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function pdfReceipt(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`BANK PAYMENT ORDER PP-2 PAGE ${i}`, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}

const pdfPages = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();
function pageTexts(pdf: Buffer, name: string): string[] {
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const all = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  return all.split('\f').slice(0, -1).map(norm); // pdftotext ends every page with a form feed
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('receipts, the court packet and the petition draft', () => {
  let t: TestApp;
  let c: CaseClient;
  let id: string;
  let agreed: string; // Ахметова, instalments
  let company: string; // ТОО, paid in full
  let refused: string; // Омарова
  const upload = (claimId: string, reference: string, file: Buffer, name: string) =>
    t
      .as('officer')
      .post(`/api/cases/${id}/claims/${claimId}/payments/${encodeURIComponent(reference)}/receipts`)
      .attach('file', file, name);
  const packet = async (lang: 'kk' | 'ru') => {
    const res = await t
      .as('court')
      .get(`/api/cases/${id}/court-packet`)
      .query({ lang })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };
  const document = async (kind: string, claimId: string, lang: 'kk' | 'ru') =>
    (
      await t
        .as('lawyer')
        .get(`/api/cases/${id}/documents/${kind}`)
        .query({ lang, format: 'pdf', claimId })
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    c = new CaseClient(t);
    const kase = await c.open({
      claims: [
        victimClaim(),
        companyClaim(),
        victimClaim({
          victim: { type: 'person', fullName: 'Омарова Сәуле Маратқызы', iin: IIN.victim2, address: 'г. Алматы' },
          amountAwarded: 300_000 * TENGE,
        }),
      ],
    });
    id = kase.id;
    [agreed, company, refused] = kase.claims.map((x: { id: string }) => x.id);
    await c.send(id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      id,
      agreed,
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
    await c.mediateToAgreement(id, company, { paidBeforeHearing: 400_000 * TENGE, waived: 0 }, '2026-12-01');
    for (const [reference, amount] of [
      ['PP-1', 150_000],
      ['PP-2', 250_000],
    ] as const)
      await c.send(id, {
        type: 'payment.recorded',
        claimId: company,
        amount: amount * TENGE,
        date: '2026-12-01',
        evidence: 'bank_transfer',
        reference,
      });
    await c.send(id, { type: 'invitation.sent', claimId: refused });
    await c.send(id, { type: 'invitation.refused', claimId: refused });
  });
  afterAll(() => t.close());

  describe('uploading a receipt', () => {
    it('keeps a PNG and a PDF with their SHA-256; the same file again is the same receipt', async () => {
      const image = png(500, 1400); // a tall scan: scaled to fit one page
      const first = await upload(company, 'PP-1', image, 'receipt.png').expect(201);
      expect(first.body).toMatchObject({ claimId: company, reference: 'PP-1', contentType: 'image/png', pages: 1 });
      expect(first.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const again = await upload(company, 'PP-1', image, 'copy.png').expect(200);
      expect(again.body.sha256).toBe(first.body.sha256);
      const pdf = await upload(company, 'PP-2', await pdfReceipt(2), 'order.pdf').expect(201);
      expect(pdf.body).toMatchObject({ contentType: 'application/pdf', pages: 2 });
      const listed = (await t.as('mediator').get(`/api/cases/${id}/receipts`).expect(200)).body;
      expect(listed.map((r: { reference: string }) => r.reference).sort()).toEqual(['PP-1', 'PP-2']);
    });

    it('refuses by content, not by name: a text file called .pdf is 400 file/file_type', async () => {
      const res = await upload(company, 'PP-1', Buffer.from('just text, not a receipt'), 'receipt.pdf').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'file_type' })]);
      expect(res.body.errors[0].message).toMatch(/PDF, JPEG или PNG/);
      // A JPEG's first bytes with nothing after them: the type is right, the picture is not there
      const broken = await upload(company, 'PP-1', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]), 'x.jpg').expect(400);
      expect(broken.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'file_unreadable' })]);
    });

    it('refuses a file over 10 MB with 400 file/file_too_large', async () => {
      const big = Buffer.alloc(RECEIPT_MAX_BYTES + 1, 0x20);
      big.write('%PDF-1.7\n', 0, 'latin1');
      const res = await upload(company, 'PP-1', big, 'big.pdf').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'file_too_large' })]);
    });

    it('refuses a request without a file, and a payment that was never recorded', async () => {
      const none = await t
        .as('officer')
        .post(`/api/cases/${id}/claims/${company}/payments/PP-1/receipts`)
        .send({ file: 'x' })
        .expect(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'multipart_required' })]);
      const unknown = await upload(company, 'NO-SUCH', png(10, 10), 'r.png').expect(404);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'reference', rule: 'payment_not_found' })]);
      // Nothing was kept by the refusals
      expect((await t.as('mediator').get(`/api/cases/${id}/receipts`).expect(200)).body).toHaveLength(2);
    });
  });

  describe('who may', () => {
    it('signed-in users of the roles named: nobody anonymous uploads, the officer gets no packet, the court no draft', async () => {
      await request(t.http)
        .post(`/api/cases/${id}/claims/${company}/payments/PP-1/receipts`)
        .attach('file', png(10, 10), 'r.png')
        .expect(401);
      // A role a case route does not admit is answered as if the case did not exist
      await t.as('officer').get(`/api/cases/${id}/court-packet`).expect(404);
      await t.as('court').get(`/api/cases/${id}/petition-draft`).expect(404);
      await t
        .as('court')
        .post(`/api/cases/${id}/claims/${company}/payments/PP-1/receipts`)
        .attach('file', png(10, 10), 'r.png')
        .expect(404);
    });
  });

  describe('the packet', () => {
    it('ru: cover, agreements, certificate, receipts, termination notice — in that order, numbered «стр. N из M»', async () => {
      const pdf = await packet('ru');
      const sizes = {
        agreed: await pdfPages(await document('agreement', agreed, 'ru')),
        company: await pdfPages(await document('agreement', company, 'ru')),
        certificate: await pdfPages(await document('payment-statement', company, 'ru')),
        notice: await pdfPages(await document('termination-notice', refused, 'ru')),
      };
      const texts = pageTexts(pdf, 'packet-ru');
      const total = 1 + sizes.agreed + sizes.company + sizes.certificate + 1 + 2 + sizes.notice;
      expect(await pdfPages(pdf)).toBe(total);
      expect(texts).toHaveLength(total);
      texts.forEach((text, i) => expect(text).toContain(`Пакет документов · стр. ${i + 1} из ${total}`));

      // Where each part starts, as the cover lists it and as the pages show it
      let page = 2;
      const starts: Array<[string, number, RegExp]> = [];
      const part = (label: string, pages: number, first: RegExp) => {
        starts.push([label, page, first]);
        page += pages;
      };
      part('agreement Ахметова', sizes.agreed, /СОГЛАШЕНИЕ.*Ахметова Гүлнар Серікқызы/);
      part('agreement ТОО', sizes.company, /СОГЛАШЕНИЕ.*ТОО «Шығыс Сауда»/);
      part('certificate', sizes.certificate, /О ПОЛНОМ ВОЗМЕЩЕНИИ|полном возмещении/i);
      part('receipt PNG', 1, /Платёжный документ № PP-1/);
      part('receipt PDF', 2, /BANK PAYMENT ORDER PP-2 PAGE 1/);
      part('notice', sizes.notice, /Уведомление об отклонении предложения о медиации.*Омарова Сәуле Маратқызы/);
      expect(page - 1).toBe(total);
      for (const [label, first, pattern] of starts)
        expect({ label, text: texts[first - 1] }).toEqual({ label, text: expect.stringMatching(pattern) });
      expect(texts[starts[4][1]]).toContain('BANK PAYMENT ORDER PP-2 PAGE 2');

      // The cover: numbered lines with the page ranges just checked, the total
      const cover = texts[0];
      expect(cover).toContain('ОПИСЬ ДОКУМЕНТОВ');
      // pdftotext -layout interleaves the cells of wrapped rows: the ranges «first–last count» follow each other
      const sizesInOrder = [sizes.agreed, sizes.company, sizes.certificate, 1, 2, sizes.notice];
      let at = 0;
      starts.forEach(([label, first], k) => {
        const pages = sizesInOrder[k];
        const cell = `${pages === 1 ? first : `${first}–${first + pages - 1}`} ${pages}`;
        const found = cover.indexOf(cell, at);
        expect({ label, cell, found: found >= 0 }).toEqual({ label, cell, found: true });
        at = found + cell.length;
      });
      for (const words of [
        'Соглашение об урегулировании спора (конфликта) в порядке медиации с',
        'приложением (график погашения) от 01.12.2026; потерпевший: Ахметова Гүлнар',
        'Справка о полном возмещении ущерба',
        '№ PP-2 от 01.12.2026, 250 000,00 ₸',
        'Уведомление медиатора: отказ потерпевшего от медиации',
      ])
        expect(cover).toContain(words);
      expect(cover).toContain(`Всего страниц в пакете, включая опись ${total}`);
      // The packet is recorded: the verify endpoint knows its SHA-256
      const sha = createHash('sha256').update(pdf).digest('hex');
      expect((await request(t.http).get(`/api/documents/verify/${sha}`).expect(200)).body).toMatchObject({
        known: true,
        kind: 'court-packet',
      });
    });

    it('kk: the Kazakh cover and «N-бет, барлығы M» on every page', async () => {
      const pdf = await packet('kk');
      const texts = pageTexts(pdf, 'packet-kk');
      const total = await pdfPages(pdf);
      texts.forEach((text, i) => expect(text).toContain(`Құжаттар топтамасы · ${i + 1}-бет, барлығы ${total}`));
      expect(texts[0]).toContain('ҚҰЖАТТАР ТІЗІМДЕМЕСІ');
      expect(texts[0]).toContain('Залалдың толық өтелгені туралы анықтама');
      expect(texts[0]).not.toMatch(/Соглашение|Платёжный/);
    });

    it('a case with nothing for the court yet is 400 packet_empty', async () => {
      const fresh = await c.open();
      const res = await t.as('lawyer').get(`/api/cases/${fresh.id}/court-packet`).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ rule: 'packet_empty' })]);
    });
  });

  describe('the petition draft', () => {
    it('prints the numbers of GET /eligibility and lists the agreements, in ru and kk', async () => {
      const el = (await t.as('lawyer').get(`/api/cases/${id}/eligibility`).expect(200)).body;
      const parole = el.parole;
      expect(parole.earliestDate).toBe('2025-01-10');
      for (const lang of ['ru', 'kk'] as const) {
        const res = await t.as('lawyer').get(`/api/cases/${id}/petition-draft`).query({ lang }).expect(200);
        const text = norm(res.text.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, ' '));
        expect(text).toContain(lang === 'ru' ? 'ПРОЕКТ' : 'ЖОБА');
        expect(text).toContain(dateInText(parole.earliestDate, lang, 'plain'));
        expect(text).toContain(`${parole.fraction.numerator}/${parole.fraction.denominator}`);
        expect(text).toContain(parole.citation[lang]);
        const served = parole.requiredServed;
        expect(text).toContain(
          lang === 'ru'
            ? `${served.years} г. ${served.months} мес. ${served.days} дн.`
            : `${served.years} жыл ${served.months} ай ${served.days} күн`,
        );
        expect(text).toContain(norm(el.paroleDecision.reason[lang]));
        expect(text).toContain('Ахметова Гүлнар Серікқызы');
        expect(text).toContain('ТОО «Шығыс Сауда»');
        expect(text).toContain(norm(formatTenge(400_000 * TENGE)));
        expect(text).toContain(norm(formatTenge(2_000_000 * TENGE)));
        expect(text).toContain('Омарова Сәуле Маратқызы'); // refused: named as such
      }
    });

    it('replacement (УК 73) on request, and as PDF', async () => {
      const el = (await t.as('lawyer').get(`/api/cases/${id}/eligibility`).expect(200)).body;
      const res = await t
        .as('lawyer')
        .get(`/api/cases/${id}/petition-draft`)
        .query({ lang: 'ru', basis: 'replacement' })
        .expect(200);
      expect(res.text).toContain('о замене неотбытой части наказания более мягким видом наказания');
      expect(res.text).toContain(dateInText(el.replacement.earliestDate, 'ru', 'plain'));
      const pdf = await t
        .as('lawyer')
        .get(`/api/cases/${id}/petition-draft`)
        .query({ lang: 'kk', format: 'pdf' })
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const bad = await t.as('lawyer').get(`/api/cases/${id}/petition-draft`).query({ basis: 'pardon' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'basis', rule: 'basis_invalid' })]);
    });
  });
});
