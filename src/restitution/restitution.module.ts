import { Module } from '@nestjs/common';
import { PaymentsRepository } from './payments.repository';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

/** Restitution after release (DOMAIN.md §2 steps 7 and 9): schedules, payments ledger, arrears. */
@Module({
  controllers: [SchedulesController],
  providers: [SchedulesService, PaymentsRepository],
  exports: [SchedulesService],
})
export class RestitutionModule {}
