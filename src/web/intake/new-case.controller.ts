import { Body, Controller, Get, HttpCode, Optional, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsNull } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { UserEntity } from '../../auth/auth.entities';
import type { Principal } from '../../auth/principal';
import { CasesService } from '../../cases/cases.service';
import { CreateCaseDto } from '../../cases/dto/create-case.dto';
import { Clock } from '../../common/clock';
import { DomainError, type FieldError } from '../../common/domain-error';
import { flattenValidationErrors } from '../../common/validation.pipe';
import type { DirectoryKind } from '../../directory/directory-entry';
import { DirectoryService } from '../../directory/directory.service';
import { EligibilityService } from '../../eligibility/eligibility.service';
import { DatabaseAccess } from '../../workflow/database-access';
import type { Lang } from '../i18n/lang';
import { HtmlPage, Pages, seeOther } from '../pages';
import { buildApplication, formErrors, formValues, withClaims, type FormValues } from './application-form';
import { eligibilityPreview, eligibilityRequest } from './eligibility-preview';
import { idCheckModel } from './id-check';
import { formFieldNames, newCaseModel, type Choice, type NewCaseChoices } from './new-case-page';

type Opener = 'lawyer' | 'mediator';
const OPENERS: Opener[] = ['lawyer', 'mediator'];

