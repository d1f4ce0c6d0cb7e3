import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { DeadlineSweeper } from '../workflow/deadline-sweeper';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [ScheduleModule.forRoot(), EligibilityModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, DeadlineSweeper],
  exports: [CasesService, CasesRepository, DeadlineSweeper],
})
export class CasesModule {}
