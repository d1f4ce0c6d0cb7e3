import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { claimReading, type ClaimReading } from '../../machines';
import { CaseQueries } from '../cases/case-queries';
import type { CaseApplication } from '../cases/domain/case-application';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { LocalDate } from '../common/local-date';
import { articleOf, availableDocuments, courtInGenitive, type CaseRecord } from '../documents/case-documents';
import { DocumentRenderer, TEMPLATE_VERSION } from '../documents/document-renderer';
import { LANGS, type DocumentKind, type Lang } from '../documents/document-view-models';
import { DocumentsService, type RenderedDocument } from '../documents/documents.service';
import { IssuedDocumentsRepository } from '../documents/issued-documents.repository';
import { PdfService } from '../documents/pdf.service';
import type { Tiyn } from '../money/domain/money';
import { ReceiptsRepository, type StoredReceipt } from './receipts.repository';

/** What a line of the cover list names; the template words it (templates/i18n packetItem.*). */
export type PacketItemKind =
  'agreement' | 'agreement-plain' | 'payment-statement' | 'certificate' | 'receipt' | 'termination-notice';

export interface PacketItem {
  no: number;
  kind: PacketItemKind;
  victim: string | null;
  date: LocalDate | null;
  reference: string | null;
  amount: Tiyn | null;
  first: number;
  last: number;
  pageCount: number;
  single: boolean;
}

interface Part {
  item: Omit<PacketItem, 'no' | 'first' | 'last' | 'pageCount' | 'single'>;
  pdf: Buffer;
  pages: number;
}

/** The packet's own page numbers, top right of every page (the documents keep theirs at the foot). */
const PACKET_NUMBER = {
  ru: (n: number, m: number) => `Пакет документов · стр. ${n} из ${m}`,
  kk: (n: number, m: number) => `Құжаттар топтамасы · ${n}-бет, барлығы ${m}`,
};

export function parseLang(value: string | undefined): Lang {
  const lang = value ?? 'ru';
  if (!(LANGS as readonly string[]).includes(lang))
    throw DomainError.validation([{ field: 'lang', rule: 'lang_invalid', message: 'Язык документа: kk или ru' }]);
  return lang as Lang;
}

/** The victim refused mediation (invitation refused or not answered, or refused later): the notice goes to court. */
export function victimRefusal(reading: ClaimReading): LocalDate | null {
  const m = reading.mediation;
  if (reading.mediationState === 'refused') return m.outcomeOn;
  if (reading.mediationState === 'silent') return m.replyBy;
  if (
    reading.mediationState === 'terminated' &&
    m.terminationReason === 'refusal_of_party' &&
    m.refusingParty === 'victim'
  )
    return m.outcomeOn;
  return null;
}

/**
 * The court's packet (issue 9 item 7): ONE PDF with a numbered cover list, then the agreements with their
 * annexed schedules, the payment statements (or certificates of full payment), the receipts recorded as evidence
 * (images placed on pages, PDFs as they are), and the termination notices of victims who refused. Every page
 * carries the packet's page number «стр. N из M» / «N-бет, барлығы M» at the top right. The documents come
 * from DocumentsService exactly as a download of each would; the packet itself is recorded by its SHA-256.
 */
@Injectable()
export class CourtPacketService {
  constructor(
    private readonly queries: CaseQueries,
    private readonly documents: DocumentsService,
    private readonly renderer: DocumentRenderer,
    private readonly pdf: PdfService,
    private readonly receipts: ReceiptsRepository,
    private readonly issued: IssuedDocumentsRepository,
    private readonly clock: Clock,
  ) {}

