import { Module } from '@nestjs/common';
import { CourtPacketModule } from '../../court-packet/court-packet.module';
import { RestitutionController } from './restitution.controller';

/** Restitution of one claim: the chart, the ledger, a payment with its receipt, missed payments, the evasion report. */
@Module({ imports: [CourtPacketModule], controllers: [RestitutionController] })
export class RestitutionModule {}
