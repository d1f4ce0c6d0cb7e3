import '@fastify/multipart'; // the request's file() and isMultipart(), typed
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentUser } from '../auth/access.decorator';
import { CASE_ROLES, type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { CourtPacketService } from './court-packet.service';
import { PetitionService } from './petition.service';
import { checkReceipt, RECEIPT_MAX_BYTES } from './receipt-file';
import { ReceiptsRepository } from './receipts.repository';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') });
const claimUuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('not_found', 'Гражданский иск не найден', { claimId: 'claimId' }),
});
const fileError = (rule: string, message: string) => DomainError.validation([{ field: 'file', rule, message }]);

@ApiTags('court packet')
@Controller('api/cases')
export class CourtPacketController {
  constructor(
    private readonly packet: CourtPacketService,
    private readonly petition: PetitionService,
    private readonly receipts: ReceiptsRepository,
    private readonly clock: Clock,
  ) {}

  @Post(':id/claims/:claimId/payments/:reference/receipts')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "A recorded payment's receipt as evidence: PDF, JPEG or PNG (by content), at most 10 MB, kept with its SHA-256",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @Allow(['officer', 'mediator', 'lawyer'], { caseParam: 'id' })
  async upload(
    @Param('id', uuid) id: string,
    @Param('claimId', claimUuid) claimId: string,
    @Param('reference') reference: string,
    @Req() req: FastifyRequest,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    if (!req.isMultipart())
      throw fileError('multipart_required', 'Отправьте файл как multipart/form-data в поле «file»');
    const part = await req.file({ limits: { fileSize: RECEIPT_MAX_BYTES, files: 1 } }).catch((e: unknown) => {
      throw fileError('multipart_invalid', `Запрос multipart не читается: ${(e as Error).message}`);
    });
    if (!part) throw fileError('required', 'Приложите файл платёжного документа в поле «file»');
    if (part.fieldname !== 'file') throw fileError('required', 'Файл ожидается в поле «file»');
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw fileError('file_too_large', `Файл больше ${RECEIPT_MAX_BYTES / 1024 / 1024} МБ`);
      throw fileError('multipart_invalid', 'Файл получен не полностью');
    }
    const checked = await checkReceipt(bytes);
    const { receipt, created } = await this.receipts.add(id, claimId, reference, checked, {
      fileName: part.filename ? part.filename.slice(0, 200) : null,
      uploadedAt: this.clock.now().toISOString(),
      uploadedBy: user.userId,
    });
    if (!created) void res.status(200);
    return receipt;
  }

  @Get(':id/receipts')
  @ApiOperation({ summary: 'Receipts recorded as evidence of payments (without the files)' })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  list(@Param('id', uuid) id: string) {
    return this.receipts.list(id);
  }

  @Get(':id/court-packet')
  @ApiOperation({
    summary:
      "The court's packet: one PDF with a numbered cover list, the agreements with schedules, payment statements or " +
      'certificates, receipts, termination notices of victims who refused; page numbers across the packet',
  })
  @ApiQuery({ name: 'lang', enum: ['kk', 'ru'], required: false })
  @Allow(['lawyer', 'mediator', 'court'], { caseParam: 'id', audit: 'document.download' })
  async courtPacket(
    @Param('id', uuid) id: string,
    @Query('lang') lang: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.packet.build(id, lang);
    void res.header('X-Document-SHA256', doc.sha256);
    return new StreamableFile(doc.bytes, {
      type: doc.contentType,
      disposition: `attachment; filename="${doc.fileName}"`,
      length: doc.bytes.length,
    });
  }

  @Get(':id/petition-draft')
  @ApiOperation({
    summary:
      "Draft of the convict's petition for parole (УК 72) or replacement (УК 73) with the eligibility computation and the agreements, for the lawyer to edit",
  })
  @ApiQuery({ name: 'lang', enum: ['kk', 'ru'], required: false })
  @ApiQuery({ name: 'format', enum: ['html', 'pdf'], required: false })
  @ApiQuery({
    name: 'basis',
    enum: ['parole', 'replacement'],
    required: false,
    description: "Default: the case's procedure",
  })
  @Allow(['lawyer', 'mediator'], { caseParam: 'id', audit: 'document.download' })
  async petitionDraft(
    @Param('id', uuid) id: string,
    @Query() query: { lang?: string; format?: string; basis?: string },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const draft = await this.petition.draft(id, query);
    void res.header('Cache-Control', 'no-store');
    return new StreamableFile(draft.bytes, {
      type: draft.contentType,
      disposition: `${draft.contentType === 'application/pdf' ? 'attachment' : 'inline'}; filename="${draft.fileName}"`,
      length: draft.bytes.length,
    });
  }
}
