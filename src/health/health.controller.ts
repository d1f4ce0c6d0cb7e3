import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'Service and database are up' })
  async health(): Promise<{ status: 'ok'; database: string }> {
    await this.db.query('SELECT 1');
    return { status: 'ok', database: this.db.options.type };
  }
}
