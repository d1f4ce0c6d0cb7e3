import { Module } from '@nestjs/common';
import { MyWorkController } from './my-work.controller';

/** The home page: what is due on my cases (reads: WorkQueries of the global cases module). */
@Module({ controllers: [MyWorkController] })
export class MyWorkModule {}
