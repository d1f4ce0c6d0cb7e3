import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ReadConnection } from '../database/read-connection';
import { CaseQueries } from './case-queries';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** Cases over HTTP: the application logic and views. Writes go through the workflow store (WorkflowModule). */
@Module({
  imports: [EligibilityModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, ReadConnection, CaseQueries],
  exports: [CasesService, CasesRepository, CaseQueries],
})
export class CasesModule {}
