import { Global, Module } from '@nestjs/common';
import { PAGE_ERROR_ANSWERS } from '../common/domain-error.filter';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { PageContexts } from './page-context';
import { PageErrors } from './page-errors';
import { Pages } from './pages';
import { PageRenderer } from './render/page-renderer';
import { SignInController } from './sign-in/sign-in.controller';
import { WEB_AREAS } from './areas';

/**
 * The web workplace (issue 10): server-rendered pages for mediators, lawyers, court clerks, officers and the
 * administrator, in Kazakh, Russian and English. Each area is a controller here; they call the same services as
 * the API, under the same access rules (src/auth: every route has one, and a row in the access matrix).
 * Global: the error filter answers a page request's errors with a page (PAGE_ERROR_ANSWERS).
 */
@Global()
@Module({
  imports: [AuthModule, CasesModule, ...WEB_AREAS],
  controllers: [SignInController],
  providers: [
    { provide: PageRenderer, useFactory: () => new PageRenderer() },
    PageContexts,
    Pages,
    PageErrors,
    { provide: PAGE_ERROR_ANSWERS, useExisting: PageErrors },
  ],
  exports: [Pages, PageRenderer, PageContexts, PageErrors, PAGE_ERROR_ANSWERS],
})
export class WebModule {}
