import '@fastify/multipart';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../../auth/principal';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { CasesService } from '../../cases/cases.service';
import { checkReceipt, RECEIPT_MAX_BYTES, type CheckedReceipt } from '../../court-packet/receipt-file';
import { ReceiptsRepository } from '../../court-packet/receipts.repository';
import { fieldErrors } from '../forms/field-view';
import { readMultipartForm } from '../forms/multipart';
import { translate } from '../i18n/messages';
import { HtmlPage, Pages, seeOther } from '../pages';
import { parseAmountInput } from '../render/format';
import { claimPageModel, type FormState, NOTICES } from './claim-page';

const notFound = () => DomainError.notFound('Страница', '');
const uuid = new ParseUUIDPipe({ exceptionFactory: notFound });
const SHA256 = /^[0-9a-f]{64}$/;

/** The limits of a receipt form: one file of at most 10 MB, a few text fields (the perimeter reads with them too). */
const RECEIPT_FORM = {
  multipartOptions: { limits: { fileSize: RECEIPT_MAX_BYTES, files: 1, fields: 10, parts: 11 } },
};

type Fields = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Restitution of one claim (issue 10): where it stands, the chart of plan / paid / arrears, the ledger, and the
 * steps of this stage — a payment with its receipt, the reason of a missed payment, the evasion report — each
 * recorded through CasesService.applyUserEvent as the API records it, the receipt through the API's
 * ReceiptsRepository. Only the steps the event catalogue allows the user's role in the claim's current state are
 * offered; the service checks them again.
 */
