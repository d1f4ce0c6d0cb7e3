/**
 * Issuing a document: render it once, keep its bytes, serve those bytes ever after.
 *
 * What the parties sign (the mediation contract, the agreement with its annexed schedule) and what is issued to
 * someone (the invitation, the termination notice) is issued at the event, from the outbox row the event wrote
 * (`document.issue`): in kk and ru, PDF and HTML, from the case AS THAT EVENT LEFT IT (the row carries it — see
 * WorkflowStore), whenever the handler gets to run. Documents describing a moment (payment statement,
 * certificate of full payment, arrears report, the payment calendar after release) are issued as dated
 * documents «по состоянию на» the day asked for. Each issue is stored with its SHA-256 and short id, and is
 * identified by `documentKey` (case, kind, claim, language, format, case version, way and date of issue): issuing
 * the same again returns what was stored, so a second run of an outbox row or two downloads at once store one
 * document.
 */
import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import QRCode from 'qrcode';
import { claimReading, type Payment } from '../../machines';
import type { CaseApplication } from '../cases/domain/case-application';
import { CaseQueries } from '../cases/case-queries';
import { Clock } from '../common/clock';
import type { LocalDate } from '../common/local-date';
import { Env } from '../config/env';
import type { ProcedureState } from '../../machines/procedure';
import { DatabaseAccess } from '../workflow/database-access';
import { OutboxDispatcher, type OutboxEffect } from '../workflow/outbox.dispatcher';
import {
  availableDocuments,
  directoryIdsOfCase,
  documentViewModel,
  DocumentNotAvailable,
  type CaseRecord,
} from './case-documents';
import { DocumentRenderer, TEMPLATE_VERSION, type IssueMark } from './document-renderer';
import { LANGS, type DocumentKind, type Lang } from './document-view-models';
import type { IssuedDocumentEntity } from './issued-document.entity';
import { DirectoryService } from '../directory/directory.service';
import type { ReadQuery } from '../database/read-connection';
import { casePayments } from '../restitution/payments.repository';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { PdfService } from './pdf.service';

export type DocumentFormat = 'pdf' | 'html';
export const FORMATS: readonly DocumentFormat[] = ['pdf', 'html'];

/** The case a document is made from: the record with its id and version. */
export type LoadedCase = CaseRecord & { id: string; version: number };

/** How a document is issued: frozen at its event (dated that day), or a statement as of a day. */
export interface IssueBasis {
  issue: 'event' | 'dated';
  date: LocalDate;
}

export interface IssuedFile {
  record: IssuedDocumentEntity;
  bytes: Buffer;
}

/** What a `document.issue` outbox row carries (machines/effects.ts + WorkflowStore). */
interface IssueParams {
  kind: string;
  claimId: string;
  on: LocalDate;
  caseVersion?: number;
  case?: {
    version: number;
    number: string;
    machineVersion: number;
    application: CaseApplication;
    snapshot: ProcedureState;
  } | null;
}

/** The identity of one issue of a document (`issued_documents.document_key`). */
function documentKey(
  caseId: string,
  kind: DocumentKind,
  claimId: string,
  lang: Lang,
  format: DocumentFormat,
  caseVersion: number,
  basis: IssueBasis,
): string {
  return [caseId, kind, claimId, lang, format, `v${caseVersion}`, `${basis.issue}:${basis.date}`].join('|');
}

/** Crockford's base32 (no I, L, O, U): read aloud and typed from paper without confusion. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The short id printed on the document: 10 base32 characters (50 bits) of the SHA-256 of its identity. */
export function shortId(documentKey: string): string {
  const hash = createHash('sha256').update(documentKey).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of hash) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === 10) break;
  }
  return out;
}

/** A short id as typed by a person: upper case, O → 0, I/L → 1; null when it cannot be one. */
export function normaliseShortId(text: string): string | null {
  const id = text.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(id) ? id : null;
}

@Injectable()
export class DocumentIssuer implements OnModuleInit {
  private readonly logger = new Logger(DocumentIssuer.name);
  /** Issues being made now, by document key: asked for twice at once, made once. */
  private readonly inFlight = new Map<string, Promise<IssuedFile>>();

