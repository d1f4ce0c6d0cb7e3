import { Module } from '@nestjs/common';
import { MyWorkController } from './my-work.controller';

/** The home page: what is due on my cases. */
@Module({ controllers: [MyWorkController] })
export class MyWorkModule {}
