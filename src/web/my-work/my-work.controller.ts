import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorator';
import { CASE_ROLES } from '../../auth/principal';
import { HtmlPage, Pages } from '../pages';

/** The home page: everything due on my cases, soonest first. */
@ApiExcludeController()
@Controller()
export class MyWorkController {
  constructor(private readonly pages: Pages) {}

  @Get()
  @Allow(CASE_ROLES)
  @HtmlPage()
  home(@Req() req: FastifyRequest) {
    return this.pages.render(req, 'my-work', {}, 'nav.myWork');
  }
}
