/**
 * Feature modules of the service. Each feature adds its module here (one line each).
 */
import type { Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CourtPacketModule } from './court-packet/court-packet.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentsModule } from './documents/documents.module';
import { EligibilityModule } from './eligibility/eligibility.module';
import { RemindersModule } from './reminders/reminders.module';
import { RestitutionModule } from './restitution/restitution.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WebModule } from './web/web.module';
import { WorkflowModule } from './workflow/workflow.module';

export const FEATURE_MODULES: Type[] = [
  WorkflowModule,
  AuthModule,
  DirectoryModule,
  CasesModule,
  EligibilityModule,
  RestitutionModule,
  DocumentsModule,
  AuditModule,
  CourtPacketModule,
  RemindersModule,
  StatisticsModule,
  WebModule,
];
