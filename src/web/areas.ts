/**
 * The areas of the web workplace, each a module with its controllers (one line each). Every area's pages use
 * Pages (src/web/pages.ts) from the global WebModule; its messages are in src/web/i18n/<area>.messages.ts.
 */
import type { Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { CasePageModule } from './case/case.module';
import { IntakeModule } from './intake/intake.module';
import { ListsModule } from './lists/lists.module';
import { MyWorkModule } from './my-work/my-work.module';
import { ReminderPagesModule } from './reminders/reminder-pages.module';
import { RestitutionModule } from './restitution/restitution.module';
import { StatisticsPagesModule } from './statistics/statistics-pages.module';

export const WEB_AREAS: Type[] = [
  MyWorkModule,
  ListsModule,
  IntakeModule,
  CasePageModule,
  RestitutionModule,
  AdminModule,
  ReminderPagesModule,
  StatisticsPagesModule,
];
