import { Injectable } from '@nestjs/common';
import type { Principal, UserRole } from '../auth/principal';
import { principalKey } from '../cases/domain/case-access';
import type { CaseApplication } from '../cases/domain/case-application';
import { Clock } from '../common/clock';
import { DomainError, type FieldError } from '../common/domain-error';
import { addDays, addMonths, daysBetween } from '../common/local-date';
import { ReadConnection } from '../database/read-connection';
import { DirectoryService } from '../directory/directory.service';
import { planning, settings } from '../law/legal-rules';
import { buildReport, type Report, type SumRow } from './domain/figures';
import { NOW, type BreakdownDimension } from './domain/statistics-cells';

/** Whose figures: one's own cases, one's organisation, one's court, one's police unit, the region. */
export const SCOPE_KINDS = ['own', 'organisation', 'court', 'unit', 'region'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** The scopes each role may choose, the first being the default. */
const SCOPES_OF_ROLE: Record<UserRole, readonly ScopeKind[]> = {
  mediator: ['own', 'organisation'],
  lawyer: ['own', 'organisation'],
  court: ['court'],
  officer: ['unit'],
  admin: ['region'],
};

export interface StatisticsQuery {
  scope?: string;
  from?: string;
  to?: string;
}

export interface ScopeChoice {
  kind: ScopeKind;
  /** The key of case_stats. */
  key: string;
}

export type StatisticsReport = Report & { scope: ScopeKind; generatedOn: string };

export interface StartNowRow {
  caseId: string;
  number: string;
  convict: string;
  institution: string;
  state: string;
  earliestPetition: string;
  startBy: string;
  /** Days from today to the start-by date: negative when it has passed. */
  daysToStart: number;
  /** The convict may petition already. */
  mayPetitionNow: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 120;

@Injectable()
export class StatisticsService {
  private mediatorNames: { at: number; names: Map<string, { ru: string; kk: string }> } | null = null;

  constructor(
    private readonly reads: ReadConnection,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  /** The scopes the user may choose (his organisation only when his account names one). */
  scopesFor(p: Principal): ScopeKind[] {
    return SCOPES_OF_ROLE[p.role].filter((k) => this.keyOf(p, k) !== null);
  }

  private keyOf(p: Principal, kind: ScopeKind): string | null {
    switch (kind) {
      case 'own':
        return p.role === 'mediator' || p.role === 'lawyer' ? principalKey(p) : null;
      case 'organisation':
        if (!p.organisationId) return null;
        return p.role === 'mediator'
          ? `morg:${p.organisationId}`
          : p.role === 'lawyer'
            ? `lorg:${p.organisationId}`
            : null;
      case 'court':
        return p.role === 'court' && p.organisationId ? `court:${p.organisationId}` : null;
      case 'unit':
        return p.role === 'officer' && p.organisationId ? `officer:${p.organisationId}` : null;
      case 'region':
        return p.role === 'admin' ? 'region' : null;
    }
  }

  /** Checks the query: the scope must be one of the user's, months 'YYYY-MM', from ≤ to, at most 10 years. */
  resolve(p: Principal, q: StatisticsQuery): { scope: ScopeChoice; from: string; to: string } {
    const errors: FieldError[] = [];
    const today = this.clock.today();
    const kinds = this.scopesFor(p);
    let kind = kinds[0];
    if (q.scope !== undefined && q.scope !== '') {
      if (!(kinds as string[]).includes(q.scope))
        errors.push({
          field: 'scope',
          rule: 'scope_not_allowed',
          message: `Доступные разрезы: ${kinds.join(', ') || '—'}`,
        });
      else kind = q.scope as ScopeKind;
    }
    const month = (field: 'from' | 'to', value: string | undefined, fallback: string): string => {
      if (value === undefined || value === '') return fallback;
      if (!MONTH.test(value)) {
        errors.push({ field, rule: 'month_format', message: 'Месяц в виде ГГГГ-ММ, например 2026-01' });
        return fallback;
      }
      return value;
    };
    const to = month('to', q.to, today.slice(0, 7));
    const from = month('from', q.from, `${to.slice(0, 4)}-01`);
    if (errors.length === 0 && from > to)
      errors.push({ field: 'from', rule: 'period_order', message: 'Начало периода позже его конца' });
    else if (errors.length === 0 && addMonths(`${from}-01`, MAX_MONTHS) <= `${to}-01`)
      errors.push({ field: 'from', rule: 'period_too_long', message: 'Период не длиннее 10 лет' });
    if (!kind) errors.push({ field: 'scope', rule: 'scope_not_allowed', message: 'Нет доступных разрезов' });
    if (errors.length) throw DomainError.validation(errors);
    return { scope: { kind, key: this.keyOf(p, kind)! }, from, to };
  }

  async report(p: Principal, q: StatisticsQuery, lang: 'kk' | 'ru' | 'en' = 'ru'): Promise<StatisticsReport> {
    const { scope, from, to } = this.resolve(p, q);
    // The monthly totals as stored; breakdowns and the days histogram summed over the period by the database (the
    // region's breakdowns are most of its rows: a few hundred come back instead of tens of thousands); 'now' apart.
    const rows = await this.reads.query<{ metric: string; month: string; dim: string; dim_value: string; n: number }>(
      `SELECT metric, month, dim, dim_value, n FROM case_stats WHERE scope = ? AND month >= ? AND month <= ? AND dim = ''
       UNION ALL
       SELECT metric, ? AS month, dim, dim_value, SUM(n) AS n FROM case_stats
        WHERE scope = ? AND month >= ? AND month <= ? AND dim <> '' GROUP BY metric, dim, dim_value
       UNION ALL
       SELECT metric, month, dim, dim_value, n FROM case_stats WHERE scope = ? AND month = ?`,
      [scope.key, from, to, from, scope.key, from, to, scope.key, NOW],
    );
    const sums: SumRow[] = rows.map((r) => ({
      metric: r.metric,
      month: r.month,
      dim: r.dim,
      dimValue: r.dim_value,
      n: Number(r.n),
    }));
    const today = this.clock.today();
    // An instalment's month is counted once its last possible due date is past the grace period.
    const instalmentsThrough = addDays(today, -settings.paymentGraceDays - 31).slice(0, 7);
    const labels = await this.labels(sums, lang);
    const report = buildReport(sums, {
      from,
      to,
      suppression: scope.kind !== 'own',
      instalmentsThrough,
      labels,
    });
    return { scope: scope.kind, generatedOn: today, ...report };
  }

  private async labels(
    sums: readonly SumRow[],
    lang: 'kk' | 'ru' | 'en',
  ): Promise<Record<BreakdownDimension, (key: string) => string>> {
    const ids = new Set<string>();
    for (const s of sums) if (s.dim === 'court' || s.dim === 'institution') ids.add(s.dimValue);
    const entries = await this.directory.resolve([...ids]);
    const names = await this.mediators();
    const unknown = { kk: 'көрсетілмеген', ru: 'не указано', en: 'not given' }[lang];
    const notFiled = { kk: 'әлі сотқа берілмеген', ru: 'ещё не подано в суд', en: 'not filed yet' }[lang];
    const dir = (fallback: string) => (key: string) => {
      if (!key) return fallback;
      const e = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (!e) return key; // free text of the application (an institution not in the directory)
      return lang === 'kk' ? e.names.kk.nominative : e.names.ru.nominative;
    };
    return {
      mediator: (key) => {
        const n = names.get(key);
        return n ? (lang === 'kk' ? n.kk : n.ru) : unknown;
      },
      court: dir(notFiled),
      institution: dir(unknown),
    };
  }

  /** Mediators' names (kept a minute: the breakdown names them, nothing else). */
  private async mediators(): Promise<Map<string, { ru: string; kk: string }>> {
    const now = Date.now();
    if (this.mediatorNames && now - this.mediatorNames.at < 60_000) return this.mediatorNames.names;
    const rows = await this.reads.query<{ id: string; full_name_ru: string; full_name_kk: string | null }>(
      "SELECT id, full_name_ru, full_name_kk FROM users WHERE role = 'mediator'",
    );
    const names = new Map(rows.map((r) => [r.id, { ru: r.full_name_ru, kk: r.full_name_kk ?? r.full_name_ru }]));
    this.mediatorNames = { at: now, names };
    return names;
  }

  /**
   * The «start now» register of a lawyer or a mediator: his cases whose convict may first petition within
   * `months` (default 6; already eligible ones too) and that have no agreement yet, soonest first, with the day
   * mediation should start by (three months before: legal-rules `planning`).
   */
  async startNow(p: Principal, monthsText?: string): Promise<{ months: number; asOf: string; items: StartNowRow[] }> {
    const months = this.horizon(monthsText);
    const key = principalKey(p);
    const today = this.clock.today();
    if (key === null || (p.role !== 'lawyer' && p.role !== 'mediator')) return { months, asOf: today, items: [] };
    const until = addMonths(today, months);
    const rows = await this.reads.query<{
      case_id: string;
      number: string;
      state: string;
      application: string;
      earliest_petition: string;
      start_by: string;
    }>(
      `SELECT f.case_id, c.number, c.state, c.application, f.earliest_petition, f.start_by
         FROM case_access a JOIN case_facts f ON f.case_id = a.case_id JOIN cases c ON c.id = a.case_id
        WHERE a.key = ? AND f.planned = 1 AND f.earliest_petition <= ?
        ORDER BY f.earliest_petition, c.number LIMIT 1000`,
      [key, until],
    );
    return {
      months,
      asOf: today,
      items: rows.map((r) => {
        const app = JSON.parse(r.application) as CaseApplication;
        return {
          caseId: r.case_id,
          number: r.number,
          convict: app.convict.fullName,
          institution: app.convict.institution,
          state: r.state,
          earliestPetition: r.earliest_petition,
          startBy: r.start_by,
          daysToStart: daysBetween(today, r.start_by),
          mayPetitionNow: r.earliest_petition <= today,
        };
      }),
    };
  }

  horizon(text?: string): number {
    if (text === undefined || text === '') return planning.registerHorizonMonths;
    const n = Number(text);
    if (!/^\d{1,3}$/.test(text) || n < 1 || n > 120)
      throw DomainError.validation([{ field: 'months', rule: 'months_range', message: 'Число месяцев от 1 до 120' }]);
    return n;
  }
}