/** The options of the global ValidationPipe (src/common/validation.pipe.ts): the API's own check of a body. */
const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * The application form (issue 10 «New case»): a lawyer (or a mediator) files the convict's application. The form
 * posts back to itself: «add another victim» and «remove» re-render it with the blocks changed (no JavaScript
 * needed); «file» builds the body POST /api/cases takes, checks it exactly as the API does (CreateCaseDto with the
 * global pipe's options), and opens the case with the same service (CasesService.create) → 303 to the case. Live
 * fragments while typing: the earliest petition date (EligibilityService, as POST /api/eligibility) and the
 * ИИН/БИН checksum.
 */
@ApiExcludeController()
@Controller('cases/new')
export class NewCaseController {
  constructor(
    private readonly pages: Pages,
    private readonly cases: CasesService,
    private readonly directory: DirectoryService,
    private readonly eligibility: EligibilityService,
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
    @Optional() private readonly audit?: AuditLog,
  ) {}

  @Get()
  @Allow(OPENERS)
  @HtmlPage()
  async form(@Req() req: FastifyRequest, @CurrentUser() user: Principal) {
    const values: FormValues = withClaims({
      procedure: 'parole',
      'claims[0].victim.type': 'person',
      'claims[0].amountRecovered': '0',
      ...(user.role === 'lawyer' ? { 'lawyer.fullName': user.fullName.ru } : {}),
    });
    return this.page(req, user, values);
  }

  @Post()
  @HttpCode(200)
  @Allow(OPENERS)
  @HtmlPage()
  async submit(
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const posted = formValues(body);
    const action = typeof posted._action === 'string' ? posted._action : 'file';
    delete posted._action;
    if (action === 'add') return this.page(req, user, withClaims(posted, { add: 1 }));
    const remove = /^remove:(\d{1,2})$/.exec(action);
    if (remove) return this.page(req, user, withClaims(posted, { remove: Number(remove[1]) }));

    const values = withClaims(posted);
    const role = user.role as Opener;
    const lang = this.pages.context(req).lang;
    const built = buildApplication(values, role);
    const dto = plainToInstance(CreateCaseDto, built.body);
    const unread = new Set(built.errors.map((e) => e.field));
    const invalid = flattenValidationErrors(await validate(dto, VALIDATOR_OPTIONS)).filter((e) => !unread.has(e.field));
    let refused: FieldError[] = [...built.errors, ...invalid];
    let status = 400;
    if (refused.length === 0) {
      try {
        const created = await this.cases.create(dto, user);
        this.recordCreated(req, user, created.id);
        return seeOther(reply, `/cases/${created.id}`);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const list = (e.details.errors as FieldError[] | undefined) ?? [];
        refused = list.length ? list : [{ field: 'body', rule: e.code, message: e.message }];
        status =
          e.code === 'version_conflict' || e.code === 'event_not_allowed' ? 409 : e.code === 'forbidden' ? 403 : 400;
      }
    }
    const { byField, general } = formErrors(lang, refused, values, formFieldNames(role, values));
    void reply.code(status);
    return this.page(req, user, values, byField, general);
  }

  /** The earliest petition date for the sentence as typed (a fragment for htmx; the form shows it too). */
  @Get('eligibility')
  @Allow(OPENERS)
  @HtmlPage()
  preview(@Query() query: Record<string, unknown>, @Req() req: FastifyRequest) {
    const lang = this.pages.context(req).lang;
    return this.pages.render(
      req,
      'intake/eligibility',
      this.eligibilityModel(lang, formValues(query)),
      'intake.eligibility',
      {
        fragment: true,
      },
    );
  }

  /** The ИИН typed, checked by its control digit (a fragment for htmx). */
  @Get('iin')
  @Allow(OPENERS)
  @HtmlPage()
  iin(@Query() query: Record<string, unknown>, @Req() req: FastifyRequest) {
    return this.idCheck(req, 'iin', query);
  }

  /** The БИН typed, checked by its control digit and structure (a fragment for htmx). */
  @Get('bin')
  @Allow(OPENERS)
  @HtmlPage()
  bin(@Query() query: Record<string, unknown>, @Req() req: FastifyRequest) {
    return this.idCheck(req, 'bin', query);
  }

  private idCheck(req: FastifyRequest, kind: 'iin' | 'bin', query: Record<string, unknown>): string {
    const lang = this.pages.context(req).lang;
    const typed = Object.values(formValues(query))[0] ?? '';
    return this.pages.render(req, 'intake/id-check', { check: idCheckModel(lang, kind, typed.trim()) }, 'intake.iin', {
      fragment: true,
    });
  }

  private eligibilityModel(lang: Lang, values: FormValues) {
    const today = this.clock.today();
    const asked = eligibilityRequest(values, today);
    if (!asked.ok) return eligibilityPreview(lang, values, today, { reason: asked.reason });
    try {
      return eligibilityPreview(lang, values, today, this.eligibility.compute(asked.request));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return eligibilityPreview(lang, values, today, { reason: 'need' });
    }
  }

  private async page(
    req: FastifyRequest,
    user: Principal,
    values: FormValues,
    errors: Record<string, string> = {},
    general: string[] = [],
  ): Promise<string> {
    const ctx = this.pages.context(req);
    const role = user.role as Opener;
    const model = newCaseModel({
      lang: ctx.lang,
      role,
      userName: ctx.lang === 'kk' ? user.fullName.kk : user.fullName.ru,
      values,
      errors,
      general,
      choices: await this.choices(ctx.lang, role),
    });
    return this.pages.render(
      req,
      'intake/new-case',
      {
        ...model,
        eligibility: this.eligibilityModel(ctx.lang, values),
        nextClaim: model.claims.length + 1,
        hasErrors: Object.keys(errors).length > 0 || general.length > 0,
      },
      'intake.title',
      { context: ctx },
    );
  }

  private async choices(lang: Lang, role: Opener): Promise<NewCaseChoices> {
    const entries = async (kind: DirectoryKind): Promise<Choice[]> =>
      (await this.directory.list({ kind })).items.map((e) => ({
        value: e.id,
        label: lang === 'kk' ? e.names.kk.nominative : e.names.ru.nominative,
      }));
    const users = (wanted: 'mediator' | 'lawyer') =>
      this.access.read((em) =>
        em.getRepository(UserEntity).find({
          where: { role: wanted, disabledAt: IsNull() },
          order: { fullNameRu: 'ASC' },
          take: 500,
        }),
      );
    const person = (u: UserEntity): Choice => {
      const name = lang === 'kk' && u.fullNameKk ? u.fullNameKk : u.fullNameRu;
      return { value: u.id, label: u.organisationName ? `${name} — ${u.organisationName}` : name };
    };
    const [institutions, courts, towns, people] = await Promise.all([
      entries('penal_institution'),
      entries('court'),
      entries('town'),
      users(role === 'lawyer' ? 'mediator' : 'lawyer'),
    ]);
    return {
      institutions,
      courts,
      towns,
      mediators: role === 'lawyer' ? people.map(person) : [],
      lawyers: role === 'mediator' ? people.map(person) : [],
    };
  }

  private recordCreated(req: FastifyRequest, user: Principal, caseId: string): void {
    if (!this.audit) return;
    try {
      void Promise.resolve(
        this.audit.record({
          action: 'case.created',
          userId: user.userId,
          userName: user.fullName.ru,
          role: user.role,
          login: user.login,
          caseId,
          detail: { route: '/cases/new' },
          address: req.ip ?? null,
        }),
      ).catch((e: Error) => req.log.error(`audit: ${e.message}`));
    } catch (e) {
      req.log.error(`audit: ${(e as Error).message}`);
    }
  }
}
