import { Module } from '@nestjs/common';
import { StatisticsModule } from '../../statistics/statistics.module';
import { StatisticsPagesController } from './statistics-pages.controller';

/** /statistics (figures, charts, CSV) and /start-now (the planning register). */
@Module({ imports: [StatisticsModule], controllers: [StatisticsPagesController] })
export class StatisticsPagesModule {}
