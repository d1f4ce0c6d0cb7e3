import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../../auth/principal';
import { CaseQueries } from '../../cases/case-queries';
import { caseView } from '../../cases/case-view';
import { freeTextWarnings } from '../../cases/cases.service';
import { DomainError } from '../../common/domain-error';
import { ReceiptsRepository } from '../../court-packet/receipts.repository';
import { claimReading } from '../../../machines';
import { DocumentsService } from '../../documents/documents.service';
import { IssuedDocumentEntity } from '../../documents/issued-document.entity';
import { DatabaseAccess } from '../../workflow/database-access';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { HtmlPage, Pages } from '../pages';
import { formatDate, formatDateTime } from '../render/format';

/** Kinds that always describe a moment (issued as of the day asked for), not an event. */
const STATEMENTS = new Set(['payment-statement', 'arrears-report']);
/** Kinds the court's packet is made of: without one of them there is nothing to send to the court. */
const PACKET_KINDS = new Set(['agreement', 'payment-statement', 'termination-notice']);
const DOC_LANGS = ['kk', 'ru'] as const;
const LANG_WORDS: Record<Lang, Record<'kk' | 'ru', string>> = {
  kk: { kk: 'қазақша', ru: 'орысша' },
  ru: { kk: 'на казахском', ru: 'на русском' },
  en: { kk: 'Kazakh', ru: 'Russian' },
};

/**
 * The documents of a case (issue 10 «Documents»): every document its current state allows, per victim, in Kazakh
 * and Russian, as PDF and HTML (the API's links, which the session cookie opens), with the number and date of the
 * copy issued when one was; the court's packet and the petition draft for those who take them to court; the
 * receipts kept as evidence of payments. Same access as GET /api/cases/:id/documents.
 */
@ApiExcludeController()
@Controller('cases')
export class DocumentsPageController {
  constructor(
    private readonly pages: Pages,
    private readonly queries: CaseQueries,
    private readonly documents: DocumentsService,
    private readonly receipts: ReceiptsRepository,
    private readonly access: DatabaseAccess,
  ) {}

  @Get(':id/documents')
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  @HtmlPage()
  async page(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') })) id: string,
    @Req() req: FastifyRequest,
    @CurrentUser() user: Principal,
  ) {
    const ctx = this.pages.context(req);
    const lang = ctx.lang;
    const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
    const [entity, links, receipts, issued] = await Promise.all([
      this.queries.findCase(id),
      this.documents.list(id),
      this.receipts.list(id),
      this.access.read((em) => em.find(IssuedDocumentEntity, { where: { caseId: id } })),
    ]);
    if (!entity) throw DomainError.notFound('Дело', id);
    const kase = caseView(entity);
    const victimOf = new Map(kase.claims.map((c) => [c.id, c.victim.fullName]));
    // The schedule is the agreement's annex (frozen with it) until the payment dates are real; then a statement
    const scheduled = new Set(
      kase.claims
        .filter((c) => (claimReading(entity.snapshot, c.id)?.restitution?.context.schedule.length ?? 0) > 0)
        .map((c) => c.id),
    );
    const latest = latestIssues(issued);
    const rows = links.map((link) => {
      const certificate = link.title.ru !== this.documents.titles.ru[link.kind];
      const title = t(certificate ? 'docs.kind.certificate' : `docs.kind.${link.kind}`);
      const lastOf = (l: 'kk' | 'ru') =>
        latest.get(`${link.kind}|${link.claimId}|${l}|pdf`) ?? latest.get(`${link.kind}|${link.claimId}|${l}|html`);
      const statement = STATEMENTS.has(link.kind) || (link.kind === 'schedule' && scheduled.has(link.claimId));
      return {
        title,
        victim: victimOf.get(link.claimId) ?? '',
        statement,
        langs: DOC_LANGS.map((l) => {
          const last = lastOf(l);
          const date = last ? formatDate(last.asOf ?? last.documentDate ?? last.issuedAt.slice(0, 10), lang) : null;
          const label = (format: string) =>
            t('docs.linkLabel', { doc: title, lang: LANG_WORDS[lang][l], format: format.toUpperCase() });
          return {
            lang: l,
            pdf: link.href.pdf[l],
            html: link.href.html[l],
            pdfLabel: label('pdf'),
            htmlLabel: label('html'),
            issued: !last
              ? statement
                ? null
                : t('docs.notYet')
              : statement
                ? last.docId
                  ? t('docs.lastIssued', { date: date!, id: last.docId })
                  : null
                : last.docId
                  ? t('docs.frozen', { date: date!, id: last.docId })
                  : t('docs.frozenNoId', { date: date! }),
          };
        }),
      };
    });
    const forCourt = user.role === 'lawyer' || user.role === 'mediator' || user.role === 'court';
    const petition = user.role === 'lawyer' || user.role === 'mediator';
    const packetReady = links.some((l) => PACKET_KINDS.has(l.kind));
    const FREE_TEXT: Record<string, string> = {
      'sentence.court': 'court',
      'convict.institution': 'institution',
      'mediator.organisation': 'organisation',
      place: 'place',
    };
    const typed = freeTextWarnings(entity.application).map((w) => t(`docs.freeText.${FREE_TEXT[w.field] ?? 'place'}`));
    const quote = (x: string) => (lang === 'en' ? `"${x}"` : `«${x}»`);
    const freeText = typed.length ? t('docs.freeText', { what: typed.map(quote).join(', ') }) : null;
    const model = {
      id,
      number: kase.number,
      convict: kase.convict.fullName,
      rows,
      several: kase.claims.filter((c) => c.kind === 'victim').length > 1,
      forCourt: forCourt && packetReady,
      packet: DOC_LANGS.map((l) => ({
        href: `/api/cases/${id}/court-packet?lang=${l}`,
        label: `${t('docs.packet')} — ${LANG_WORDS[lang][l]}`,
      })),
      petition: petition
        ? DOC_LANGS.map((l) => ({
            lang: LANG_WORDS[lang][l],
            html: `/api/cases/${id}/petition-draft?lang=${l}&format=html`,
            pdf: `/api/cases/${id}/petition-draft?lang=${l}&format=pdf`,
          }))
        : null,
      receipts: receipts.map((r) => ({
        victim: victimOf.get(r.claimId) ?? '',
        reference: r.reference,
        fileName: r.fileName ?? r.sha256.slice(0, 12),
        type: r.contentType === 'application/pdf' ? 'PDF' : r.contentType.replace('image/', '').toUpperCase(),
        size: `${Math.max(1, Math.round(r.size / 1024))} KB`,
        pages: r.pages,
        uploaded: formatDateTime(r.uploadedAt, lang),
      })),
      freeText,
    };
    return this.pages.render(
      req,
      'intake/documents',
      model,
      { text: t('docs.title', { number: kase.number }) },
      {
        context: ctx,
      },
    );
  }
}

/** The latest issue of each document line (kind, claim, language, format): newest case version, then newest issue. */
function latestIssues(rows: IssuedDocumentEntity[]): Map<string, IssuedDocumentEntity> {
  const out = new Map<string, IssuedDocumentEntity>();
  for (const r of rows) {
    const key = `${r.kind}|${r.claimId}|${r.lang}|${r.format}`;
    const seen = out.get(key);
    if (!seen || r.caseVersion > seen.caseVersion || (r.caseVersion === seen.caseVersion && r.issuedAt > seen.issuedAt))
      out.set(key, r);
  }
  return out;
}
