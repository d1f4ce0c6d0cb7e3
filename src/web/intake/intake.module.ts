import { Module } from '@nestjs/common';
import { ReceiptsRepository } from '../../court-packet/receipts.repository';
import { DirectoryModule } from '../../directory/directory.module';
import { DocumentsModule } from '../../documents/documents.module';
import { EligibilityModule } from '../../eligibility/eligibility.module';
import { DocumentsPageController } from './documents-page.controller';
import { NewCaseController } from './new-case.controller';

/**
 * The application form (/cases/new) and the documents of a case (/cases/:id/documents). ReceiptsRepository is
 * stateless over the database (DatabaseAccess): provided here to list a case's receipts.
 */
@Module({
  imports: [DirectoryModule, DocumentsModule, EligibilityModule],
  controllers: [NewCaseController, DocumentsPageController],
  providers: [ReceiptsRepository],
})
export class IntakeModule {}
