import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { CaseQueries } from '../cases/case-queries';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import {
  availableDocuments,
  describeAvailable,
  directoryIdsOfCase,
  documentViewModel,
  type AvailableDocument,
  type CaseRecord,
} from './case-documents';
import { DOCUMENT_KINDS, LANGS, type DocumentKind, type Lang } from './document-view-models';
import { DocumentRenderer, TEMPLATE_VERSION } from './document-renderer';
import { IssuedDocumentEntity } from './issued-document.entity';
import { PdfService } from './pdf.service';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { DirectoryService } from '../directory/directory.service';

export type DocumentFormat = 'pdf' | 'html';
const FORMATS: readonly DocumentFormat[] = ['pdf', 'html'];
/** The case as `load` returns it: the record documents are built from, with its id and version. */
type LoadedCase = CaseRecord & { id: string; version: number };

export interface DocumentQuery {
  lang?: string;
  format?: string;
  claimId?: string;
}

export interface DocumentLink {
  kind: DocumentKind;
  claimId: string;
  title: { kk: string; ru: string };
  href: { html: { kk: string; ru: string }; pdf: { kk: string; ru: string } };
}

export type VerifyResult =
  | ({ known: true } & Omit<IssuedDocumentEntity, 'sha256' | 'caseId'>)
  | { known: false; sha256: string; message: string };

export interface RenderedDocument {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

/** The certificate of full payment is the payment statement issued when nothing is left to pay. */
const CERTIFICATE_TITLE = { kk: 'Залалдың толық өтелгені туралы анықтама', ru: 'Справка о полном возмещении ущерба' };

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** «МД-2026-000001» → «MD-2026-000001»: file names stay ASCII for every browser and mail client. */
function asciiCaseNumber(number: string): string {
  const out = [...number].map((ch) => {
    const latin = LATIN[ch.toLowerCase()];
    if (latin === undefined) return /[A-Za-z0-9-]/.test(ch) ? ch : '-';
    return ch === ch.toLowerCase() ? latin : latin.toUpperCase();
  });
  return out.join('');
}

/**
 * Court documents of a case: what the state allows, rendered in kk/ru as HTML or PDF, each issued file
 * recorded by its SHA-256 so that a court clerk can verify it.
 */
@Injectable()
export class DocumentsService {
  private readonly titles: Record<Lang, Record<string, string>>;
  /** Documents being made now, by case, version, kind, claim, language, format and day (see `render`). */
  private readonly inFlight = new Map<string, Promise<RenderedDocument>>();

  constructor(
    private readonly issued: IssuedDocumentsRepository,
    private readonly queries: CaseQueries,
    private readonly renderer: DocumentRenderer,
    private readonly pdf: PdfService,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {
    const kinds = (lang: Lang) =>
      (
        JSON.parse(readFileSync(join(renderer.templatesDir, 'i18n', `${lang}.json`), 'utf8')) as {
          kind: Record<string, string>;
        }
      ).kind;
    this.titles = { kk: kinds('kk'), ru: kinds('ru') };
  }

  async list(caseId: string): Promise<DocumentLink[]> {
    const kase = await this.load(caseId);
    const several = this.claimCount(kase.application.claims) > 1;
    return availableDocuments(kase).map((d) => this.link(caseId, d, several));
  }

  async render(caseId: string, kindParam: string, query: DocumentQuery): Promise<RenderedDocument> {
    const { kind, lang, format } = this.parse(kindParam, query);
    const kase = await this.load(caseId);
    const claimId = this.claimOf(kase.application.claims, query.claimId);
    const allowed = availableDocuments(kase);
    if (!allowed.some((d) => d.kind === kind && d.claimId === claimId)) {
      const here = allowed.filter((d) => d.claimId === claimId);
      throw DomainError.rule(
        'kind',
        'document_not_available',
        `Документ ${kind} в состоянии дела «${kase.state}» не выдаётся; ${describeAvailable(here)}`,
      );
    }
    // The same document of the same case version, asked for again while it is being made (a clerk's double
    // click, a court's batch), is made once: every caller gets those bytes. Only renders in flight are shared;
    // a request that loaded a newer version has another key, so nobody gets a document of an older version.
    const today = this.clock.today();
    const key = `${kase.id}\u0000${kase.version}\u0000${kind}\u0000${claimId}\u0000${lang}\u0000${format}\u0000${today}`;
    const inFlight = this.inFlight.get(key);
    if (inFlight) return inFlight;
    const made = this.make(kase, kind, claimId, lang, format, today).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, made);
    return made;
  }

