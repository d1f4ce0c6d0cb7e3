import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MEDIATION_STATES, RESTITUTION_STATES, type CaseStateValue } from '../../../machines';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../../auth/principal';
import { CasesService } from '../../cases/cases.service';
import type { CaseListPage } from '../../cases/case-queries';
import type { ListCasesQuery } from '../../cases/dto/create-case.dto';
import {
  CASE_STATE_VALUES,
  caseStateLabel,
  mediationStateLabel,
  restitutionStateLabel,
} from '../../cases/state-labels';
import { DomainError } from '../../common/domain-error';
import { isLocalDate } from '../../common/local-date';
import { translate } from '../i18n/messages';
import { HtmlPage, Pages } from '../pages';

const PAGE_SIZE = 25;

/** What the form sends, as typed (shown back in the fields). */
interface CaseFilterForm {
  q: string;
  state: string;
  claimState: string;
  arrears: boolean;
  court: string;
  mediator: string;
  deadlineBefore: string;
  cursor: string;
}

/** «31.12.2026» or «2026-12-31» (a date field) → 2026-12-31; null when it is neither. */
export function dateInput(value: string): string | null {
  const v = value.trim();
  if (isLocalDate(v)) return v;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : null;
}

/**
 * GET /cases: the cases the user sees, newest first, with labelled filters (a GET form: the address can be kept
 * and sent), spelling-tolerant search and a next-page link by cursor — CasesService.list, as GET /api/cases.
 */
@ApiExcludeController()
@Controller('cases')
export class CasesListController {
  constructor(
    private readonly pages: Pages,
    private readonly cases: CasesService,
  ) {}

  @Get()
  @Allow(CASE_ROLES)
  @HtmlPage()
  async list(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    const ctx = this.pages.context(req);
    const lang = ctx.lang;
    const one = (v: unknown) => {
      const s: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
      return typeof s === 'string' ? s : '';
    };
    const form: CaseFilterForm = {
      q: one(query.q),
      state: one(query.state),
      claimState: one(query.claimState),
      arrears: one(query.arrears) === '1',
      court: one(query.court),
      mediator: one(query.mediator),
      deadlineBefore: one(query.deadlineBefore),
      cursor: one(query.cursor),
    };
    const errors: Record<string, string> = {};
    const filter: ListCasesQuery = { limit: PAGE_SIZE };
    const text = (field: 'q' | 'court' | 'mediator', max: number) => {
      const v = form[field].trim();
      if (v.length > max) errors[field] = translate(lang, 'lists.rule.tooLong');
      else if (v) filter[field] = v;
    };
    text('q', 200);
    text('court', 300);
    text('mediator', 200);
    if (form.state) {
      if ((CASE_STATE_VALUES as string[]).includes(form.state)) filter.state = form.state;
      else errors.state = translate(lang, 'rule.isIn');
    }
    const claimStates: string[] = [...MEDIATION_STATES, ...RESTITUTION_STATES];
    if (form.claimState) {
      if (claimStates.includes(form.claimState)) filter.claimState = form.claimState as ListCasesQuery['claimState'];
      else errors.claimState = translate(lang, 'rule.isIn');
    }
    if (form.arrears) filter.arrears = true;
    if (form.deadlineBefore) {
      const d = dateInput(form.deadlineBefore);
      if (d) filter.deadlineBefore = d;
      else errors.deadlineBefore = translate(lang, 'lists.rule.date');
    }
    if (form.cursor) filter.cursor = form.cursor;
    let page: CaseListPage | null = null;
    if (Object.keys(errors).length === 0) {
      try {
        page = await this.cases.list(filter, user);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'validation_failed') throw e;
        errors.cursor = translate(lang, 'lists.rule.cursor');
      }
    }
    if (Object.keys(errors).length) void reply.code(400);
    const params = (cursor?: string) => {
      const p = new URLSearchParams();
      for (const k of ['q', 'state', 'claimState', 'court', 'mediator', 'deadlineBefore'] as const)
        if (form[k].trim()) p.set(k, form[k].trim());
      if (form.arrears) p.set('arrears', '1');
      if (cursor) p.set('cursor', cursor);
      const s = p.toString();
      return s ? `/cases?${s}` : '/cases';
    };
    return this.pages.render(
      req,
      'lists/cases',
      {
        form,
        errors,
        hasErrors: Object.keys(errors).length > 0,
        states: CASE_STATE_VALUES.map((s) => ({
          value: s,
          label: caseStateLabel(s, lang),
          selected: s === form.state,
        })),
        mediationStates: MEDIATION_STATES.map((s) => ({
          value: s,
          label: mediationStateLabel(s, lang),
          selected: s === form.claimState,
        })),
        restitutionStates: RESTITUTION_STATES.map((s) => ({
          value: s,
          label: restitutionStateLabel(s, lang),
          selected: s === form.claimState,
        })),
        page,
        totalText: page
          ? translate(lang, page.totalExact ? 'lists.cases.total' : 'lists.cases.totalMore', {
              n: page.total.toLocaleString('ru-RU').replace(/\u00A0/g, ' '),
            })
          : '',
        rows: (page?.items ?? []).map((c) => ({
          ...c,
          stateLabel: caseStateLabel(c.state as CaseStateValue, lang),
        })),
        nextHref: page?.nextCursor ? params(page.nextCursor) : null,
        firstHref: form.cursor ? params() : null,
      },
      'nav.cases',
      { context: ctx },
    );
  }
}
