import { Injectable } from '@nestjs/common';
import { DomainError, type FieldError } from '../common/domain-error';
import { formatTenge } from '../money/domain/money';
import { buildSchedule, type Schedule } from './domain/schedule';
import type { PreviewScheduleDto } from './dto/preview-schedule.dto';
import type { ScheduleView } from './dto/schedule-view.dto';

/** Domain input names that the HTTP body calls differently. */
const BODY_FIELD: Record<string, string> = { startsMonthAfter: 'releaseDate' };

@Injectable()
export class SchedulesService {
  /** A schedule as the agreement would fix it; nothing is stored. */
  preview(dto: PreviewScheduleDto): ScheduleView {
    const outstanding = outstandingOf(dto);
    try {
      return toView(
        buildSchedule({
          outstanding,
          downPayment: dto.downPayment,
          downPaymentDueDate: dto.downPaymentDueDate,
          monthly: dto.monthly,
          months: dto.months,
          firstDueDate: dto.firstDueDate,
          startsMonthAfter: dto.releaseDate,
          dayOfMonth: dto.dayOfMonth,
          moveToWorkingDay: dto.moveToWorkingDay,
          agreementDate: dto.agreementDate,
        }),
      );
    } catch (e) {
      throw renameFields(e);
    }
  }
}

/** `outstanding`, or `awarded` − `recovered`: exactly one way. */
function outstandingOf(dto: PreviewScheduleDto): number {
  const errors: FieldError[] = [];
  if ((dto.outstanding === undefined) === (dto.awarded === undefined)) {
    errors.push({
      field: 'outstanding',
      rule: 'exactly_one_of',
      message: 'укажите либо сумму к выплате (outstanding), либо присуждённую сумму (awarded)',
    });
  } else if (dto.outstanding !== undefined && dto.recovered !== undefined) {
    errors.push({
      field: 'recovered',
      rule: 'exactly_one_of',
      message: 'recovered указывается только вместе с awarded',
    });
  } else if (dto.awarded !== undefined && (dto.recovered ?? 0) > dto.awarded) {
    errors.push({
      field: 'recovered',
      rule: 'recovered_range',
      message: `взыскано (${dto.recovered}) больше присуждённого (${dto.awarded})`,
    });
  }
  if (errors.length) throw DomainError.validation(errors);
  return dto.outstanding ?? dto.awarded! - (dto.recovered ?? 0);
}

function renameFields(e: unknown): unknown {
  if (!(e instanceof DomainError) || !Array.isArray(e.details.errors)) return e;
  const errors = (e.details.errors as FieldError[]).map((x) => ({ ...x, field: BODY_FIELD[x.field] ?? x.field }));
  return DomainError.validation(errors);
}

function toView(s: Schedule): ScheduleView {
  return {
    ...s,
    rows: s.rows.map((r) => ({
      ...r,
      formatted: {
        amount: formatTenge(r.amount),
        cumulative: formatTenge(r.cumulative),
        remaining: formatTenge(r.remaining),
      },
    })),
    formatted: {
      total: formatTenge(s.total),
      downPayment: formatTenge(s.downPayment),
      monthly: formatTenge(s.monthly),
      lastAmount: formatTenge(s.lastAmount),
    },
  };
}
