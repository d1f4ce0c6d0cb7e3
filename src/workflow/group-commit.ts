import type { DataSource, EntityManager } from 'typeorm';

/** Lets a write-through cache follow what is committed (see CaseRowCache). */
export interface GroupCommitHooks {
  jobStarted(): void;
  jobFinished(ok: boolean): void;
  groupFinished(committed: boolean): void;
  /** What the cache holds for the group now, to be put back by `restore` when a job's rollback undoes later ones. */
  mark?(): unknown;
  restore?(mark: unknown): void;
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

  /**
   * Called by the job that runs now once it has sent every statement it will send (and awaits only their
   * results): the next job of the group may start, its SAVEPOINT queued behind those statements. A job that
   * never calls it runs alone to its end, as before. No-op outside a group of several writes. Only for a
   * connection in serialized mode (DatabaseAccess sets it): otherwise the driver may reorder the statements.
   */
  issued(): void {
    const signal = this.signal;
    this.signal = null;
    signal?.();
  }

  private signal: (() => void) | null = null;

  private async commitGroup(group: Job[]): Promise<void> {
    const runner = this.db.createQueryRunner();
    let outcomes: Outcome[] = [];
    try {
      await runner.startTransaction();
      if (group.length === 1) {
        this.hooks?.jobStarted();
        outcomes = [await settle(start(group[0], runner.manager))];
        this.hooks?.jobFinished(outcomes[0].ok);
        if (!outcomes[0].ok) {
          await runner.rollbackTransaction();
          this.hooks?.groupFinished(true); // nothing of the failed job was kept; the cache stays as committed
        } else {
          await runner.commitTransaction();
          this.hooks?.groupFinished(true);
        }
      } else {
        outcomes = await this.pipelined(group, runner.manager, (sql) => runner.query(sql));
        await runner.commitTransaction();
        this.hooks?.groupFinished(true);
      }
    } catch (error) {
      this.signal = null;
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      this.hooks?.groupFinished(false);
      for (const job of group) job.reject(error);
      return;
    } finally {
      await runner.release();
    }
    group.forEach((job, i) => (outcomes[i].ok ? job.resolve(outcomes[i].value) : job.reject(outcomes[i].value)));
  }

  /**
   * The jobs of a group, each in its own SAVEPOINT (they stack up; COMMIT releases them all). A job that
   * says it has `issued` its statements lets the next one start without waiting for their results: the
   * connection runs statements in the order sent, so the group costs about one round trip per job's reads
   * instead of one per statement. When a job fails:
   *  - before it said so, nothing of a later job has been sent: ROLLBACK TO its savepoint undoes only it;
   *  - after (a statement failed late), the later jobs' statements follow its savepoint: ROLLBACK TO it undoes
   *    them too, so they run again on the state before the failed job (the cache is put back the same way).
   * Either way only the failed job's caller gets its error, and the others commit.
   */
  private async pipelined(
    group: Job[],
    em: EntityManager,
    query: (sql: string) => Promise<unknown>,
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const marks: unknown[] = [];
    let i = 0;
    while (i < group.length) {
      const inFlight: { index: number; done: Promise<Outcome> }[] = [];
      let failedAt = -1;
      for (; i < group.length; i++) {
        marks[i] = this.hooks?.mark?.();
        this.hooks?.jobStarted();
        const savepoint = settle(query(`SAVEPOINT group_write_${i}`));
        const issued = new Promise<'issued'>((resolve) => (this.signal = () => resolve('issued')));
        const done = settle(start(group[i], em)).then(async (outcome) =>
          (await savepoint).ok ? outcome : await savepoint,
        );
        const first = await Promise.race([issued, done]);
        this.signal = null;
        if (first === 'issued') {
          this.hooks?.jobFinished(true); // provisionally: a late failure puts the cache back (below)
          inFlight.push({ index: i, done });
          continue;
        }
        outcomes[i] = first;
        this.hooks?.jobFinished(first.ok);
        if (!first.ok) {
          failedAt = i;
          break;
        }
      }
      for (const { index, done } of inFlight) {
        outcomes[index] = await done;
        if (!outcomes[index].ok && (failedAt < 0 || index < failedAt)) failedAt = index;
      }
      if (failedAt < 0) break;
      await query(`ROLLBACK TO SAVEPOINT group_write_${failedAt}`);
      this.hooks?.restore?.(marks[failedAt]);
      i = failedAt + 1; // later jobs (if any ran) were undone with it: they run again
    }
    return outcomes;
  }
}

interface Outcome {
  ok: boolean;
  value: unknown;
}

/** The job's promise, even when its work throws before its first await. */
function start(job: Job, em: EntityManager): Promise<unknown> {
  try {
    return job.work(em);
  } catch (error) {
    return Promise.reject(error); // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors -- whatever the work threw, as it threw it
  }
}

function settle(p: Promise<unknown>): Promise<Outcome> {
  return p.then(
    (value: unknown) => ({ ok: true, value }),
    (value: unknown) => ({ ok: false, value }),
  );
}
