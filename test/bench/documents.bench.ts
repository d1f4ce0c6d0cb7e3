import type { INestApplication } from '@nestjs/common';
import { Clock } from '../../src/common/clock';
import { documentViewModel } from '../../src/documents/case-documents';
import { DocumentRenderer } from '../../src/documents/document-renderer';
import { DocumentsService } from '../../src/documents/documents.service';
import { PdfService } from '../../src/documents/pdf.service';
import { agreedCase, type Engine } from './engine';

const HTML_RENDERS = Number(process.env.BENCH_HTML_RENDERS ?? 200);
const PDF_RENDERS = Number(process.env.BENCH_PDF_RENDERS ?? 20);
const PDF_PARALLEL = 50;
const PDF_WARMUPS = 3;
const VERBOSE = process.argv.includes('--verbose') || process.env.BENCH_VERBOSE === '1';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function time(run: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * The agreement of a case (40 instalments after release): median HTML render (the renderer alone and the whole
 * service path), median warm PDF, and 50 PDFs requested at once through the documents service — load, build,
 * render, print in Chromium, hash, record — with their p99 and throughput.
 */
export async function benchDocuments(app: INestApplication, engine: Engine): Promise<string[]> {
  const { id, claimId } = await agreedCase(engine);
  const kase = await engine.load(id);
  const renderer = app.get(DocumentRenderer);
  const vm = documentViewModel({ ...kase, payments: {} }, 'agreement', claimId, app.get(Clock).today()); // no payments yet
  const lines: string[] = [];

  for (let i = 0; i < 20; i++) renderer.renderHtml('agreement', 'ru', vm);
  const html: number[] = [];
  for (let i = 0; i < HTML_RENDERS; i++) html.push(await time(() => renderer.renderHtml('agreement', 'ru', vm)));
  lines.push(`agreement HTML render: median ${median(html).toFixed(2)} ms over ${HTML_RENDERS} renders (goal ≤ 2 ms)`);

  const service = app.get(DocumentsService);
  const served: number[] = [];
  for (let i = 0; i < 50; i++)
    served.push(await time(() => service.render(id, 'agreement', { lang: 'ru', format: 'html' })));
  lines.push(
    `agreement HTML through the service (load, build, render, SHA-256, record): median ${median(served).toFixed(2)} ms`,
  );

  const pdf = app.get(PdfService);
  if (!(await pdf.available())) {
    lines.push(`agreement warm PDF: skipped (no chromium at ${pdf.executablePath})`);
    lines.push(`pdf ${PDF_PARALLEL} parallel: skipped (no chromium)`);
    return lines;
  }
  const page = renderer.renderHtml('agreement', 'ru', vm);
  for (let i = 0; i < PDF_WARMUPS; i++) await pdf.renderPdf(page, { lang: 'ru' });
  const pdfs: number[] = [];
  for (let i = 0; i < PDF_RENDERS; i++) pdfs.push(await time(() => pdf.renderPdf(page, { lang: 'ru' })));
  lines.push(
    `agreement warm PDF: median ${median(pdfs).toFixed(0)} ms over ${PDF_RENDERS} renders after ${PDF_WARMUPS} warm-ups (goal ≤ 150 ms)`,
  );

  const t0 = process.hrtime.bigint();
  const each = await Promise.all(
    Array.from({ length: PDF_PARALLEL }, () =>
      time(() => service.render(id, 'agreement', { lang: 'ru', format: 'pdf' })),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  each.sort((a, b) => a - b);
  lines.push(
    `pdf ${PDF_PARALLEL} parallel: p99 ${percentile(each, 99).toFixed(0)} ms, ${(PDF_PARALLEL / seconds).toFixed(1)} per s`,
  );
  lines.push(
    `  (the same agreement of one case version, ${PDF_PARALLEL} requests at once through the documents service — printed once, shared; p50 ${percentile(each, 50).toFixed(0)} ms, all done in ${seconds.toFixed(1)} s)`,
  );
  if (VERBOSE) {
    // Distinct documents cannot be shared: the agreements of 50 cases, asked for at once, each printed.
    const cases = [];
    for (let i = 0; i < PDF_PARALLEL; i++) cases.push((await agreedCase(engine)).id);
    const d0 = process.hrtime.bigint();
    const distinct = await Promise.all(
      cases.map((caseId) => time(() => service.render(caseId, 'agreement', { lang: 'ru', format: 'pdf' }))),
    );
    const distinctSeconds = Number(process.hrtime.bigint() - d0) / 1e9;
    distinct.sort((a, b) => a - b);
    lines.push(
      `  (${PDF_PARALLEL} distinct agreements, one per case, at once: p99 ${percentile(distinct, 99).toFixed(0)} ms, p50 ${percentile(distinct, 50).toFixed(0)} ms, ${(PDF_PARALLEL / distinctSeconds).toFixed(1)} per s, ${PdfService.POOL_SIZE} Chromium pages)`,
    );
  }
  return lines;
}