  async build(caseId: string, langParam: string | undefined): Promise<RenderedDocument & { items: PacketItem[] }> {
    const lang = parseLang(langParam);
    const { entity, payments } = await this.queries.withPayments(caseId);
    const kase: CaseRecord & { id: string; version: number } = Object.assign(entity, { payments });
    const app = kase.application;
    const available = availableDocuments(kase);
    const has = (kind: DocumentKind, claimId: string) =>
      available.find((d) => d.kind === kind && d.claimId === claimId);
    const victims = app.claims.filter((c) => c.kind === 'victim');
    const stored = await this.receipts.withContent(caseId);
    const doc = async (kind: DocumentKind, claimId: string) =>
      (await this.documents.render(caseId, kind, { lang, format: 'pdf', claimId })).bytes;

    const parts: Part[] = [];
    const add = async (item: Part['item'], pdf: Buffer) =>
      parts.push({ item, pdf, pages: (await PDFDocument.load(pdf)).getPageCount() });

    for (const claim of victims) {
      const reading = claimReading(kase.snapshot, claim.id);
      if (!has('agreement', claim.id) || !reading?.agreement) continue;
      const instalments = (reading.agreement.terms.instalments?.total ?? 0) > 0;
      await add(
        {
          kind: instalments ? 'agreement' : 'agreement-plain',
          victim: claim.victim.fullName,
          date: reading.agreement.signedOn,
          reference: null,
          amount: null,
        },
        await doc('agreement', claim.id),
      );
    }
    const today = this.clock.today();
    for (const claim of victims) {
      const statement = has('payment-statement', claim.id);
      if (!statement) continue;
      await add(
        {
          kind: statement.certificate ? 'certificate' : 'payment-statement',
          victim: claim.victim.fullName,
          date: today,
          reference: null,
          amount: null,
        },
        await doc('payment-statement', claim.id),
      );
    }
    for (const claim of victims) {
      const ledger = Object.hasOwn(payments, claim.id) ? payments[claim.id] : [];
      for (const payment of ledger) {
        for (const receipt of stored.filter((r) => r.claimId === claim.id && r.reference === payment.reference)) {
          const item = {
            kind: 'receipt' as const,
            victim: claim.victim.fullName,
            date: payment.date,
            reference: payment.reference,
            amount: payment.amount,
          };
          await add(item, await this.receiptPdf(kase, lang, item, receipt));
        }
      }
    }
    for (const claim of victims) {
      const reading = claimReading(kase.snapshot, claim.id);
      const refusedOn = reading ? victimRefusal(reading) : null;
      if (!refusedOn || !has('termination-notice', claim.id)) continue;
      await add(
        { kind: 'termination-notice', victim: claim.victim.fullName, date: refusedOn, reference: null, amount: null },
        await doc('termination-notice', claim.id),
      );
    }
    if (parts.length === 0)
      throw DomainError.rule(
        'id',
        'packet_empty',
        'Для суда пока нечего собрать: в деле нет соглашения, справки о платежах или уведомления об отказе потерпевшего',
      );

    // The cover's own length decides where everything else starts: render it until its page count holds.
    let coverPages = 1;
    let cover: { pdf: Buffer; items: PacketItem[]; total: number } | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const items = numbered(parts, coverPages);
      const total = coverPages + parts.reduce((s, p) => s + p.pages, 0);
      const pdf = await this.pdf.renderPdf(
        this.renderer.renderPage('packet-cover', lang, {
          caseNumber: kase.number,
          machineVersion: kase.machineVersion,
          date: today,
          asOf: today,
          place: placeOf(app),
          convict: { fullName: app.convict.fullName, iin: app.convict.iin || null },
          sentence: sentenceOf(app),
          items,
          totalPages: total,
        }),
        { lang },
      );
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      if (pages === coverPages) {
        cover = { pdf, items, total };
        break;
      }
      coverPages = pages;
    }
    if (!cover) throw new Error('court packet: the cover list did not settle on a page count');

