import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CaseStateValue, RestitutionStateValue } from '../../../machines';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import type { Principal } from '../../auth/principal';
import { principalKey } from '../../cases/domain/case-access';
import { caseStateLabel, restitutionStateLabel } from '../../cases/state-labels';
import { WorkQueries } from '../../cases/work-queries';
import { Clock } from '../../common/clock';
import { HtmlPage, Pages } from '../pages';

/** A unit supervises hundreds of parolees at most; a page shows this many. */
const LIMIT = 300;

/** GET /supervision: the released parolees of the officer's unit with their arrears, the soonest problem first. */
@ApiExcludeController()
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly pages: Pages,
    private readonly work: WorkQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(['officer'])
  @HtmlPage()
  async supervision(@Req() req: FastifyRequest, @CurrentUser() user: Principal) {
    const ctx = this.pages.context(req);
    const key = principalKey(user);
    const rows = key === null ? [] : await this.work.parolees(key, LIMIT, this.clock.today());
    return this.pages.render(
      req,
      'lists/supervision',
      {
        rows: rows.map((r) => ({
          ...r,
          stateLabel: caseStateLabel(r.state as CaseStateValue, ctx.lang),
          claims: r.claims.map((c) => ({
            ...c,
            restitutionLabel: restitutionStateLabel(c.restitution as RestitutionStateValue, ctx.lang),
            inArrears: c.arrears > 0,
          })),
        })),
      },
      'nav.supervision',
      { context: ctx },
    );
  }
}
