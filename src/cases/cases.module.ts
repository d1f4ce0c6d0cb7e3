import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ReadConnection } from '../database/read-connection';
import { CaseQueries } from './case-queries';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Cases over HTTP: the application logic and views. Writes go through the workflow store (WorkflowModule). */
@Module({
  imports: [EligibilityModule, DirectoryModule],
  controllers: [CasesController],
  providers: [CasesService, ReadConnection, CaseQueries],
  exports: [CasesService, CaseQueries],
})
export class CasesModule {}
