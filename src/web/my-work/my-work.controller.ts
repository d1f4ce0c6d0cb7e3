import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type CaseRole, type Principal } from '../../auth/principal';
import { principalKey } from '../../cases/domain/case-access';
import { KINDS_OF_ROLE, WorkQueries, type WorkKind } from '../../cases/work-queries';
import { Clock } from '../../common/clock';
import { addDays } from '../../common/local-date';
import { translate } from '../i18n/messages';
import { HtmlPage, Pages } from '../pages';
import { workLine } from './work-view';

const WITHIN = ['7', '30', '90', '365', 'all'] as const;
const DEFAULT_WITHIN = '30';
const PAGE_SIZE = 50;
/** Far enough for "any date" (and a day can still be added to it). */
const ANY_DATE = '9999-12-30';

/** The home page: everything due on my cases, soonest first, with counts per kind and filters. */
@ApiExcludeController()
@Controller()
export class MyWorkController {
  constructor(
    private readonly pages: Pages,
    private readonly work: WorkQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(CASE_ROLES)
  @HtmlPage()
  async home(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
    @Query() query: Record<string, unknown>,
  ) {
    const ctx = this.pages.context(req);
    const role = user.role as CaseRole;
    const kinds = KINDS_OF_ROLE[role];
    const today = this.clock.today();
    // Filters from the address: a value that is not one of the choices is answered 400 with the defaults shown.
    let invalid = false;
    const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined;
    let kind = one(query.kind) ?? '';
    if (kind !== '' && !kinds.includes(kind as WorkKind)) [kind, invalid] = ['', true];
    let within = one(query.within) ?? DEFAULT_WITHIN;
    if (!(WITHIN as readonly string[]).includes(within)) [within, invalid] = [DEFAULT_WITHIN, true];
    const overdueOnly = one(query.overdue) === '1';
    let page = Number(one(query.page) ?? '1');
    if (!Number.isSafeInteger(page) || page < 1 || page > 100) [page, invalid] = [1, true];
    const key = principalKey(user);
    const selected = kind === '' ? kinds : [kind as WorkKind];
    const result =
      key === null
        ? null
        : await this.work.myWork(
            key,
            kinds,
            {
              kinds: selected,
              until: within === 'all' ? ANY_DATE : addDays(today, Number(within)),
              overdueOnly,
              offset: (page - 1) * PAGE_SIZE,
              limit: PAGE_SIZE,
            },
            today,
          );
    if (invalid) void reply.code(400);
    const lang = ctx.lang;
    const link = (params: Record<string, string | number | undefined>) => {
      const p = new URLSearchParams();
      const all = { kind, within, overdue: overdueOnly ? '1' : undefined, ...params };
      for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') p.set(k, String(v));
      if (all.within === DEFAULT_WITHIN) p.delete('within');
      const s = p.toString();
      return s ? `/?${s}` : '/';
    };
    const lines = (result?.items ?? []).map((i) => workLine(i, role, lang, today));
    const counts = kinds.map((k) => ({
      kind: k,
      label: translate(lang, `lists.kind.${k}`),
      n: result?.counts[k].n ?? 0,
      capped: result?.counts[k].capped ?? false,
      href: link({ kind: k, page: undefined }),
      current: kind === k,
    }));
    const shownFrom = (page - 1) * PAGE_SIZE + 1;
    return this.pages.render(
      req,
      'lists/my-work',
      {
        invalid,
        counts,
        allHref: link({ kind: '', page: undefined }),
        allCurrent: kind === '',
        total: result?.total ?? 0,
        kinds: kinds.map((k) => ({ value: k, label: translate(lang, `lists.kind.${k}`), selected: k === kind })),
        within: WITHIN.map((w) => ({ value: w, label: translate(lang, `lists.within.${w}`), selected: w === within })),
        overdueOnly,
        lines,
        shownFrom,
        shownTo: shownFrom + lines.length - 1,
        previousHref: page > 1 ? link({ page: page - 1 > 1 ? page - 1 : undefined }) : null,
        nextHref: result?.more ? link({ page: page + 1 }) : null,
      },
      'nav.myWork',
      { context: ctx },
    );
  }
}
