import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { USER_ROLES, type Principal } from '../../auth/principal';
import { DomainError } from '../../common/domain-error';
import { planning } from '../../law/legal-rules';
import { barChart, monthChart } from '../../statistics/domain/charts';
import { isSuppressed, type Figure } from '../../statistics/domain/figures';
import { csvFileName, reportCsv } from '../../statistics/statistics-csv';
import { StatisticsService, type StatisticsReport } from '../../statistics/statistics.service';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { HtmlPage, Pages } from '../pages';
import { formatMoney, formatMonth } from '../render/format';

const SHORT_MONTH: Record<Lang, Intl.DateTimeFormat> = {
  kk: new Intl.DateTimeFormat('kk-KZ', { month: 'short', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }),
};

/** «янв.», «қаң.», «Jan» — with «’26» when the period spans years. */
function shortMonth(month: string, lang: Lang, withYear: boolean): string {
  const name = SHORT_MONTH[lang].format(new Date(`${month}-01T00:00:00Z`)).replace(/\.$/, '');
  return withYear ? `${name} ’${month.slice(2, 4)}` : name;
}

type Q = { scope?: string; from?: string; to?: string };

/** A figure as the page reads it: «< 3», «2 000 000,00 ₸», «62,5 %», «—». */
function show(f: Figure | null, kind: 'count' | 'money' | 'percent' | 'days' = 'count'): string {
  if (f === null) return '—';
  if (isSuppressed(f)) return '< 3';
  if (kind === 'money') return formatMoney(f);
  const n = String(f).replace('.', ',');
  return kind === 'percent' ? `${n} %` : n;
}

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    private readonly pages: Pages,
    private readonly statistics: StatisticsService,
  ) {}

  @Get('statistics')
  @Allow(USER_ROLES)
  @HtmlPage()
  async page(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
    @Query() q: Q,
  ) {
    const lang = this.pages.context(req).lang;
    const form = this.form(user, q, lang);
    try {
      const report = await this.statistics.report(user, q, lang);
      form.from = report.period.from;
      form.to = report.period.to;
      for (const s of form.scopes) s.selected = s.value === report.scope;
      return this.pages.render(req, 'statistics/index', { form, ...this.model(report, lang) }, 'stats.title');
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'validation_failed') throw e;
      void reply.code(400);
      const errors: Record<string, string> = {};
      for (const fe of (e.details.errors as { field: string; rule: string }[] | undefined) ?? [])
        errors[fe.field] = translate(lang, `rule.${fe.rule}`);
      return this.pages.render(req, 'statistics/index', { form: { ...form, errors } }, 'stats.title');
    }
  }

  @Get('statistics.csv')
  @Allow(USER_ROLES)
  async csv(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
    @Query() q: Q,
  ) {
    const lang = this.pages.context(req).lang;
    const report = await this.statistics.report(user, q, lang);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(report)}"`)
      .header('cache-control', 'no-store');
    return reportCsv(report, lang);
  }

  @Get('start-now')
  @Allow(['lawyer', 'mediator'])
  @HtmlPage()
  async startNow(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
    @Query('months') months?: string,
  ) {
    const before = planning.startMediationMonthsBeforePetition.value;
    try {
      const register = await this.statistics.startNow(user, months);
      const items = register.items.map((r) => ({
        ...r,
        late: r.daysToStart < 0 ? -r.daysToStart : null,
        left: r.daysToStart > 0 ? r.daysToStart : null,
        today: r.daysToStart === 0,
      }));
      return this.pages.render(
        req,
        'statistics/start-now',
        { months: register.months, before, asOf: register.asOf, items, count: items.length },
        'stats.startNow.title',
      );
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'validation_failed') throw e;
      void reply.code(400);
      const lang = this.pages.context(req).lang;
      return this.pages.render(
        req,
        'statistics/start-now',
        { months, before, items: [], count: 0, error: translate(lang, 'rule.months_range') },
        'stats.startNow.title',
      );
    }
  }

  private form(user: Principal, q: Q, lang: Lang) {
    return {
      from: q.from ?? '',
      to: q.to ?? '',
      scopes: this.statistics.scopesFor(user).map((value, i) => ({
        value,
        label: translate(lang, `stats.scope.${value}`),
        selected: q.scope ? q.scope === value : i === 0,
      })),
      errors: {} as Record<string, string>,
    };
  }

  private model(r: StatisticsReport, lang: Lang) {
    const t = (key: string) => translate(lang, key);
    const rows = (section: string, obj: object, kinds: Record<string, 'money' | 'percent' | 'days'> = {}) =>
      Object.entries(obj)
        .filter(([k]) => k !== 'outcomes' && k !== 'countedThrough')
        .map(([k, v]) => ({ label: t(`stats.f.${section}.${k}`), shown: show(v as Figure | null, kinds[k]) }));
    const bars = (section: string, obj: object, kind: 'count' | 'money' = 'count') =>
      Object.entries(obj)
        .filter(([k]) => k !== 'agreementRate')
        .map(([k, v]) => ({ label: t(`stats.f.${section}.${k}`), value: v as Figure, text: show(v as Figure, kind) }));
    const outcomes = bars('applications.outcomes', r.applications.outcomes);
    const invitations = bars('invitations', r.invitations);
    const money = bars('money', r.money, 'money');
    const court = bars('court', r.court);
    const query = new URLSearchParams({ scope: r.scope, from: r.period.from, to: r.period.to }).toString();
    const breakdown = (rows: StatisticsReport['byMediator']) =>
      rows.map((row) => ({
        label: row.label,
        cells: [
          show(row.applications),
          show(row.invited),
          show(row.agreed),
          show(row.agreementRate, 'percent'),
          show(row.agreements),
          show(row.paroles),
          show(row.refusals),
          show(row.paid, 'money'),
        ],
      }));
    const breakdownHeads = [
      'applications',
      'invited',
      'agreed',
      'agreementRate',
      'agreements',
      'paroles',
      'refusals',
      'paid',
    ].map((k) => t(`stats.f.row.${k}`));
    const monthHeads = [
      'applications',
      'invited',
      'agreements',
      'decisions',
      'paroles',
      'instalmentsDue',
      'instalmentsMissed',
    ];
    return {
      report: r,
      suppression: r.suppression,
      period: { from: formatMonth(r.period.from, lang), to: formatMonth(r.period.to, lang) },
      scopeLabel: t(`stats.scope.${r.scope}`),
      csvHref: `/statistics.csv?${query}`,
      sections: [
        {
          id: 'applications',
          title: t('stats.s.applications'),
          rows: [
            ...rows('applications', { total: r.applications.total }),
            ...outcomes.map((b) => ({ label: b.label, shown: b.text })),
          ],
          chart: barChart(t('stats.s.applications'), outcomes),
        },
        {
          id: 'invitations',
          title: t('stats.s.invitations'),
          rows: rows('invitations', r.invitations, { agreementRate: 'percent' }),
          chart: barChart(t('stats.s.invitations'), invitations),
        },
        {
          id: 'agreements',
          title: t('stats.s.agreements'),
          rows: rows('agreements', r.agreements),
        },
        {
          id: 'money',
          title: t('stats.s.money'),
          rows: rows('money', r.money, { awarded: 'money', agreed: 'money', paid: 'money', waived: 'money' }),
          chart: barChart(t('stats.s.money'), money),
        },
        {
          id: 'instalments',
          title: t('stats.s.instalments'),
          rows: rows('instalments', r.instalments, { onTimePercent: 'percent', arrearsNow: 'money' }),
          note: r.instalments.countedThrough
            ? `${t('stats.f.instalments.countedThrough')}: ${formatMonth(r.instalments.countedThrough, lang)}`
            : null,
        },
        {
          id: 'court',
          title: t('stats.s.court'),
          rows: rows('court', r.court),
          chart: barChart(t('stats.s.court'), court),
        },
      ],
      monthChart: monthChart(
        t('stats.chart.months'),
        [t('stats.f.byMonth.applications'), t('stats.f.byMonth.agreements')],
        r.byMonth.map((m) => ({
          label: shortMonth(m.month, lang, r.period.from.slice(0, 4) !== r.period.to.slice(0, 4)),
          values: [m.applications, m.agreements],
          texts: [show(m.applications), show(m.agreements)],
        })),
      ),
      monthHeads: monthHeads.map((k) => t(`stats.f.byMonth.${k}`)),
      months: r.byMonth.map((m) => ({
        label: formatMonth(m.month, lang),
        cells: monthHeads.map((k) => show(m[k as keyof typeof m] as Figure)),
      })),
      breakdowns: [
        { id: 'byMediator', title: t('stats.s.byMediator'), rows: breakdown(r.byMediator) },
        { id: 'byCourt', title: t('stats.s.byCourt'), rows: breakdown(r.byCourt) },
        { id: 'byInstitution', title: t('stats.s.byInstitution'), rows: breakdown(r.byInstitution) },
      ].filter((b) => b.rows.length > 0),
      breakdownHeads,
    };
  }
}
