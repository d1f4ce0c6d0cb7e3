import { Global, Module } from '@nestjs/common';
import { CaseScope } from '../auth/case-scope';
import { DirectoryModule } from '../directory/directory.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ReadConnection } from '../database/read-connection';
import { SqlCaseScope } from './case-access';
import { CasePeople } from './case-people';
import { CaseQueries } from './case-queries';
import { CaseUsers, SqlCaseUsers } from './case-users';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { WorkQueries } from './work-queries';

/**
 * Cases over HTTP: the application logic and views. Writes go through the workflow store (WorkflowModule).
 * Global for CaseScope: the access guard (APP_GUARD, wherever it is declared) asks it whether a user sees a case.
 */
@Global()
@Module({
  imports: [EligibilityModule, DirectoryModule],
  controllers: [CasesController],
  providers: [
    CasesService,
    ReadConnection,
    CaseQueries,
    WorkQueries,
    CasePeople,
    { provide: CaseUsers, useClass: SqlCaseUsers },
    { provide: CaseScope, useClass: SqlCaseScope },
  ],
  exports: [CasesService, CaseQueries, WorkQueries, CaseScope, CaseUsers],
})
export class CasesModule {}
