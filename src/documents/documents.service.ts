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
  isStatement,
  type AvailableDocument,
} from './case-documents';
import { DOCUMENT_KINDS, LANGS, type DocumentKind, type Lang } from './document-view-models';
import { DocumentRenderer } from './document-renderer';
import { DocumentIssuer, FORMATS, type DocumentFormat, type IssuedFile, type LoadedCase } from './document-issuer';
import { IssuedDocumentEntity } from './issued-document.entity';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import type { LocalDate } from '../common/local-date';
import { DirectoryService } from '../directory/directory.service';

export type { DocumentFormat };

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

/** What the verification answers about an issued file: nothing personal, only what the document is. */
export interface VerifiedDocument {
  known: true;
  sha256: string;
  /** The short id printed on it (null on files issued before ids were). */
  docId: string | null;
  caseNumber: string;
  kind: string;
  lang: string;
  format: string;
  templateVersion: string;
  machineVersion: number;
  caseVersion: number;
  issuedAt: string;
  /** The date the document bears: the day of its event, or the day a statement describes. */
  documentDate: string | null;
  /** `event`: frozen when the event happened; `dated`: a statement as of `asOf`. */
  issue: 'event' | 'dated' | null;
  asOf: string | null;
  /** False when the case has a later issue of this document (a re-issue, a correction, a newer statement). */
  latest: boolean;
}

export type VerifyResult = VerifiedDocument | { known: false; sha256: string; message: string };

export interface RenderedDocument {
  bytes: Buffer;
  sha256: string;
  /** The short id printed on it; null on files issued before ids were. */
  docId: string | null;
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
  readonly titles: Record<Lang, Record<string, string>>;
  constructor(
    private readonly issued: IssuedDocumentsRepository,
    private readonly queries: CaseQueries,
    private readonly renderer: DocumentRenderer,
    private readonly issuer: DocumentIssuer,
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

  /**
   * A document of the case. What an event issued (invitation, contract, agreement and its schedule before
   * release, termination notice) is served as frozen then: the same bytes at every download. A statement of a
   * moment (payment statement or certificate, arrears report, the payment calendar once the dates are real) is
   * issued as of today: the same bytes all day while the case does not change, each issue kept and verifiable.
   */
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
    const today = this.clock.today();
    const file = isStatement(kase, kind, claimId)
      ? await this.issuer.issue(kase, kind, claimId, lang, format, { issue: 'dated', date: today })
      : await this.frozen(kase, kind, claimId, lang, format, DocumentIssuer.eventDate(kase, kind, claimId, today));
    return this.rendered(kase, file.record, file.bytes);
  }

  /**
   * The document issued at its event. Not there yet — its outbox row still pending — the row is run now; never
   * issued at its event (cases from before frozen documents, or issuing at events turned off) — it is issued
   * now, from the case as it stands, and frozen from then on.
   */
  private async frozen(
    kase: LoadedCase,
    kind: DocumentKind,
    claimId: string,
    lang: Lang,
    format: DocumentFormat,
    eventDate: LocalDate,
  ): Promise<IssuedFile> {
    const line = { caseId: kase.id, kind, claimId, lang, format };
    const current = (doc: IssuedDocumentEntity | null) => (doc && doc.documentDate === eventDate ? doc : null);
    let doc = current(await this.issued.latest(line, 'event'));
    if (!doc && (await this.issuer.pendingIssues(kase.id))) {
      await this.issuer.runPending();
      doc = current(await this.issued.latest(line, 'event'));
    }
    if (doc) {
      const bytes = await this.issued.bytes(doc.sha256);
      if (bytes) return { record: doc, bytes };
    }
    return this.issuer.issue(kase, kind, claimId, lang, format, { issue: 'event', date: eventDate });
  }

  private rendered(kase: LoadedCase, record: IssuedDocumentEntity, bytes: Buffer): RenderedDocument {
    const claimPart =
      this.claimCount(kase.application.claims) > 1
        ? `-claim${kase.application.claims.findIndex((c) => c.id === record.claimId) + 1}`
        : '';
    const dated = record.issue === 'dated' && record.asOf ? `-${record.asOf}` : '';
    return {
      bytes,
      sha256: record.sha256,
      docId: record.docId,
      contentType: record.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
      fileName: `${asciiCaseNumber(kase.number)}-${record.kind}${claimPart}${dated}-${record.lang}.${record.format}`,
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
    return this.describe(found);
  }

  /** The file recorded under a short id (as printed on paper and in the QR code), or null. */
  async verifyId(docId: string): Promise<VerifiedDocument | null> {
    const found = await this.issued.findByDocId(docId);
    return found ? this.describe(found) : null;
  }

  /** An uploaded file: its SHA-256 looked up. */
  async verifyBytes(bytes: Buffer): Promise<VerifyResult> {
    return this.verify(createHash('sha256').update(bytes).digest('hex'));
  }

  private async describe(found: IssuedDocumentEntity): Promise<VerifiedDocument> {
    return {
      known: true,
      sha256: found.sha256,
      docId: found.docId,
      caseNumber: found.caseNumber,
      kind: found.kind,
      lang: found.lang,
      format: found.format,
      templateVersion: found.templateVersion,
      machineVersion: found.machineVersion,
      caseVersion: found.caseVersion,
      issuedAt: found.issuedAt,
      documentDate: found.documentDate,
      issue: found.issue,
      asOf: found.asOf,
      latest: !(await this.issued.laterVersionExists(found)),
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
