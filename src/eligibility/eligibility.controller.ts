import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Allow } from '../auth/access.decorator';
import { CASE_ROLES } from '../auth/principal';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EligibilityRequestDto, EligibilityResponseDto } from './dto/eligibility.dto';
import { EligibilityService } from './eligibility.service';

@ApiTags('eligibility')
// A calculator: no personal data is stored or read, but like every /api route it needs sign-in
@Allow(CASE_ROLES)
@Controller('api/eligibility')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Earliest date for parole (УК 72) and for replacement with a milder punishment (УК 73), with the rule that gave it',
  })
  @ApiOkResponse({ type: EligibilityResponseDto })
  @ApiBadRequestResponse({
    description: '{ errors: [{ field, rule, message }] } — e.g. term_positive, isIn, start_not_in_future, min',
  })
  compute(@Body() body: EligibilityRequestDto): EligibilityResponseDto {
    return this.eligibility.compute(body);
  }
}
