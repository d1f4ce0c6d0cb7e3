import { Module } from '@nestjs/common';
import { DirectoryModule } from '../../directory/directory.module';
import { RestitutionModule } from '../../restitution/restitution.module';
import { CasePageController } from './case-page.controller';

/** A case at a glance, the forms of the steps (generated from the event catalogue), the schedule preview, the notes. */
@Module({ imports: [DirectoryModule, RestitutionModule], controllers: [CasePageController] })
export class CasePageModule {}
