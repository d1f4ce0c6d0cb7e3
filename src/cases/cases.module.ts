import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { DeadlineSweeper } from '../workflow/deadline-sweeper';
import { ReadConnection } from '../database/read-connection';
import { CaseQueries } from './case-queries';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [ScheduleModule.forRoot(), EligibilityModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, DeadlineSweeper, ReadConnection, CaseQueries],
  exports: [CasesService, CasesRepository, DeadlineSweeper, CaseQueries],
})
export class CasesModule {}
