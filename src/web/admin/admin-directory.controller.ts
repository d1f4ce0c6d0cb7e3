import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow } from '../../auth/access.decorator';
import { DomainError, type FieldError } from '../../common/domain-error';
import { flattenValidationErrors } from '../../common/validation.pipe';
import { DIRECTORY_KINDS, type DirectoryEntry } from '../../directory/directory-entry';
import { DirectoryService } from '../../directory/directory.service';
import { CreateDirectoryEntryDto, UpdateDirectoryEntryDto } from '../../directory/dto/directory.dto';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { formatDateTime } from '../render/format';
import { HtmlPage, Pages, seeOther } from '../pages';
import {
  adminFieldErrors,
  DIRECTORY_FIELDS,
  directoryBody,
  directoryFieldViews,
  directoryValues,
  formValues,
  kindLabel,
  type FormValues,
} from './admin-forms';

const NOTICES: Record<string, string> = { created: 'admin.directory.created', saved: 'admin.directory.saved' };

/**
 * The DTO check the API's global ValidationPipe makes, with the same options and the same field names; `more`: the
 * form's own problems, reported together with the DTO's.
 */
async function validated<T extends object>(cls: new () => T, body: object, more: FieldError[]): Promise<T> {
  const dto = plainToInstance(cls, body);
  const found = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  const errors = [...flattenValidationErrors(found), ...more];
  if (errors.length) throw DomainError.validation(errors);
  return dto;
}

const ADDRESS_BOTH: FieldError[] = [
  { field: 'address.kk', rule: 'address.both', message: 'Укажите адрес на обоих языках' },
  { field: 'address.ru', rule: 'address.both', message: 'Укажите адрес на обоих языках' },
];

/**
 * The administrator's pages of the directory: entries by kind with their Kazakh and Russian names (active or not),
 * a new entry, one entry. Changes go through DirectoryService after the DTO's validation, as the API's
 * DirectoryController does; a stale version (someone saved meanwhile) is explained, not overwritten.
 */
@ApiExcludeController()
@Allow(['admin'])
@Controller('admin/directory')
export class AdminDirectoryController {
  constructor(
    private readonly pages: Pages,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @HtmlPage()
  async list(
    @Req() req: FastifyRequest,
    @Query('kind') kind?: string,
    @Query('q') q?: string,
    @Query('inactive') inactive?: string,
  ) {
    const lang = this.pages.context(req).lang;
    const kindFilter = DIRECTORY_KINDS.find((k) => k === kind);
    const text = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    const showInactive = inactive === '1';
    const { items } = await this.directory.list({
      kind: kindFilter,
      q: text || undefined,
      includeInactive: showInactive,
    });
    const groups = DIRECTORY_KINDS.map((k) => ({
      kind: k,
      label: kindLabel(lang, k),
      entries: items.filter((e) => e.kind === k).map((e) => this.row(e, lang)),
    })).filter((g) => g.entries.length > 0);
    return this.pages.render(
      req,
      'admin/directory',
      {
        groups,
        count: items.length,
        filter: { q: text, inactive: showInactive },
        kinds: DIRECTORY_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k), selected: k === kindFilter })),
      },
      'admin.directory.title',
    );
  }

  @Get('new')
  @HtmlPage()
  newForm(@Req() req: FastifyRequest, @Query('kind') kind?: string) {
    return this.formPage(req, 'create', null, { kind: DIRECTORY_KINDS.find((k) => k === kind) ?? 'court' }, {});
  }

  @Post('new')
  @HtmlPage()
  async create(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown) {
    const values = formValues(body, DIRECTORY_FIELDS);
    const { body: dtoBody, addressError } = directoryBody(values, 'create');
    try {
      const dto = await validated(CreateDirectoryEntryDto, dtoBody, addressError ? ADDRESS_BOTH : []);
      const entry = await this.directory.create(dto);
      return seeOther(reply, `/admin/directory/${entry.id}?done=created`);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'validation_failed') throw e;
      void reply.code(400);
      return this.formPage(req, 'create', null, values, adminFieldErrors(this.pages.context(req).lang, e));
    }
  }

  @Get(':id')
  @HtmlPage()
  async edit(@Req() req: FastifyRequest, @Param('id') id: string, @Query('done') done?: string) {
    const entry = await this.directory.get(id);
    return this.formPage(req, 'update', entry, directoryValues(entry), {}, done ? (NOTICES[done] ?? null) : null);
  }

  @Post(':id')
  @HtmlPage()
  async update(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const entry = await this.directory.get(id);
    const values = formValues(body, DIRECTORY_FIELDS);
    const { body: dtoBody, cleared, addressError } = directoryBody(values, 'update');
    const lang = this.pages.context(req).lang;
    try {
      const dto = await validated(UpdateDirectoryEntryDto, dtoBody, addressError ? ADDRESS_BOTH : []);
      // Forms emptied by the administrator: the service drops an empty form (the DTO refuses a blank string)
      dto.names = {
        kk: { ...dto.names?.kk, ...cleared.kk },
        ru: { ...dto.names?.ru, ...cleared.ru },
      };
      await this.directory.update(id, dto);
      return seeOther(reply, `/admin/directory/${id}?done=saved`);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'version_conflict') {
        void reply.code(409);
        return this.formPage(req, 'update', entry, values, {}, null, true);
      }
      if (e.code !== 'validation_failed') throw e;
      void reply.code(400);
      return this.formPage(req, 'update', entry, values, adminFieldErrors(lang, e));
    }
  }

  private row(e: DirectoryEntry, lang: Lang) {
    const codes = [
      e.codes.bin ? `${translate(lang, 'admin.dir.codes.bin')} ${e.codes.bin}` : '',
      e.codes.bik ? `${translate(lang, 'admin.dir.codes.bik')} ${e.codes.bik}` : '',
      e.codes.courtCode ? `${translate(lang, 'admin.dir.codes.courtCode')} ${e.codes.courtCode}` : '',
    ].filter(Boolean);
    // The reader's language first: a Kazakh reader finds the entry by its Kazakh name
    const [first, second] = lang === 'kk' ? (['kk', 'ru'] as const) : (['ru', 'kk'] as const);
    return {
      id: e.id,
      first: e.names[first].nominative,
      firstLang: first,
      second: e.names[second].nominative,
      secondLang: second,
      codes: codes.join(', '),
      active: e.active,
    };
  }

  private formPage(
    req: FastifyRequest,
    mode: 'create' | 'update',
    entry: DirectoryEntry | null,
    values: FormValues,
    errors: Record<string, string>,
    notice: string | null = null,
    conflict = false,
  ) {
    const lang = this.pages.context(req).lang;
    const title = entry
      ? `${translate(lang, 'admin.directory.edit')}: ${lang === 'kk' ? entry.names.kk.nominative : entry.names.ru.nominative}`
      : translate(lang, 'admin.directory.new');
    return this.pages.render(
      req,
      'admin/directory-entry',
      {
        heading: title,
        action: entry ? `/admin/directory/${entry.id}` : '/admin/directory/new',
        kindName: entry ? kindLabel(lang, entry.kind) : null,
        version: entry
          ? translate(lang, 'admin.directory.version', {
              version: entry.version,
              date: formatDateTime(entry.updatedAt, lang),
            })
          : null,
        expectedVersion: values.expectedVersion ?? '',
        form: directoryFieldViews(lang, values, errors, mode),
        hasErrors: Object.keys(errors).length > 0,
        notice,
        conflict,
        create: mode === 'create',
      },
      { text: title },
    );
  }
}
