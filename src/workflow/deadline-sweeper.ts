import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import { DatabaseAccess } from './database-access';
import { Readiness } from './readiness';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowStore } from './workflow.store';

/**
 * Fires legal deadlines stored as data (invitation reply, mediation term, payment due + grace) as events.
 * Runs once at start-up — so deadlines that fell due while the service was stopped fire now — and then
 * every SWEEP_INTERVAL_SECONDS. A deadline fires at most once: pending → fired is a compare-and-set in
 * the same transaction as its event. The start-up sweep runs in the background (1,000 due deadlines take
 * seconds): the port opens at once and GET /health/ready says when it is done.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private running: Promise<number> | null = null;
  private next: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly access: DatabaseAccess,
    private readonly repo: WorkflowRepository,
    private readonly store: WorkflowStore,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly scheduler: SchedulerRegistry,
    private readonly readiness: Readiness,
  ) {}

  onApplicationBootstrap(): void {
    const sweepLogged = () =>
      this.sweep().catch((e) => this.logger.error(`sweep failed: ${e instanceof Error ? e.message : String(e)}`));
    this.readiness.track('start-up deadline sweep', sweepLogged());
    const handle = setInterval(() => void sweepLogged(), this.env.SWEEP_INTERVAL_SECONDS * 1000);
    handle.unref();
    this.scheduler.addInterval('deadline-sweeper', handle);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.scheduler.doesExist('interval', 'deadline-sweeper')) this.scheduler.deleteInterval('deadline-sweeper');
    await Promise.all([this.running, this.next].filter((p) => p !== null).map((p) => p.catch(() => 0)));
  }

  /**
   * Fires every deadline due today or earlier (Asia/Almaty); returns how many fired. A call while a sweep
   * runs waits for it and sweeps once more (the clock may have moved): calls in the meantime share that one.
   */
  sweep(): Promise<number> {
    if (!this.running) {
      this.running = this.sweepAll().finally(() => (this.running = null));
      return this.running;
    }
    if (!this.next) {
      this.next = this.running
        .catch(() => 0)
        .then(() => {
          this.next = null;
          return this.sweep();
        });
    }
    return this.next;
  }

  private async sweepAll(): Promise<number> {
    let fired = 0;
    while (!this.stopping) {
      const today = this.clock.today();
      const due = await this.access.read((em) => this.repo.dueDeadlines(em, today, 100));
      if (due.length === 0) break;
      let progressed = false;
      for (const d of due) {
        if (this.stopping) break;
        try {
          if (await this.store.fireDeadline(d)) fired++;
          progressed = true;
        } catch (e) {
          this.logger.error(`deadline ${d.key} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      if (!progressed) break;
    }
    if (fired) this.logger.log(`fired ${fired} deadline(s)`);
    return fired;
  }
}
