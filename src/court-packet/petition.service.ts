import { Injectable } from '@nestjs/common';
import { claimReading } from '../../machines';
import { CaseQueries } from '../cases/case-queries';
import { CasesService } from '../cases/cases.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { articleOf, directoryIdsOfCase, directoryNamesOf } from '../documents/case-documents';
import { DirectoryService } from '../directory/directory.service';
import { DocumentRenderer } from '../documents/document-renderer';
import type { Lang } from '../documents/document-view-models';
import { PdfService } from '../documents/pdf.service';
import { parseLang, victimRefusal } from './court-packet.service';

export type PetitionBasis = 'parole' | 'replacement';

export interface PetitionDraft {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The draft of the convict's petition (ходатайство) for parole (УК 72) or replacement (УК 73), kk or ru, for the
 * lawyer to edit: the sentence, the eligibility computation exactly as GET /api/cases/:id/eligibility answers it
 * (the same service call), the agreements with what is paid, the victims who refused. Marked «ПРОЕКТ» / «ЖОБА»;
 * not recorded as an issued document (the lawyer's edited text is what is filed).
 */
@Injectable()
export class PetitionService {
  constructor(
    private readonly queries: CaseQueries,
    private readonly cases: CasesService,
    private readonly renderer: DocumentRenderer,
    private readonly pdf: PdfService,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  async draft(caseId: string, query: { lang?: string; format?: string; basis?: string }): Promise<PetitionDraft> {
    const lang = parseLang(query.lang);
    const format = query.format ?? 'html';
    const errors = [];
    if (format !== 'html' && format !== 'pdf')
      errors.push({ field: 'format', rule: 'format_invalid', message: 'Формат проекта: html или pdf' });
    if (query.basis !== undefined && query.basis !== 'parole' && query.basis !== 'replacement')
      errors.push({
        field: 'basis',
        rule: 'basis_invalid',
        message: 'Основание: parole (ст. 72 УК) или replacement (ст. 73 УК)',
      });
    if (errors.length) throw DomainError.validation(errors);
    const html = await this.html(caseId, lang, query.basis as PetitionBasis | undefined);
    const name = `petition-draft-${lang}.${format}`;
    if (format === 'pdf')
      return { bytes: await this.pdf.renderPdf(html, { lang }), contentType: 'application/pdf', fileName: name };
    return { bytes: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8', fileName: name };
  }

  async html(caseId: string, lang: Lang, basisParam?: PetitionBasis): Promise<string> {
    const { entity, payments } = await this.queries.withPayments(caseId);
    const app = entity.application;
    const basis: PetitionBasis = basisParam ?? app.procedure;
    const eligibility = await this.cases.eligibility(caseId, 0);
    const answer = basis === 'parole' ? eligibility.parole : eligibility.replacement;
    if (!answer) throw new Error(`eligibility gave no ${basis} answer`);
    const agreements = [];
    const refusals = [];
    for (const claim of app.claims.filter((c) => c.kind === 'victim')) {
      const reading = claimReading(entity.snapshot, claim.id);
      if (!reading) continue;
      const refusedOn = victimRefusal(reading);
      if (refusedOn) refusals.push({ victim: claim.victim.fullName, date: refusedOn });
      if (!reading.agreement) continue;
      const terms = reading.agreement.terms;
      const r = reading.restitution?.context;
      const settled = r ? r.owed : terms.paidBeforeHearing + (terms.instalments?.total ?? 0);
      const paid = r
        ? r.paid
        : (Object.hasOwn(payments, claim.id) ? payments[claim.id] : []).reduce((s, p) => s + p.amount, 0);
      const instalments = terms.instalments && terms.instalments.total > 0 ? terms.instalments : null;
      agreements.push({
        no: agreements.length + 1,
        victim: claim.victim.fullName,
        signedOn: reading.agreement.signedOn,
        settled,
        paid,
        outstanding: Math.max(0, settled - paid),
        waived: terms.waived > 0 ? terms.waived : null,
        instalments: instalments
          ? { monthly: instalments.monthly, count: Math.ceil(instalments.total / instalments.monthly) }
          : null,
      });
    }
    // Court, institution and place from the directory in the draft's language, else as typed.
    const names = directoryNamesOf({
      application: app,
      directory: await this.directory.resolve(directoryIdsOfCase(entity)),
    });
    const typedPlace = app.place?.trim() || '—';
    const place = names.place ?? { kk: typedPlace, ru: typedPlace };
    return this.renderer.renderPage('petition', lang, {
      caseNumber: entity.number,
      machineVersion: entity.machineVersion,
      date: eligibility.asOf,
      asOf: eligibility.asOf,
      place,
      isParole: basis === 'parole',
      convict: {
        fullName: app.convict.fullName,
        iin: app.convict.iin || null,
        institution: names.institution,
      },
      lawyer: app.lawyer?.fullName ? { fullName: app.lawyer.fullName } : null,
      sentence: {
        court: names.court,
        date: app.sentence.date,
        articles: app.sentence.articles.map(articleOf),
        term: { ...app.sentence.term },
        startDate: app.sentence.startDate,
      },
      eligibility: {
        earliestDate: answer.earliestDate,
        fraction: answer.fraction ? { ...answer.fraction } : null,
        ofRemainder: answer.base === 'unserved_remainder',
        requiredServed: answer.requiredServed ? { ...answer.requiredServed } : null,
        minimumSixMonthsApplied: answer.minimumSixMonthsApplied,
        citation: answer.citation,
        method: answer.method,
        exclusion: answer.exclusion ?? null,
      },
      decision:
        basis === 'parole'
          ? { reason: eligibility.paroleDecision.reason, citation: eligibility.paroleDecision.citation }
          : null,
      agreements,
      refusals,
    });
  }
}
