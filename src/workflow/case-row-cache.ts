import { CaseEntity } from './entities/case.entity';
import type { GroupCommitHooks } from './group-commit';

/**
 * The last committed row of recently used cases, so that an event on SQLite does not wait for a SELECT.
 * Only for SQLite, where this process is the one writer (the group-commit queue sees every write):
 * a case written by a job becomes visible to later jobs of the same group, and "committed" only once
 * the group's COMMIT succeeded. A job that fails forgets what it wrote; a compare-and-set that fails
 * (another process wrote the file) evicts the case, so the retry reads it from the database.
 */
export class CaseRowCache implements GroupCommitHooks {
  private readonly committed = new Map<string, CaseEntity>();
  private group = new Map<string, CaseEntity>();
  private readonly job = new Map<string, CaseEntity>();

  constructor(private readonly capacity = 5000) {}

  get(id: string): CaseEntity | undefined {
    const row = this.job.get(id) ?? this.group.get(id) ?? this.committed.get(id);
    return row ? Object.assign(new CaseEntity(), row) : undefined; // callers replace fields, never mutate nested objects
  }

  /** A row read from the database: no job of the current group wrote it, so it is the committed row. */
  loaded(row: CaseEntity): void {
    this.remember(this.committed, row);
  }

  wrote(row: CaseEntity): void {
    this.job.set(row.id, Object.freeze(Object.assign(new CaseEntity(), row)));
  }

  evict(id: string): void {
    this.job.delete(id);
    this.group.delete(id);
    this.committed.delete(id);
  }

  jobStarted(): void {
    this.job.clear();
  }

  jobFinished(ok: boolean): void {
    if (ok) for (const row of this.job.values()) this.group.set(row.id, row);
    this.job.clear();
  }

  groupFinished(committed: boolean): void {
    if (committed) for (const row of this.group.values()) this.remember(this.committed, row);
    else this.committed.clear(); // a failed COMMIT: trust nothing cached
    this.group.clear();
    this.job.clear();
  }

  mark(): Map<string, CaseEntity> {
    return new Map(this.group);
  }

  restore(mark: unknown): void {
    this.group = mark as Map<string, CaseEntity>;
    this.job.clear();
  }

  private remember(map: Map<string, CaseEntity>, row: CaseEntity): void {
    map.delete(row.id);
    map.set(row.id, Object.isFrozen(row) ? row : Object.freeze(Object.assign(new CaseEntity(), row)));
    if (map.size > this.capacity) map.delete(map.keys().next().value as string); // least recently written
  }
}
