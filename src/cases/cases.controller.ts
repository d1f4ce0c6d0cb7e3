import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Allow, CurrentUser } from '../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../auth/principal';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '../common/domain-error';
import { CasesService } from './cases.service';
import { CREATE_CASE_EXAMPLE, CreateCaseDto, EligibilityQuery, ListCasesQuery } from './dto/create-case.dto';
import { EVENT_BODY_DOC, EVENT_DTO_CLASSES, EVENTS_DESCRIPTION } from './dto/case-events.openapi';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') });

@ApiTags('cases')
@ApiExtraModels(...EVENT_DTO_CLASSES)
@Controller('api/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: "Open a case for a convict's application (DOMAIN.md §2 step 1)" })
  @ApiBody({
    type: CreateCaseDto,
    examples: { parole: { summary: 'A parole application with one victim', value: CREATE_CASE_EXAMPLE } },
  })
  @ApiCreatedResponse({ description: 'The case with its id, state, version, nextEvents and claims' })
  @Allow(['lawyer', 'mediator'], { audit: 'case.created' })
  create(@Body() dto: CreateCaseDto, @CurrentUser() user: Principal) {
    return this.cases.create(dto, user);
  }

  @Get()
  @ApiOperation({
    summary: 'List cases, newest first: filters, search, keyset pages',
    description:
      'Filters combine: state, claimState, arrears, court, mediator, deadlineBefore, q (convict or victim name, case number, ' +
      'exact 12-digit ИИН; Kazakh and Russian spellings alike). Answer `{ items, nextCursor, total, totalExact }`: pass ' +
      '`nextCursor` back as `cursor` for the next page (null on the last). `total` is exact (totalExact: true) without ' +
      'filters, for one state or one claim state, and whenever at most 10 000 cases match; when combined filters or a ' +
      'search match more, total is 10 000 and totalExact false ("more than 10 000").',
  })
  @ApiOkResponse({ description: '{ items, nextCursor, total, totalExact }' })
  @Allow(CASE_ROLES, { audit: 'case.list' })
  list(@Query() query: ListCasesQuery, @CurrentUser() user: Principal) {
    return this.cases.list(query, user);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The case, where the procedure stands and which events may come next' })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  get(@Param('id', uuid) id: string) {
    return this.cases.get(id);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Append-only history: who sent which event when, state before and after (notes are never shown)',
  })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.history' })
  history(@Param('id', uuid) id: string) {
    return this.cases.history(id);
  }

  @Get(':id/eligibility')
  @ApiOperation({
    summary:
      'Earliest petition dates (УК 72, 73) from the sentence, and whether parole would be mandatory or discretionary',
  })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  eligibility(@Param('id', uuid) id: string, @Query() query: EligibilityQuery) {
    return this.cases.eligibility(id, query.maliciousViolations ?? 0);
  }

  @Get(':id/claims/:claimId/schedule')
  @ApiOperation({
    summary:
      "A claim's instalment schedule with payments applied: paid / partly paid / due / overdue, balance, arrears, misses without good reason",
  })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  schedule(@Param('id', uuid) id: string, @Param('claimId', uuid) claimId: string) {
    return this.cases.claimSchedule(id, claimId);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a step of the procedure', description: EVENTS_DESCRIPTION })
  @ApiBody(EVENT_BODY_DOC)
  @ApiBadRequestResponse({ description: '{ errors: [{ field, rule, message }] }: the body does not fit its event' })
  @ApiConflictResponse({
    description:
      '{ error: "event_not_allowed", state, caseState, claimId?, claimState?: { mediation, restitution }, allowed } or { error: "version_conflict", currentVersion }',
  })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'event.recorded' })
  event(@Param('id', uuid) id: string, @Body() body: unknown, @CurrentUser() user: Principal) {
    return this.cases.applyUserEvent(id, body, user);
  }

  @Get(':id/notes')
  @ApiOperation({
    summary: 'Confidential session notes (ЗМед ст. 8): the ones the signed-in mediator wrote on this case',
    description:
      'Only a mediator of the case reaches this route (anyone else: 404, as for a case he does not see), and he gets ' +
      'only the notes he wrote himself: the mediator who took the case over gets an empty list.',
  })
  @ApiOkResponse({ description: '[{ id, claimId, recordedAt, notes }], oldest first' })
  @Allow(['mediator'], { caseParam: 'id', audit: 'notes.read' })
  notes(@Param('id', uuid) id: string, @CurrentUser() user: Principal) {
    return this.cases.notes(id, user);
  }
}
