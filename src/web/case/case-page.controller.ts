import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_CATALOGUE, isUserEventType, type EventSpec } from '../../../machines/catalogue';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../../auth/principal';
import type { CaseView } from '../../cases/case-view';
import { CaseQueries } from '../../cases/case-queries';
import { CasesService } from '../../cases/cases.service';
import { Clock } from '../../common/clock';
import type { Citation } from '../../law/legal-rules';
import { DomainError } from '../../common/domain-error';
import { DirectoryService } from '../../directory/directory.service';
import type { DirectoryKind } from '../../directory/directory-entry';
import { SchedulesService } from '../../restitution/schedules.service';
import { fieldErrors } from '../forms/field-view';
import {
  eventFormItems,
  inputNames,
  inputOfPath,
  parseEventForm,
  type DirectoryOptions,
  type FormItem,
  type PostedForm,
} from '../forms/event-form';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/messages';
import { caseStatecharts } from '../statechart/case-statecharts';
import { HtmlPage, Pages, seeOther } from '../pages';
import { formatDate, formatMoney, parseAmountInput } from '../render/format';
import {
  allStepLinks,
  citationText,
  claimCards,
  deadlineLines,
  mayRecord,
  stepHref,
  stepLinks,
  timeline,
} from './case-model';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') });

/** The inputs of the agreement form the schedule preview follows (htmx GET of /cases/:id/schedule-preview). */
const PREVIEW_INPUTS = [
  'terms.instalments.total',
  'terms.instalments.monthly',
  'terms.instalments.dayOfMonth',
  'terms.instalments.firstDueDate',
  'terms.instalments.startsMonthAfterRelease',
  'terms.assumedReleaseDate',
] as const;
/** How many rows of a previewed schedule are listed before «… N more». */
const PREVIEW_ROWS = 24;

interface StepTarget {
  type: string;
  spec: EventSpec;
  claim: CaseView['claims'][number] | null;
}

/**
 * A case at a glance (GET /cases/:id), the form of each step of the procedure generated from the event catalogue
 * (GET/POST /cases/:id/steps/:type?claim=), the schedule preview inside the agreement form, and the mediator's own
 * confidential notes. The same services and access rules as the API (src/cases/cases.controller.ts): a step is
 * recorded by CasesService.applyUserEvent exactly as POST /api/cases/:id/events records it.
 */
