import { Module } from '@nestjs/common';
import { CasesListController } from './cases-list.controller';
import { CourtController } from './court.controller';
import { SupervisionController } from './supervision.controller';

/** The lists of the workplace: cases with filters and search, the court's cases, the officer's parolees. */
@Module({ controllers: [CasesListController, CourtController, SupervisionController] })
export class ListsModule {}
