import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { Allow, Public } from '../auth/access.decorator';
import { CASE_ROLES } from '../auth/principal';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/domain-error';
import { DocumentsService } from './documents.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Дело', 'id') });

@ApiTags('documents')
@Controller('api')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('cases/:id/documents')
  @ApiOperation({
    summary: 'Court documents the current state of the case allows, with links to HTML and PDF in kk and ru',
  })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'case.read' })
  list(@Param('id', uuid) id: string) {
    return this.documents.list(id);
  }

  @Get('cases/:id/documents/:kind')
  @ApiOperation({ summary: 'One court document (DOMAIN.md §4); every issued file is recorded by its SHA-256' })
  @ApiQuery({ name: 'lang', enum: ['kk', 'ru'], required: false })
  @ApiQuery({ name: 'format', enum: ['pdf', 'html'], required: false })
  @ApiQuery({ name: 'claimId', required: false, description: 'Required when the case has several civil claims' })
  @Allow(CASE_ROLES, { caseParam: 'id', audit: 'document.download' })
  async document(
    @Param('id', uuid) id: string,
    @Param('kind') kind: string,
    @Query() query: { lang?: string; format?: string; claimId?: string },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const doc = await this.documents.render(id, kind, {
      lang: query.lang,
      format: query.format,
      claimId: query.claimId,
    });
    void res.header('X-Document-SHA256', doc.sha256);
    return new StreamableFile(doc.bytes, {
      type: doc.contentType,
      disposition:
        doc.contentType === 'application/pdf'
          ? `attachment; filename="${doc.fileName}"`
          : `inline; filename="${doc.fileName}"`,
      length: doc.bytes.length,
    });
  }

  @Get('documents/verify/:sha256')
  @ApiOperation({ summary: 'Was this file issued by the service? 200 with what it is, 404 { known: false } when not' })
  @ApiOkResponse({
    description:
      '{ known: true, caseNumber, kind, lang, format, templateVersion, machineVersion, caseVersion, issuedAt }',
  })
  @Public()
  async verify(@Param('sha256') sha256: string, @Res({ passthrough: true }) res: FastifyReply) {
    const result = await this.documents.verify(sha256);
    if (!result.known) void res.status(404);
    return result;
  }
}
