import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentUser } from '../auth/access.decorator';
import { USER_ROLES, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { isLang } from '../web/i18n/lang';
import { csvFileName, reportCsv } from './statistics-csv';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('api')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics')
  @Allow(USER_ROLES)
  @ApiOperation({
    summary:
      'Figures of a period (from, to: YYYY-MM) and scope (own | organisation | court | unit | region, by role); format=csv for Excel (UTF-8 BOM, «;»). Cells of fewer than 3 cases outside one’s own are { suppressed: true }.',
  })
  async report(
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('scope') scope?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') format?: string,
    @Query('lang') lang?: string,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'csv')
      throw DomainError.validation([{ field: 'format', rule: 'format_unknown', message: 'format: json или csv' }]);
    const language = isLang(lang) ? lang : 'ru';
    const report = await this.statistics.report(user, { scope, from, to }, language);
    if (format !== 'csv') return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(report)}"`)
      .header('cache-control', 'no-store');
    return reportCsv(report, language);
  }

  @Get('start-now')
  @Allow(['lawyer', 'mediator'])
  @ApiOperation({
    summary:
      'My cases whose convict may first petition within `months` (default 6) and that have no agreement yet, soonest first, with the day mediation should start by.',
  })
  startNow(@CurrentUser() user: Principal, @Query('months') months?: string) {
    return this.statistics.startNow(user, months);
  }
}
