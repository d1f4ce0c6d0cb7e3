import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { formatCitation } from './domain/citation-format';
import { computeEligibility, type EligibilityAnswer } from './domain/parole-eligibility';
import type { EligibilityAnswerDto, EligibilityRequestDto, EligibilityResponseDto } from './dto/eligibility.dto';

@Injectable()
export class EligibilityService {
  constructor(private readonly clock: Clock) {}

  /** Both answers (or the one asked for), each rule cited for display in Russian and Kazakh. */
  compute(request: EligibilityRequestDto): EligibilityResponseDto {
    const today = this.clock.today();
    if (request.termStartDate > today)
      throw DomainError.validation([
        {
          field: 'termStartDate',
          rule: 'start_not_in_future',
          message: `Начало срока (${request.termStartDate}) позже сегодняшней даты (${today}) / Мерзімнің басталуы бүгінгі күннен кейін`,
        },
      ]);
    const result = computeEligibility(request);
    return {
      ...(result.parole ? { parole: present(result.parole) } : {}),
      ...(result.replacement ? { replacement: present(result.replacement) } : {}),
    };
  }
}

function present(a: EligibilityAnswer): EligibilityAnswerDto {
  const { procedure: _procedure, exclusion, ...rest } = a;
  return {
    ...rest,
    rule: { ...a.rule },
    citation: formatCitation(a.rule),
    ...(exclusion ? { exclusion: { citation: formatCitation(exclusion.rule), reason: exclusion.reason } } : {}),
  };
}
