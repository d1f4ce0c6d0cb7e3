import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow } from '../auth/access.decorator';
import { CASE_ROLES } from '../auth/principal';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PreviewScheduleDto } from './dto/preview-schedule.dto';
import { ScheduleView } from './dto/schedule-view.dto';
import { SchedulesService } from './schedules.service';

@ApiTags('schedules')
// A calculator: no personal data is stored or read, but like every /api route it needs sign-in
@Allow(CASE_ROLES)
@Controller('api/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Рассчитать график погашения (без сохранения): суммы в тиын, сроки с переносом на рабочий день',
  })
  @ApiOkResponse({ type: ScheduleView })
  @ApiBadRequestResponse({ description: '{ error: "validation_failed", errors: [{ field, rule, message }] }' })
  preview(@Body() body: PreviewScheduleDto): ScheduleView {
    return this.schedules.preview(body);
  }
}