    const packet = await PDFDocument.create();
    for (const pdf of [cover.pdf, ...parts.map((p) => p.pdf)]) {
      const source = await PDFDocument.load(pdf);
      for (const page of await packet.copyPages(source, source.getPageIndices())) packet.addPage(page);
    }
    await this.numberPages(packet, lang, cover.total);
    const now = this.clock.now();
    packet.setTitle(
      `${lang === 'kk' ? 'Сотқа арналған құжаттар топтамасы' : 'Пакет документов для суда'} · ${kase.number}`,
    );
    packet.setCreator('mediation service');
    packet.setProducer('mediation service (pdf-lib)');
    packet.setCreationDate(now);
    packet.setModificationDate(now);
    const bytes = Buffer.from(await packet.save());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Each packet put together is kept (bytes and record), as a dated document: the verify answer knows it
    await this.issued.store(
      {
        sha256,
        caseId: kase.id,
        caseNumber: kase.number,
        kind: 'court-packet',
        lang,
        format: 'pdf',
        templateVersion: TEMPLATE_VERSION,
        machineVersion: kase.machineVersion,
        caseVersion: kase.version,
        issuedAt: now.toISOString(),
        docId: null,
        claimId: null,
        issue: 'dated',
        asOf: today,
        documentDate: today,
        documentKey: `court-packet|${kase.id}|${lang}|${sha256}`,
      },
      bytes,
    );
    return {
      bytes,
      sha256,
      docId: null,
      contentType: 'application/pdf',
      fileName: `court-packet-${lang}.pdf`,
      items: cover.items,
    };
  }

  /** A PDF receipt as uploaded; an image on a page of its own with a caption saying what it proves. */
  private async receiptPdf(
    kase: CaseRecord & { number: string; machineVersion: number },
    lang: Lang,
    item: { victim: string; date: LocalDate; reference: string; amount: Tiyn },
    receipt: StoredReceipt,
  ): Promise<Buffer> {
    if (receipt.contentType === 'application/pdf') return receipt.content;
    const html = this.renderer.renderPage('receipt-page', lang, {
      caseNumber: kase.number,
      machineVersion: kase.machineVersion,
      ...item,
      sha256: receipt.sha256,
      uploadedOn: receipt.uploadedAt.slice(0, 10),
      dataUrl: `data:${receipt.contentType};base64,${receipt.content.toString('base64')}`,
    });
    return this.pdf.renderPdf(html, { lang });
  }

  /** Stamps «стр. N из M» on every page: one small Chromium page per number, drawn at the top right. */
  private async numberPages(packet: PDFDocument, lang: Lang, total: number): Promise<void> {
    const labels = Array.from({ length: total }, (_, i) => PACKET_NUMBER[lang](i + 1, total));
    const html =
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><style>` +
      `@page { size: 100mm 9mm; margin: 0; } html, body { margin: 0; }` +
      `div { height: 8.8mm; box-sizing: border-box; padding: 3.5mm 8mm 0 0; text-align: right; white-space: nowrap;` +
      ` overflow: hidden; font-family: 'PT Serif', 'DejaVu Serif', serif; font-size: 8pt; break-after: page; }` +
      `div:last-child { break-after: auto; }</style></head><body>` +
      labels.map((l) => `<div>${l}</div>`).join('') +
      `</body></html>`;
    const overlay = await PDFDocument.load(await this.pdf.renderPdf(html, { lang, bare: true }));
    if (overlay.getPageCount() !== total)
      throw new Error(`court packet: ${overlay.getPageCount()} page numbers for ${total} pages`);
    const stamps = await packet.embedPdf(overlay, overlay.getPageIndices());
    packet.getPages().forEach((page, i) => {
      const { width, height } = page.getSize();
      page.drawPage(stamps[i], { x: width - stamps[i].width, y: height - stamps[i].height });
    });
  }
}

function numbered(parts: Part[], coverPages: number): PacketItem[] {
  let next = coverPages + 1;
  return parts.map((p, i) => {
    const first = next;
    next += p.pages;
    return { ...p.item, no: i + 1, first, last: next - 1, pageCount: p.pages, single: p.pages === 1 };
  });
}

const placeOf = (app: CaseApplication) => {
  const place = app.place?.trim() || '—';
  return { kk: place, ru: place };
};

function sentenceOf(app: CaseApplication) {
  return {
    court: courtInGenitive(app.sentence.court),
    date: app.sentence.date,
    number: app.sentence.number ?? null,
    criminalCaseNumber: app.sentence.criminalCaseNumber ?? null,
    articles: app.sentence.articles.map(articleOf),
  };
}
