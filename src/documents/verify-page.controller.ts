import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator';
import { DomainError } from '../common/domain-error';
import { normaliseShortId } from './document-issuer';
import { DocumentsService } from './documents.service';
import { verifyPage, type VerifyPageInput } from './verify-page';

/** The largest PDF a clerk may upload to check (documents are tens of kilobytes; a scanned packet a few MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type UploadProblem = { field: string; rule: string; kk: string; ru: string };

/**
 * The page the QR code of every document leads to, and the upload a clerk checks a PDF with. Public: no
 * sign-in, and nothing personal on it.
 */
@ApiExcludeController()
@Controller('verify')
export class VerifyPageController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Public()
  form(@Res() res: FastifyReply) {
    return this.send(res, 200, { asked: null, found: null });
  }

  @Get(':id')
  @Public()
  async byId(@Param('id') id: string, @Res() res: FastifyReply) {
    const docId = normaliseShortId(id);
    const found = docId ? await this.documents.verifyId(docId) : null;
    return this.send(res, found ? 200 : 404, { asked: { by: 'id', id: docId ?? id.slice(0, 40) }, found });
  }

  @Post()
  @Public()
  async upload(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const file = await this.readPdf(req, res);
    if (!file) return;
    const result = await this.documents.verifyBytes(file);
    return this.send(res, 200, {
      asked: { by: 'file', sha256: result.sha256 },
      found: result.known ? result : null,
    });
  }

  /** The uploaded PDF's bytes; a problem is answered with 400 here (HTML to a browser, JSON otherwise). */
  private async readPdf(req: FastifyRequest, res: FastifyReply): Promise<Buffer | null> {
    const problem = (p: UploadProblem) => {
      if ((req.headers.accept ?? '').includes('text/html')) {
        this.send(res, 400, { asked: null, found: null, error: { kk: p.kk, ru: p.ru } });
        return null;
      }
      throw DomainError.validation([{ field: p.field, rule: p.rule, message: p.ru }]);
    };
    if (!req.isMultipart())
      return problem({
        field: 'file',
        rule: 'multipart_required',
        ru: 'Загрузите файл формой (multipart/form-data, поле file)',
        kk: 'Файлды формамен жүктеңіз (multipart/form-data, file өрісі)',
      });
    let bytes: Buffer;
    let mimetype: string;
    try {
      const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) return problem({ field: 'file', rule: 'file_required', ru: 'Файл не выбран', kk: 'Файл таңдалмаған' });
      mimetype = part.mimetype;
      bytes = await part.toBuffer();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
        return problem({
          field: 'file',
          rule: 'file_too_large',
          ru: `Файл больше ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ: документы сервиса намного меньше`,
          kk: `Файл ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ-тан үлкен: сервис құжаттары әлдеқайда кіші`,
        });
      return problem({
        field: 'file',
        rule: 'upload_invalid',
        ru: 'Файл не удалось принять: отправьте форму заново',
        kk: 'Файл қабылданбады: форманы қайта жіберіңіз',
      });
    }
    const pdfType = mimetype === 'application/pdf' || mimetype === 'application/octet-stream';
    if (!pdfType || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      return problem({
        field: 'file',
        rule: 'pdf_required',
        ru: 'Нужен файл PDF: этот файл не является PDF',
        kk: 'PDF файлы қажет: бұл файл PDF емес',
      });
    return bytes;
  }

  private send(res: FastifyReply, status: number, input: Omit<VerifyPageInput, 'titles' | 'maxUploadMb'>) {
    void res
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(verifyPage({ ...input, titles: this.documents.titles, maxUploadMb: MAX_UPLOAD_BYTES / 1024 / 1024 }));
  }
}