  constructor(
    private readonly issued: IssuedDocumentsRepository,
    private readonly renderer: DocumentRenderer,
    private readonly pdf: PdfService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly outbox: OutboxDispatcher,
    private readonly access: DatabaseAccess,
    private readonly queries: CaseQueries,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    if (this.env.DOCUMENTS_ON_EVENT === 'true') this.outbox.register('document.issue', (e) => this.onEffect(e));
  }

  verifyUrl(docId: string): string {
    const base = this.env.PUBLIC_URL || `http://127.0.0.1:${this.env.PORT}`;
    return `${base.replace(/\/+$/, '')}/verify/${docId}`;
  }

  /** The outbox handler: every document the event issues, in both languages and both formats. */
  async onEffect(effect: OutboxEffect): Promise<void> {
    const p = effect.params as IssueParams;
    if (!p.case && p.caseVersion !== undefined && (await this.alreadyIssued(effect.caseId, p))) return; // a rerun
    const kase = await this.caseOf(effect, p);
    const kinds: DocumentKind[] =
      p.kind === 'default-report'
        ? ['arrears-report']
        : p.kind === 'agreement'
          ? ['agreement', 'schedule']
          : [p.kind as DocumentKind];
    const basis: IssueBasis =
      p.kind === 'default-report' ? { issue: 'dated', date: p.on } : { issue: 'event', date: p.on };
    const available = availableDocuments(kase);
    // Every file is tried, HTML first: without Chromium the HTML files are issued and kept, and the row is retried
    // (then marked failed) for the PDFs alone — what was issued is found by its key and not made again.
    const failures: Error[] = [];
    for (const kind of kinds) {
      // An agreement without instalments has no schedule; a case without a mediator has no contract to name him in.
      if (!available.some((d) => d.kind === kind && d.claimId === p.claimId)) continue;
      for (const format of ['html', 'pdf'] as const)
        for (const lang of LANGS)
          try {
            await this.issue(kase, kind, p.claimId, lang, format, basis);
          } catch (e) {
            failures.push(e instanceof Error ? e : new Error(String(e)));
          }
    }
    if (failures.length > 0) throw failures[0];
    // Issued: the copy of the case (names, ИИН, addresses) has served its purpose and leaves the outbox row.
    if (p.case) await this.forgetCase(effect, p);
  }

  /** Whether the event's main document is stored in every language and format (the row ran to its end before). */
  private async alreadyIssued(caseId: string, p: IssueParams): Promise<boolean> {
    const kind: DocumentKind = p.kind === 'default-report' ? 'arrears-report' : (p.kind as DocumentKind);
    const basis: IssueBasis = { issue: p.kind === 'default-report' ? 'dated' : 'event', date: p.on };
    for (const lang of LANGS)
      for (const format of FORMATS)
        if (!(await this.issued.findByKey(documentKey(caseId, kind, p.claimId, lang, format, p.caseVersion!, basis))))
          return false;
    return true;
  }

  private async forgetCase(effect: OutboxEffect, p: IssueParams): Promise<void> {
    const { case: _case, ...rest } = p;
    await this.access.atomically((em) =>
      em.query(this.access.sql('UPDATE outbox SET params = ? WHERE id = ?'), [
        JSON.stringify({ ...rest, caseVersion: p.case!.version }),
        effect.id,
      ]),
    );
  }

  /** Issues the document (or returns the one issued before under the same identity). */
  issue(
    kase: LoadedCase,
    kind: DocumentKind,
    claimId: string,
    lang: Lang,
    format: DocumentFormat,
    basis: IssueBasis,
  ): Promise<IssuedFile> {
    const key = documentKey(kase.id, kind, claimId, lang, format, kase.version, basis);
    const running = this.inFlight.get(key);
    if (running) return running;
    const made = this.make(kase, kind, claimId, lang, format, basis, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, made);
    return made;
  }

