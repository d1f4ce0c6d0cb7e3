import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/access.decorator';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { Readiness } from '../workflow/readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly readiness: Readiness,
  ) {}

  /** Alive: the process answers and the database is open (even while start-up work still runs). */
  @Get()
  @ApiOkResponse({ description: 'Service and database are up' })
  async health(): Promise<{ status: 'ok'; database: string }> {
    await this.db.query('SELECT 1');
    return { status: 'ok', database: this.db.options.type };
  }

  /** Ready for traffic: migrations done (before the port opens) and the start-up deadline sweep finished. */
  @Get('ready')
  @ApiOkResponse({ description: 'Migrated, and the start-up sweep of due deadlines is finished' })
  @ApiServiceUnavailableResponse({ description: 'Start-up work still running; `waitingFor` names it' })
  ready(): { status: 'ready' } {
    if (!this.readiness.ready) {
      throw new DomainError('service_unavailable', 'Служба запускается: не завершена начальная работа', {
        waitingFor: this.readiness.waitingFor,
      });
    }
    return { status: 'ready' };
  }
}
