import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentsModule } from '../documents/documents.module';
import { CourtPacketController } from './court-packet.controller';
import { CourtPacketService } from './court-packet.service';
import { PetitionService } from './petition.service';
import { ReceiptsRepository } from './receipts.repository';

/**
 * For the court (issue 9 item 7): receipts of payments kept as evidence, the court's packet in one PDF, and the
 * draft of the convict's petition.
 */
@Module({
  imports: [CasesModule, DocumentsModule, DirectoryModule],
  controllers: [CourtPacketController],
  providers: [ReceiptsRepository, CourtPacketService, PetitionService],
  // The workplace's restitution page records receipts through the same repository (src/web/restitution)
  exports: [ReceiptsRepository],
})
export class CourtPacketModule {}
