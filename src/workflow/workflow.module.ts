import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DatabaseAccess } from './database-access';
import { DeadlineSweeper } from './deadline-sweeper';
import { OutboxDispatcher } from './outbox.dispatcher';
import { Readiness } from './readiness';
import { SqliteWriterLock } from './sqlite-writer-lock';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowStore } from './workflow.store';

/**
 * The workflow store: cases are written only here (WorkflowStore), effects run from the outbox
 * (OutboxDispatcher: other modules register their handlers), deadlines fire from the sweeper.
 * Global, as the database is: every feature reads cases and many will register outbox handlers.
 */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [
    {
      provide: SqliteWriterLock,
      inject: [getDataSourceToken()],
      useFactory: (db: DataSource) => {
        const path = db.options.type === 'sqlite' ? db.options.database : ':memory:';
        return path === ':memory:' ? null : SqliteWriterLock.acquire(path);
      },
    },
    DatabaseAccess,
    WorkflowRepository,
    WorkflowStore,
    OutboxDispatcher,
    DeadlineSweeper,
    Readiness,
  ],
  exports: [DatabaseAccess, WorkflowStore, OutboxDispatcher, DeadlineSweeper, Readiness],
})
export class WorkflowModule {}
