import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CaseStateValue } from '../../../machines';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import type { Principal } from '../../auth/principal';
import { principalKey } from '../../cases/domain/case-access';
import { caseStateLabel } from '../../cases/state-labels';
import { WorkQueries } from '../../cases/work-queries';
import { Clock } from '../../common/clock';
import { HtmlPage, Pages } from '../pages';

/** A court's open petitions are dozens; a page shows this many at most. */
const LIMIT = 200;

/** GET /court: the cases petitioned to the clerk's court, with hearing dates, each case and its court packet. */
@ApiExcludeController()
@Controller('court')
export class CourtController {
  constructor(
    private readonly pages: Pages,
    private readonly work: WorkQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(['court'])
  @HtmlPage()
  async court(@Req() req: FastifyRequest, @CurrentUser() user: Principal) {
    const ctx = this.pages.context(req);
    const key = principalKey(user);
    const today = this.clock.today();
    const rows = key === null ? [] : await this.work.courtCases(key, LIMIT);
    return this.pages.render(
      req,
      'lists/court',
      {
        rows: rows.map((r) => ({
          ...r,
          stateLabel: caseStateLabel(r.state as CaseStateValue, ctx.lang),
          hearingPast: r.hearingDate !== null && r.hearingDate < today,
        })),
      },
      'nav.court',
      { context: ctx },
    );
  }
}