  private async make(
    kase: LoadedCase,
    kind: DocumentKind,
    claimId: string,
    lang: Lang,
    format: DocumentFormat,
    today: string,
  ): Promise<RenderedDocument> {
    const issuedAt = this.clock.now();
    const vm = documentViewModel(kase, kind, claimId, today);
    const html = this.renderer.renderHtml(kind, lang, vm);
    const bytes = format === 'pdf' ? await this.pdf.renderPdf(html, { lang }) : Buffer.from(html, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const record: IssuedDocumentEntity = {
      sha256,
      caseId: kase.id,
      caseNumber: kase.number,
      kind,
      lang,
      format,
      templateVersion: TEMPLATE_VERSION,
      machineVersion: kase.machineVersion,
      caseVersion: kase.version,
      issuedAt: issuedAt.toISOString(),
    };
    await this.issued.record(record);
    const claimPart =
      this.claimCount(kase.application.claims) > 1
        ? `-claim${kase.application.claims.findIndex((c) => c.id === claimId) + 1}`
        : '';
    return {
      bytes,
      sha256,
      contentType: format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
      fileName: `${asciiCaseNumber(kase.number)}-${kind}${claimPart}-${lang}.${format}`,
    };
  }

  /** Unknown hashes are an answer, not an error: the controller sends it with 404. */
  async verify(sha256: string): Promise<VerifyResult> {
    if (!/^[0-9a-fA-F]{64}$/.test(sha256)) {
      throw DomainError.validation([
        { field: 'sha256', rule: 'sha256_format', message: 'SHA-256 — 64 шестнадцатеричных символа' },
      ]);
    }
    const found = await this.issued.findBySha256(sha256.toLowerCase());
    if (!found) {
      return {
        known: false,
        sha256: sha256.toLowerCase(),
        message: 'Документ с таким SHA-256 сервисом не выдавался: файл изменён или не является документом сервиса',
      };
    }
    return {
      known: true,
      caseNumber: found.caseNumber,
      kind: found.kind,
      lang: found.lang,
      format: found.format,
      templateVersion: found.templateVersion,
      machineVersion: found.machineVersion,
      caseVersion: found.caseVersion,
      issuedAt: found.issuedAt,
    };
  }

  private parse(kind: string, q: DocumentQuery): { kind: DocumentKind; lang: Lang; format: DocumentFormat } {
    const errors = [];
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
      errors.push({ field: 'kind', rule: 'kind_unknown', message: `Вид документа: ${DOCUMENT_KINDS.join(', ')}` });
    const lang = q.lang ?? 'ru';
    if (!(LANGS as readonly string[]).includes(lang))
      errors.push({ field: 'lang', rule: 'lang_invalid', message: 'Язык документа: kk или ru' });
    const format = q.format ?? 'pdf';
    if (!(FORMATS as readonly string[]).includes(format))
      errors.push({ field: 'format', rule: 'format_invalid', message: 'Формат документа: pdf или html' });
    if (errors.length) throw DomainError.validation(errors);
    return { kind: kind as DocumentKind, lang: lang as Lang, format: format as DocumentFormat };
  }

  /** Only mediable claims have documents; a case with one needs no claimId. */
  private claimCount(claims: { kind: string }[]): number {
    return claims.filter((c) => c.kind === 'victim').length;
  }

  private claimOf(claims: { id: string; kind: string }[], claimId: string | undefined): string {
    if (claimId !== undefined && claimId !== '') {
      if (!claims.some((c) => c.id === claimId))
        throw DomainError.rule('claimId', 'unknown_claim', 'В деле нет гражданского иска с таким идентификатором');
      return claimId;
    }
    const victims = claims.filter((c) => c.kind === 'victim');
    if (victims.length !== 1)
      throw DomainError.rule('claimId', 'claim_required', 'В деле несколько гражданских исков: укажите claimId');
    return victims[0].id;
  }

  private link(caseId: string, d: AvailableDocument, several: boolean): DocumentLink {
    const title = d.certificate ? CERTIFICATE_TITLE : { kk: this.titles.kk[d.kind], ru: this.titles.ru[d.kind] };
    const claim = several ? `&claimId=${d.claimId}` : '';
    const href = (format: DocumentFormat, lang: Lang) =>
      `/api/cases/${caseId}/documents/${d.kind}?lang=${lang}&format=${format}${claim}`;
    return {
      kind: d.kind,
      claimId: d.claimId,
      title,
      href: {
        html: { kk: href('html', 'kk'), ru: href('html', 'ru') },
        pdf: { kk: href('pdf', 'kk'), ru: href('pdf', 'ru') },
      },
    };
  }

  private async load(caseId: string) {
    // On the read connections, beside the writers: the case and its payments ledger as one committed state.
    const { entity, payments } = await this.queries.withPayments(caseId);
    // The directory entries it refers to: their names, as they are today, in the document's language.
    const directory = await this.directory.resolve(directoryIdsOfCase(entity));
    return Object.assign(entity, { payments, directory });
  }
}
