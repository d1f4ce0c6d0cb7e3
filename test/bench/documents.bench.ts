import type { INestApplication } from '@nestjs/common';
import { CasesService } from '../../src/cases/cases.service';
import { Clock } from '../../src/common/clock';
import { documentViewModel } from '../../src/documents/case-documents';
import { DocumentRenderer } from '../../src/documents/document-renderer';
import { DocumentsService } from '../../src/documents/documents.service';
import { PdfService } from '../../src/documents/pdf.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { application, TENGE } from '../factories/case.factory';

const HTML_RENDERS = Number(process.env.BENCH_HTML_RENDERS ?? 200);
const PDF_RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 20);
const PDF_WARMUPS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function time(run: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** An agreement with 40 instalments after release, reached through the service like a mediator would. */
async function agreedCase(app: INestApplication): Promise<{ id: string; claimId: string }> {
  const cases = app.get(CasesService);
  const none = { name: null };
  const kase = await cases.create(application() as never, { role: 'lawyer', name: null });
  const claimId = kase.claims[0].id;
  for (const event of [
    { type: 'case.accepted' },
    { type: 'invitation.sent', claimId },
    { type: 'invitation.accepted', claimId },
    { type: 'contract.signed', claimId, contractDate: '2026-12-01' },
    {
      type: 'agreement.signed',
      claimId,
      signedBy: { mediator: true, victim: true, convict: true },
      terms: { paidBeforeHearing: 0, waived: 0, instalments: { total: 2_000_000 * TENGE, monthly: 50_000 * TENGE, startsMonthAfterRelease: true, dayOfMonth: 10 } },
    },
  ]) {
    await cases.applyUserEvent(kase.id, event, none);
  }
  return { id: kase.id, claimId };
}

/** Median HTML render of the agreement (the renderer alone) and median warm PDF (Chromium already running). */
export async function benchDocuments(app: INestApplication): Promise<string[]> {
  const { id, claimId } = await agreedCase(app);
  const repo = app.get(CasesRepository);
  const kase = (await repo.read((em) => repo.findCase(em, id)))!;
  const renderer = app.get(DocumentRenderer);
  const vm = documentViewModel(kase, 'agreement', claimId, 'ru', app.get(Clock).today());
  const lines: string[] = [];

  for (let i = 0; i < 20; i++) renderer.renderHtml('agreement', 'ru', vm);
  const html: number[] = [];
  for (let i = 0; i < HTML_RENDERS; i++) html.push(await time(() => renderer.renderHtml('agreement', 'ru', vm)));
  lines.push(`agreement HTML render: median ${median(html).toFixed(2)} ms over ${HTML_RENDERS} renders (goal ≤ 2 ms)`);

  // The whole request path without HTTP: load the case, build, render, hash, record.
  const service = app.get(DocumentsService);
  const served: number[] = [];
  for (let i = 0; i < 50; i++) served.push(await time(() => service.render(id, 'agreement', { lang: 'ru', format: 'html' })));
  lines.push(`agreement HTML through the service (load, build, render, SHA-256, record): median ${median(served).toFixed(2)} ms`);

  const pdf = app.get(PdfService);
  if (!(await pdf.available())) {
    lines.push(`agreement warm PDF: not measured — Chromium unavailable at ${pdf.executablePath}`);
    return lines;
  }
  const page = renderer.renderHtml('agreement', 'ru', vm);
  for (let i = 0; i < PDF_WARMUPS; i++) await pdf.renderPdf(page, { lang: 'ru' });
  const pdfs: number[] = [];
  for (let i = 0; i < PDF_RENDERS; i++) pdfs.push(await time(() => pdf.renderPdf(page, { lang: 'ru' })));
  lines.push(`agreement warm PDF: median ${median(pdfs).toFixed(0)} ms over ${PDF_RENDERS} renders after ${PDF_WARMUPS} warm-ups (goal ≤ 150 ms)`);
  return lines;
}
