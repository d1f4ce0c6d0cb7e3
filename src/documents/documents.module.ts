import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentRenderer } from './document-renderer';
import { DocumentIssuer } from './document-issuer';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { PdfService } from './pdf.service';
import { VerifyPageController } from './verify-page.controller';

/**
 * Court documents (DOMAIN.md §4). The renderer compiles every template once at start-up (a broken template
 * stops the boot); PdfService keeps one Chromium for the life of the app and closes it on shutdown.
 */
@Module({
  imports: [CasesModule, DirectoryModule],
  controllers: [DocumentsController, VerifyPageController],
  providers: [
    { provide: DocumentRenderer, useFactory: () => new DocumentRenderer() },
    PdfService,
    DocumentsService,
    DocumentIssuer,
    IssuedDocumentsRepository,
  ],
  exports: [DocumentsService, DocumentIssuer, DocumentRenderer, PdfService, IssuedDocumentsRepository],
})
export class DocumentsModule {}
