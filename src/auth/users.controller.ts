import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow } from './access.decorator';
import { USER_ROLES } from './principal';
import { UsersService, type Requester } from './users.service';

const USER_SCHEMA = {
  type: 'object',
  properties: {
    login: { type: 'string', pattern: '^[A-Za-z0-9._@-]{3,64}$' },
    password: { type: 'string', format: 'password', minLength: 12, description: 'create only; not the login' },
    role: { type: 'string', enum: [...USER_ROLES] },
    fullNameRu: { type: 'string' },
    fullNameKk: { type: 'string' },
    email: { type: 'string', format: 'email' },
    phone: { type: 'string' },
    organisationId: { type: 'string', description: 'court / police unit / organisation of mediators (directory id)' },
    organisationName: { type: 'string' },
    registerNumber: { type: 'string', description: "a mediator's entry in the register of mediators" },
    iin: { type: 'string', pattern: '^\\d{12}$' },
  },
};

const requester = (req: FastifyRequest): Requester => ({ principal: req.principal ?? null, address: req.ip ?? null });

/** Accounts, managed by administrators. Users are never deleted: disabled, they keep their name in the history. */
@ApiTags('users')
@Allow(['admin'])
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (login unique in any case; password ≥ 12 characters, not the login)' })
  @ApiBody({ schema: { ...USER_SCHEMA, required: ['login', 'password', 'role', 'fullNameRu'] } })
  create(@Body() body: unknown, @Req() req: FastifyRequest) {
    return this.users.create(body, requester(req));
  }

  @Get()
  @ApiOperation({ summary: 'Every user, by login' })
  list() {
    return this.users.list();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's fields (not the password: see /password)" })
  @ApiBody({ schema: USER_SCHEMA })
  update(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    return this.users.update(id, body, requester(req));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: "Disable: the user's sessions and tokens stop working at once; history keeps the name" })
  disable(@Param('id') id: string, @Req() req: FastifyRequest) {
    return this.users.disable(id, requester(req));
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id') id: string, @Req() req: FastifyRequest) {
    return this.users.enable(id, requester(req));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset a user's password: every session of the user ends" })
  @ApiBody({
    schema: { type: 'object', required: ['password'], properties: { password: USER_SCHEMA.properties.password } },
  })
  async resetPassword(@Param('id') id: string, @Body() body: unknown, @Req() req: FastifyRequest) {
    await this.users.resetPassword(id, body, requester(req));
  }
}