@ApiExcludeController()
@Controller('cases/:id/claims/:claimId')
export class RestitutionController {
  constructor(
    private readonly pages: Pages,
    private readonly cases: CasesService,
    private readonly receipts: ReceiptsRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  @HtmlPage()
  async show(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Query('done') done: string | undefined,
    @Req() req: FastifyRequest,
    @CurrentUser() user: Principal,
  ) {
    const notice = done && Object.hasOwn(NOTICES, done) ? NOTICES[done] : null;
    return this.render(req, id, claimId, user, null, notice);
  }

  /** A payment, with its receipt file if one is chosen (multipart/form-data; in MULTIPART_ROUTES). */
  @Post('payments')
  @RouteConfig(RECEIPT_FORM)
  @Allow(['officer', 'mediator', 'lawyer'], { caseParam: 'id', audit: 'event.recorded' })
  @HtmlPage()
  async recordPayment(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const lang = this.pages.context(req).lang;
    const { fields, file, problem } = await readMultipartForm(req, RECEIPT_MAX_BYTES);
    const errors: Record<string, string> = problem ? fieldErrors(lang, problem) : {};
    const amount = parseAmountInput(fields.amount);
    if (!amount.ok) errors.amount = translate(lang, `rule.${amount.rule}`);
    const reference = str(fields.reference).trim();
    const checked = file && !problem ? await this.checkFile(file.bytes, lang, errors) : null;
    const state: FormState = { form: 'payment', values: fields, errors };
    if (Object.keys(errors).length) return this.refuse(req, reply, id, claimId, user, state, 400);
    try {
      await this.cases.applyUserEvent(
        id,
        {
          type: 'payment.recorded',
          claimId,
          amount: amount.ok ? amount.tiyn : 0,
          date: str(fields.date),
          evidence: str(fields.evidence),
          reference,
          ...expectedVersionOf(fields),
        },
        user,
      );
    } catch (e) {
      return this.refused(e, req, reply, id, claimId, user, state);
    }
    if (checked && file) {
      try {
        await this.keepReceipt(id, claimId, reference, checked, file.fileName, user);
      } catch (e) {
        // The payment stands; the receipt can be uploaded again below
        const reason = e instanceof DomainError ? (Object.values(fieldErrors(lang, e))[0] ?? e.message) : '';
        const message = translate(lang, 'restitution.receiptFailed', { reason });
        return this.refuse(
          req,
          reply,
          id,
          claimId,
          user,
          { form: 'upload', values: { reference }, errors: {}, message },
          400,
        );
      }
    }
    return seeOther(reply, `/cases/${id}/claims/${claimId}?done=${checked ? 'paymentReceipt' : 'payment'}#payments`);
  }

  /** A receipt for a payment already recorded (multipart/form-data; in MULTIPART_ROUTES). */
  @Post('receipts')
  @RouteConfig(RECEIPT_FORM)
  @Allow(['officer', 'mediator', 'lawyer'], { caseParam: 'id', audit: 'event.recorded' })
  @HtmlPage()
  async uploadReceipt(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const lang = this.pages.context(req).lang;
    const { fields, file, problem } = await readMultipartForm(req, RECEIPT_MAX_BYTES);
    const errors: Record<string, string> = problem ? fieldErrors(lang, problem) : {};
    const reference = str(fields.reference).trim();
    if (!reference) errors.reference = translate(lang, 'rule.reference_required');
    if (!file && !problem) errors.file = translate(lang, 'rule.required');
    const checked = file && !problem ? await this.checkFile(file.bytes, lang, errors) : null;
    const state: FormState = { form: 'upload', values: fields, errors };
    if (Object.keys(errors).length || !checked || !file) return this.refuse(req, reply, id, claimId, user, state, 400);
    try {
      await this.keepReceipt(id, claimId, reference, checked, file.fileName, user);
    } catch (e) {
      if (!(e instanceof DomainError) || !e.details.errors) throw e;
      // A reference without a recorded payment: the error at the field
      return this.refuse(req, reply, id, claimId, user, { ...state, errors: fieldErrors(lang, e) }, 400);
    }
    return seeOther(reply, `/cases/${id}/claims/${claimId}?done=receipt#payments`);
  }

  /** The reason of a missed instalment (`payment.missed.explained`). */
  @Post('misses')
  @Allow(['officer', 'mediator', 'lawyer'], { caseParam: 'id', audit: 'event.recorded' })
  @HtmlPage()
  async explainMiss(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Body() body: Fields,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const fields = formFields(body);
    const no = Number(fields.instalmentNo);
    const good = fields.goodReason === 'true' ? true : fields.goodReason === 'false' ? false : undefined;
    const state: FormState = { form: 'miss', values: fields, errors: {}, instalmentNo: no };
    try {
      await this.cases.applyUserEvent(
        id,
        {
          type: 'payment.missed.explained',
          claimId,
          instalmentNo: Number.isInteger(no) ? no : fields.instalmentNo,
          goodReason: good,
          reason: str(fields.reason).trim(),
          ...expectedVersionOf(fields),
        },
        user,
      );
    } catch (e) {
      return this.refused(e, req, reply, id, claimId, user, state);
    }
    return seeOther(reply, `/cases/${id}/claims/${claimId}?done=miss#misses`);
  }

  /** The officer's report that the parolee evades restitution (`default.reported`, УК 72 ч. 7 п. 1). */
  @Post('default')
  @Allow(['officer'], { caseParam: 'id', audit: 'event.recorded' })
  @HtmlPage()
  async reportDefault(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Body() body: Fields,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: Principal,
  ) {
    const fields = formFields(body);
    const state: FormState = { form: 'default', values: fields, errors: {} };
    try {
      await this.cases.applyUserEvent(id, { type: 'default.reported', claimId, ...expectedVersionOf(fields) }, user);
    } catch (e) {
      return this.refused(e, req, reply, id, claimId, user, state);
    }
    return seeOther(reply, `/cases/${id}/claims/${claimId}?done=default#default`);
  }

  /** A receipt's file as uploaded (PDF or image, shown in the browser). */
  @Get('receipts/:sha256')
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'document.download' })
  async receipt(
    @Param('id', uuid) id: string,
    @Param('claimId', uuid) claimId: string,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const found = SHA256.test(sha256) ? await this.receipts.one(id, claimId, sha256) : null;
    if (!found) throw notFound();
    void reply.header('Cache-Control', 'private, no-store');
    const ext = found.contentType === 'application/pdf' ? 'pdf' : found.contentType === 'image/png' ? 'png' : 'jpg';
    return new StreamableFile(found.content, {
      type: found.contentType,
      disposition: `inline; filename="receipt-${sha256.slice(0, 12)}.${ext}"`,
      length: found.content.length,
    });
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────────────

  private async render(
    req: FastifyRequest,
    id: string,
    claimId: string,
    user: Principal,
    state: FormState | null,
    notice: string | null,
  ): Promise<string> {
    const ctx = this.pages.context(req);
    const view = await this.cases.get(id);
    const claim = view.claims.find((c) => c.id === claimId);
    if (!claim) throw notFound();
    let schedule: Awaited<ReturnType<CasesService['claimSchedule']>> | null = null;
    try {
      schedule = await this.cases.claimSchedule(id, claimId);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'not_found') throw e;
    }
    const receipts = schedule ? (await this.receipts.list(id)).filter((r) => r.claimId === claimId) : [];
    const model = claimPageModel({
      lang: ctx.lang,
      role: user.role,
      view,
      claim,
      schedule,
      receipts,
      today: this.clock.today(),
      state,
      notice,
    });
    return this.pages.render(req, 'restitution/claim', model, { text: model.pageTitle }, { context: ctx });
  }

  private async refuse(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    claimId: string,
    user: Principal,
    state: FormState,
    status: number,
  ): Promise<string> {
    void reply.code(status);
    return this.render(req, id, claimId, user, state, null);
  }

  /** A step the service refused: errors at the fields (400), a conflict or a step not possible now (409). */
  private refused(
    e: unknown,
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    claimId: string,
    user: Principal,
    state: FormState,
  ): Promise<string> {
    if (!(e instanceof DomainError)) throw e;
    const lang = this.pages.context(req).lang;
    if (e.code === 'validation_failed' || e.code === 'rule_violation')
      return this.refuse(req, reply, id, claimId, user, { ...state, errors: fieldErrors(lang, e) }, 400);
    if (e.code === 'version_conflict')
      return this.refuse(req, reply, id, claimId, user, { ...state, message: translate(lang, 'form.conflict') }, 409);
    if (e.code === 'event_not_allowed') {
      const r = (e.details.claimState as { restitution?: string | null } | undefined)?.restitution;
      const key = `restitution.state.${r ?? ''}`;
      const where = r ? translate(lang, key) : e.message;
      const message = translate(lang, 'restitution.notAllowed', { state: where });
      return this.refuse(req, reply, id, claimId, user, { ...state, message }, 409);
    }
    throw e;
  }

  private async checkFile(bytes: Buffer, lang: ReturnType<Pages['context']>['lang'], errors: Record<string, string>) {
    try {
      return await checkReceipt(bytes);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      Object.assign(errors, fieldErrors(lang, e));
      return null;
    }
  }

  private keepReceipt(
    id: string,
    claimId: string,
    reference: string,
    checked: CheckedReceipt,
    fileName: string | null,
    user: Principal,
  ) {
    return this.receipts.add(id, claimId, reference, checked, {
      fileName,
      uploadedAt: this.clock.now().toISOString(),
      uploadedBy: user.userId,
    });
  }
}

/** A urlencoded form's fields as text (a repeated name: its first value). */
function formFields(body: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body)) {
    const one: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}

/** The hidden `expectedVersion` of a form: the case as the user saw it (a change meanwhile is a conflict). */
function expectedVersionOf(fields: Record<string, string>): { expectedVersion?: number } {
  const v = Number(fields.expectedVersion);
  return fields.expectedVersion && Number.isInteger(v) && v > 0 ? { expectedVersion: v } : {};
}