  private async make(
    kase: LoadedCase,
    kind: DocumentKind,
    claimId: string,
    lang: Lang,
    format: DocumentFormat,
    basis: IssueBasis,
    documentKey: string,
  ): Promise<IssuedFile> {
    const before = await this.issued.findByKey(documentKey);
    if (before) {
      const bytes = await this.issued.bytes(before.sha256);
      if (bytes) return { record: before, bytes };
    }
    const docId = shortId(documentKey);
    const verifyUrl = this.verifyUrl(docId);
    const mark: IssueMark = {
      id: docId,
      verifyUrl,
      qr: await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 }),
      asOf: basis.issue === 'dated' ? basis.date : null,
    };
    const vm = documentViewModel(kase, kind, claimId, basis.date);
    const html = this.renderer.renderHtml(kind, lang, vm, mark);
    const bytes =
      format === 'pdf'
        ? await this.pdf.renderPdf(html, { lang, frozen: { date: basis.date, id: docId } })
        : Buffer.from(html, 'utf8');
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
      issuedAt: this.clock.now().toISOString(),
      docId,
      claimId,
      issue: basis.issue,
      asOf: basis.issue === 'dated' ? basis.date : null,
      documentDate: basis.date,
      documentKey,
    };
    const stored = await this.issued.store(record, bytes);
    if (stored.sha256 === sha256) return { record: stored, bytes };
    // Another process stored this issue first: only its bytes are ever served.
    return { record: stored, bytes: (await this.issued.bytes(stored.sha256)) ?? bytes };
  }

  /**
   * The case as the event left it: carried by the outbox row. Rows written before rows carried it (they stayed
   * pending while no handler existed) get the case as it stands now — the same thing unless it moved on since.
   */
  private async caseOf(effect: OutboxEffect, p: IssueParams): Promise<LoadedCase> {
    if (p.case) {
      return {
        id: effect.caseId,
        version: p.case.version,
        number: p.case.number,
        machineVersion: p.case.machineVersion,
        application: p.case.application,
        snapshot: p.case.snapshot,
        payments: await this.paymentsAsOf(effect.caseId, p.case.version),
        directory: await this.directory.resolve(directoryIdsOfCase(p.case)),
      };
    }
    const { entity, payments } = await this.queries.withPayments(effect.caseId);
    const version = p.caseVersion ?? Number(effect.idempotencyKey.split(':')[1]);
    if (entity.version !== version)
      this.logger.warn(
        `document.issue ${effect.id}: the row carries no case; issued from case version ${entity.version}, not ${version}`,
      );
    return Object.assign(entity, { payments, directory: await this.directory.resolve(directoryIdsOfCase(entity)) });
  }

  /** The payments ledger as it stood at a case version (rows recorded by later events left out). */
  private paymentsAsOf(caseId: string, version: number): Promise<Record<string, Payment[]>> {
    const query: ReadQuery = (sql, params) => this.access.read((em) => em.query(this.access.sql(sql), params));
    return casePayments(query, caseId, version);
  }

  /** Whether the case has `document.issue` rows not yet run (the download then waits for them). */
  async pendingIssues(caseId: string): Promise<boolean> {
    if (this.env.DOCUMENTS_ON_EVENT !== 'true') return false;
    const rows: unknown[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          "SELECT 1 FROM outbox WHERE case_id = ? AND effect_type = 'document.issue' AND status IN ('pending', 'running') LIMIT 1",
        ),
        [caseId],
      ),
    );
    return rows.length > 0;
  }

  /** Runs the outbox now (a download that found its document's row pending). */
  runPending(): Promise<void> {
    return this.outbox.dispatch();
  }

  /** The date an event-issued document bears: the day of the event that issued it. */
  static eventDate(kase: CaseRecord, kind: DocumentKind, claimId: string, today: LocalDate): LocalDate {
    const m = claimReading(kase.snapshot, claimId)?.mediation;
    if (!m) return today;
    switch (kind) {
      case 'invitation':
        return m.invitedOn ?? today;
      case 'mediation-contract':
        return m.contractDate ?? today;
      case 'agreement':
      case 'schedule':
        return m.agreement?.signedOn ?? today;
      case 'termination-notice':
        return m.outcomeOn ?? today;
      default:
        return today;
    }
  }
}

export { DocumentNotAvailable };
