import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService } from '../cases/cases.service';

/**
 * Fires legal deadlines stored as data (invitation reply, mediation term, payment due + grace) as events.
 * Runs once at start-up — so deadlines that fell due while the service was stopped fire now — and then
 * every SWEEP_INTERVAL_SECONDS. A deadline fires at most once: pending → fired is a compare-and-set in
 * the same transaction as its event.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private running: Promise<number> | null = null;

  constructor(
    private readonly repo: CasesRepository,
    private readonly cases: CasesService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    const handle = setInterval(() => void this.sweep(), this.env.SWEEP_INTERVAL_SECONDS * 1000);
    handle.unref();
    this.scheduler.addInterval('deadline-sweeper', handle);
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', 'deadline-sweeper')) this.scheduler.deleteInterval('deadline-sweeper');
  }

  /** Fires every deadline due today or earlier (Asia/Almaty); returns how many fired. */
  sweep(): Promise<number> {
    if (!this.running) this.running = this.sweepAll().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepAll(): Promise<number> {
    let fired = 0;
    for (;;) {
      const today = this.clock.today();
      const due = await this.repo.read((em) => this.repo.dueDeadlines(em, today, 100));
      if (due.length === 0) break;
      let progressed = false;
      for (const d of due) {
        try {
          if (await this.cases.fireDeadline(d)) fired++;
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
