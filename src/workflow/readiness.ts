import { Injectable } from '@nestjs/common';

/**
 * Whether the service is ready for traffic, apart from being alive: the schema is migrated before the
 * port opens; start-up work that may take long (the sweep of deadlines that fell due while the service was
 * stopped) runs in the background and is tracked here. GET /health/ready answers 503 until it is done.
 */
@Injectable()
export class Readiness {
  private readonly pending = new Set<string>();
  private readonly done = new Map<string, Promise<void>>();

  /** Start-up work `name` runs until `work` settles (a failure is logged by its owner and counts as done). */
  track(name: string, work: Promise<unknown>): void {
    this.pending.add(name);
    this.done.set(
      name,
      work
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => this.pending.delete(name)),
    );
  }

  get ready(): boolean {
    return this.pending.size === 0;
  }

  /** What start-up work is still running. */
  get waitingFor(): string[] {
    return [...this.pending];
  }

  /** Resolves once all start-up work tracked so far is done. */
  async whenReady(): Promise<void> {
    await Promise.all(this.done.values());
  }
}
