import { Module } from '@nestjs/common';
import { ReadConnection } from '../database/read-connection';
import { DirectoryModule } from '../directory/directory.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsIndexer } from './statistics-indexer';
import { StatisticsService } from './statistics.service';

/** Statistics and planning (issue 12): pre-aggregated figures per scope and month, the «start now» register. */
@Module({
  imports: [DirectoryModule],
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsIndexer, ReadConnection],
  exports: [StatisticsService],
})
export class StatisticsModule {}
