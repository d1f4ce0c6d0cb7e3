import type { DataSource, EntityManager } from 'typeorm';

/** Lets a write-through cache follow what is committed (see CaseRowCache). */
export interface GroupCommitHooks {
  jobStarted(): void;
  jobFinished(ok: boolean): void;
  groupFinished(committed: boolean): void;
}

interface Job {
  kind: 'read' | 'write';
  work: (em: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Serialises all access to SQLite's one connection and commits writes in groups.
 *
 * SQLite has one writer and TypeORM's sqlite driver one connection, so writes are queued anyway. Writes
 * that queue up while a transaction runs are committed together in the next one — one fsync for the group
 * instead of one each — and each write runs inside its own SAVEPOINT: a write that fails rolls back to its
 * savepoint and only its caller gets the error; the others commit. No caller is answered before the COMMIT
 * that holds its write, so a crash loses only writes nobody was told about: each case is exactly as before
 * or exactly as after. Reads run between transactions, so they never see a write that may still roll back.
 */
export class GroupCommitQueue {
  private readonly jobs: Job[] = [];
  private draining = false;

  constructor(
    private readonly db: DataSource,
    private readonly hooks?: GroupCommitHooks,
    private readonly maxGroup = 64,
  ) {}

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue('write', work);
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue('read', work);
  }

  private enqueue<T>(kind: Job['kind'], work: (em: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ kind, work, resolve: resolve as (v: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.jobs.length > 0) {
        if (this.jobs[0].kind === 'read') {
          const job = this.jobs.shift() as Job;
          await job.work(this.db.manager).then(job.resolve, job.reject);
        } else {
          let n = 0;
          while (n < this.jobs.length && n < this.maxGroup && this.jobs[n].kind === 'write') n++;
          await this.commitGroup(this.jobs.splice(0, n));
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Job[]): Promise<void> {
    const runner = this.db.createQueryRunner();
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await runner.startTransaction();
      for (const job of group) {
        this.hooks?.jobStarted();
        if (group.length === 1) {
          await job.work(runner.manager).then(
            (value) => outcomes.push({ ok: true, value }),
            (value) => outcomes.push({ ok: false, value }),
          );
        } else {
          // Savepoints stack up and COMMIT releases them all; a failed write rolls back to its own (the latest).
          await runner.query('SAVEPOINT group_write');
          try {
            outcomes.push({ ok: true, value: await job.work(runner.manager) });
          } catch (value) {
            await runner.query('ROLLBACK TO SAVEPOINT group_write');
            outcomes.push({ ok: false, value });
          }
        }
        this.hooks?.jobFinished(outcomes[outcomes.length - 1].ok);
      }
      if (group.length === 1 && !outcomes[0].ok) {
        await runner.rollbackTransaction();
        this.hooks?.groupFinished(true); // nothing of the failed job was kept; the cache stays as committed
      } else {
        await runner.commitTransaction();
        this.hooks?.groupFinished(true);
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      this.hooks?.groupFinished(false);
      for (const job of group) job.reject(error);
      return;
    } finally {
      await runner.release();
    }
    group.forEach((job, i) => (outcomes[i].ok ? job.resolve(outcomes[i].value) : job.reject(outcomes[i].value)));
  }
}