@ApiExcludeController()
@Controller('cases/:id')
export class CasePageController {
  constructor(
    private readonly pages: Pages,
    private readonly cases: CasesService,
    private readonly queries: CaseQueries,
    private readonly directory: DirectoryService,
    private readonly schedules: SchedulesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  @HtmlPage()
  async view(@Param('id', uuid) id: string, @Req() req: FastifyRequest, @CurrentUser() user: Principal) {
    const ctx = this.pages.context(req);
    const lang = ctx.lang;
    const [view, entity, history, eligibility] = await Promise.all([
      this.cases.get(id),
      this.queries.findCase(id),
      this.cases.history(id),
      this.cases.eligibility(id, 0).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'validation_failed') return null; // a sentence it cannot compute
        throw e;
      }),
    ]);
    const today = this.clock.today();
    const answer = view.procedure === 'replacement' ? eligibility?.replacement : eligibility?.parole;
    const term = view.sentence.term;
    const model = {
      caseView: view,
      procedure: translate(lang, `case.procedure.${view.procedure}`),
      state: translate(lang, `case.state.${view.state}`),
      sentence: translate(lang, 'case.sentence.of', {
        court: view.sentence.court,
        date: formatDate(view.sentence.date, lang),
      }),
      term: view.sentence.lifeImprisonment
        ? translate(lang, 'case.term.life')
        : translate(lang, 'case.term.value', { years: term.years, months: term.months, days: term.days }),
      earliest: answer?.earliestDate
        ? {
            date: formatDate(answer.earliestDate, lang),
            reached: answer.earliestDate <= today,
            citation: citationText(answer.rule as unknown as Citation, lang),
          }
        : null,
      paroleKind:
        view.procedure === 'parole'
          ? translate(
              lang,
              view.mandatoryParole && !answer?.discretionaryOnly
                ? 'case.paroleKind.mandatory'
                : 'case.paroleKind.discretionary',
            )
          : null,
      refileNotBefore: view.refileNotBefore
        ? translate(lang, 'case.refileNotBefore', { date: formatDate(view.refileNotBefore, lang) })
        : null,
      steps: allStepLinks({ ...view, claims: [] }, user.role, lang),
      anySteps: allStepLinks(view, user.role, lang).length > 0,
      claimSteps: view.claims.some((c) => stepLinks(view.id, c.nextEvents, user.role, lang, c.id).length > 0),
      claims: claimCards(view, entity?.snapshot, user.role, lang),
      deadlines: deadlineLines(view, today, lang),
      timeline: timeline(history, view, lang),
      // The statecharts of the case and of each claim, drawn from the machine definitions, current states highlighted
      statecharts: caseStatecharts(view, lang),
      isMediator: user.role === 'mediator',
    };
    return this.pages.render(req, 'case/view', model, {
      text: translate(lang, 'case.title', { number: view.number }),
    });
  }

  @Get('notes')
  @Allow(['mediator'], { caseParam: 'id', audit: 'notes.read' })
  @HtmlPage()
  async notes(@Param('id', uuid) id: string, @Req() req: FastifyRequest, @CurrentUser() user: Principal) {
    const lang = this.pages.context(req).lang;
    const [view, notes] = await Promise.all([this.cases.get(id), this.cases.notes(id, user)]);
    const victims = new Map(view.claims.map((c) => [c.id, c.victim.fullName]));
    const model = {
      caseView: view,
      notes: notes.map((n) => ({
        ...n,
        about: n.claimId ? (victims.get(n.claimId) ?? '') : translate(lang, 'case.notes.general'),
      })),
    };
    return this.pages.render(req, 'case/notes', model, {
      text: translate(lang, 'case.notes.title', { number: view.number }),
    });
  }

  /** The schedule the agreement being typed would fix (an htmx fragment; nothing is stored). */
  @Get('schedule-preview')
  @Allow(['mediator'], { caseParam: 'id' })
  @HtmlPage()
  schedulePreview(@Req() req: FastifyRequest, @Query() query: PostedForm) {
    const lang = this.pages.context(req).lang;
    return this.pages.render(req, 'case/schedule-preview', this.preview(query, lang), 'case.preview.title', {
      fragment: true,
    });
  }

  @Get('steps/:type')
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  @HtmlPage()
  async stepForm(
    @Param('id', uuid) id: string,
    @Param('type') type: string,
    @Query('claim') claimId: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const view = await this.cases.get(id);
    const target = this.target(view, type, claimId, user);
    if (!allowedNow(view, target)) return this.notAllowed(req, reply, view, target, user);
    const initial: Record<string, string> = {};
    // A date of something done (the contract's, the decision's) is most often today's: offered, not imposed
    for (const field of target.spec.fields)
      if (field.kind === 'date' && field.required && target.spec.pastDates.includes(field.name))
        initial[field.name] = this.clock.today();
    return this.stepPage(req, view, target, { values: initial, expectedVersion: view.version });
  }

  @Post('steps/:type')
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'event.recorded' })
  @HtmlPage()
  async recordStep(
    @Param('id', uuid) id: string,
    @Param('type') type: string,
    @Query('claim') claimId: string | undefined,
    @Body() body: PostedForm,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const posted: PostedForm = typeof body === 'object' && body !== null ? body : {};
    const view = await this.cases.get(id);
    const target = this.target(view, type, claimId, user);
    const version = Number(one(posted.expectedVersion));
    const expectedVersion = Number.isSafeInteger(version) && version > 0 ? version : view.version;
    const parsed = parseEventForm(target.spec.fields, posted);
    const again = (status: number, errors: DomainError | null, conflict = false) => {
      void reply.code(status);
      return this.stepPage(req, view, target, { values: posted, expectedVersion, errors, conflict });
    };
    if (parsed.errors.length) return again(400, DomainError.validation(parsed.errors));
    try {
      await this.cases.applyUserEvent(
        id,
        { type, ...(target.claim ? { claimId: target.claim.id } : {}), expectedVersion, ...parsed.payload },
        user,
      );
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'validation_failed' || e.code === 'rule_violation') return again(400, e);
      if (e.code === 'version_conflict') return again(409, null, true);
      if (e.code === 'event_not_allowed') {
        const fresh = await this.cases.get(id);
        return this.notAllowed(req, reply, fresh, target, user);
      }
      throw e;
    }
    return seeOther(reply, `/cases/${id}`);
  }

  /** The step asked for, or not found: an unknown type, one of the deadline service, a role's not to record, a claim not of this case. */
  private target(view: CaseView, type: string, claimId: string | undefined, user: Principal): StepTarget {
    if (!isUserEventType(type) || !mayRecord(type, user.role)) throw DomainError.notFound('Событие', type);
    const spec: EventSpec = EVENT_CATALOGUE[type];
    if (spec.machine === 'case') return { type, spec, claim: null };
    const claim = view.claims.find((c) => c.id === claimId);
    if (!claim) throw DomainError.notFound('Требование', String(claimId));
    return { type, spec, claim };
  }

  /** 409: the step cannot be recorded now; where the case stands and what can be recorded instead. */
  private notAllowed(req: FastifyRequest, reply: FastifyReply, view: CaseView, target: StepTarget, user: Principal) {
    const lang = this.pages.context(req).lang;
    void reply.code(409);
    const label = target.spec.label[lang];
    return this.pages.render(
      req,
      'case/step',
      {
        caseView: view,
        heading: label,
        claimOf: target.claim ? translate(lang, 'case.step.claimOf', { victim: target.claim.victim.fullName }) : null,
        notAllowed: translate(lang, 'case.step.notAllowedText', { state: translate(lang, `case.state.${view.state}`) }),
        allowed: allStepLinks(view, user.role, lang),
      },
      { text: label },
    );
  }

  private async stepPage(
    req: FastifyRequest,
    view: CaseView,
    target: StepTarget,
    opts: { values: PostedForm; expectedVersion: number; errors?: DomainError | null; conflict?: boolean },
  ): Promise<string> {
    const lang = this.pages.context(req).lang;
    const names = inputNames(target.spec.fields);
    const byInput: Record<string, string> = {};
    const general: string[] = [];
    if (opts.errors) {
      const messages = fieldErrors(lang, opts.errors);
      for (const [path, message] of Object.entries(messages)) {
        const input = inputOfPath(path, names);
        if (input) byInput[input] = byInput[input] ? `${byInput[input]}; ${message}` : message;
        else general.push(message);
      }
    }
    const agreement = target.type === 'agreement.signed';
    const previewUrl = `/cases/${view.id}/schedule-preview`;
    const attrs: Record<string, [string, string][]> = {};
    if (agreement)
      for (const name of PREVIEW_INPUTS)
        attrs[name] = [
          ['hx-get', previewUrl],
          ['hx-trigger', 'input changed delay:400ms, change'],
          ['hx-target', '#schedule-preview'],
          ['hx-swap', 'innerHTML'],
          ['hx-include', PREVIEW_INPUTS.map((n) => `[name='${n}']`).join(', ')],
        ];
    const items = eventFormItems(target.spec.fields, {
      lang,
      values: opts.values,
      errors: byInput,
      directories: await this.directoryOptions(target.spec, lang),
      amountPlaceholder: translate(lang, 'form.amountHint'),
      attrs,
    });
    // The schedule preview stands right after the instalments it follows
    if (agreement) markPreviewSlot(items);
    const label = target.spec.label[lang];
    const action = stepHref(view.id, target.type, target.claim?.id);
    return this.pages.render(
      req,
      'case/step',
      {
        caseView: view,
        heading: label,
        help: target.spec.help[lang],
        claimOf: target.claim ? translate(lang, 'case.step.claimOf', { victim: target.claim.victim.fullName }) : null,
        outstanding:
          target.claim && agreement
            ? translate(lang, 'case.step.outstanding', { amount: formatMoney(target.claim.outstanding) })
            : null,
        form: { action, items, expectedVersion: opts.expectedVersion },
        hasErrors: Object.keys(byInput).length > 0 || general.length > 0,
        // each error once more above the form, linked to its field (the order of the form)
        summary: labelled(items).flatMap((i) =>
          byInput[i.name] ? [{ href: `#${i.id}`, label: i.label, message: byInput[i.name] }] : [],
        ),
        general,
        conflict: opts.conflict ? { reload: action } : null,
        confidential: target.type === 'session.held',
        preview: agreement ? this.preview(opts.values, lang) : null,
      },
      { text: label },
    );
  }

  /** The entries each directory field of the event offers, in the reader's language (English reads the Russian names). */
  private async directoryOptions(spec: EventSpec, lang: Lang): Promise<DirectoryOptions> {
    const kinds = new Set<string>();
    const walk = (fields: EventSpec['fields']) => {
      for (const f of fields) {
        if (f.kind === 'directory' && f.directory) kinds.add(f.directory);
        if (f.fields) walk(f.fields);
      }
    };
    walk(spec.fields);
    const out: Record<string, { value: string; label: string }[]> = {};
    for (const kind of kinds) {
      const { items } = await this.directory.list({ kind: kind as DirectoryKind });
      out[kind] = items.map((e) => ({
        value: e.id,
        label: lang === 'kk' ? e.names.kk.nominative : e.names.ru.nominative,
      }));
    }
    return out;
  }

  /** The schedule of the instalments typed so far, or what is still missing, or why it cannot be built. */
  private preview(query: PostedForm, lang: Lang) {
    const total = parseAmountInput(one(query['terms.instalments.total']));
    const monthly = parseAmountInput(one(query['terms.instalments.monthly']));
    const day = Number(one(query['terms.instalments.dayOfMonth']));
    const first = one(query['terms.instalments.firstDueDate'])?.trim() || undefined;
    const assumed = one(query['terms.assumedReleaseDate'])?.trim() || undefined;
    if (!total.ok || !monthly.ok || !Number.isInteger(day) || day < 1) return { hint: true };
    const today = this.clock.today();
    const release = first ? undefined : (assumed ?? today);
    try {
      const s = this.schedules.preview({
        outstanding: total.tiyn,
        monthly: monthly.tiyn,
        dayOfMonth: day,
        ...(first ? { firstDueDate: first } : { releaseDate: release }),
        agreementDate: today,
      });
      const rows = s.rows.map((r) => ({
        no: r.no,
        due: formatDate(r.dueDate, lang),
        amount: formatMoney(r.amount),
        remaining: formatMoney(r.remaining),
      }));
      return {
        fromRelease: release ? translate(lang, 'case.preview.fromRelease', { date: formatDate(release, lang) }) : null,
        summary: translate(lang, 'case.preview.summary', {
          count: s.months,
          first: formatDate(s.firstDueDate, lang),
          last: formatDate(s.lastDueDate, lang),
          lastAmount: formatMoney(s.lastAmount),
        }),
        rows: rows.slice(0, PREVIEW_ROWS),
        more:
          rows.length > PREVIEW_ROWS ? translate(lang, 'case.preview.more', { n: rows.length - PREVIEW_ROWS }) : null,
      };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { errors: Object.values(fieldErrors(lang, e)) };
    }
  }
}

/** Whether the procedure takes this step now (the machines' next events; their checks may still refuse it). */
function allowedNow(view: CaseView, target: StepTarget): boolean {
  return target.claim ? target.claim.nextEvents.includes(target.type) : view.nextEvents.includes(target.type);
}

/** Every field and group of the form with its label, in form order. */
function labelled(items: FormItem[]): { name: string; id: string; label: string }[] {
  return items.flatMap((i) =>
    i.kind === 'group'
      ? [{ name: i.name, id: i.id, label: i.legend }, ...labelled(i.items)]
      : [{ name: i.name, id: i.id, label: i.label }],
  );
}

function markPreviewSlot(items: FormItem[]): void {
  for (const item of items)
    if (item.kind === 'group') {
      if (item.name === 'terms.instalments') item.previewAfter = true;
      markPreviewSlot(item.items);
    }
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
