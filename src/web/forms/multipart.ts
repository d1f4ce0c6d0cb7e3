/**
 * A page's form with a file (multipart/form-data), read whole: its text fields and at most one file in memory.
 * The perimeter (src/auth/http-authentication.ts) has already read the leading `_csrf` field of a signed-in
 * browser's form and left the rest in req.multipartRest; a request with a bearer token is read from the start.
 * Limits: the route's `multipartOptions` (set with @RouteConfig) — the perimeter used the same.
 * A route taking such a form is listed in MULTIPART_ROUTES (src/bootstrap.ts): every other answers 415.
 */
import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/domain-error';

export interface UploadedFile {
  field: string;
  /** The name the browser gave (never trusted for the type). */
  fileName: string | null;
  bytes: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  /** The file, when one was chosen (a file input left empty sends an empty part without a name: none). */
  file: UploadedFile | null;
  /** What went wrong reading the form (a file over the limit, a cut-off body), at its field; the fields read so far stay. */
  problem: DomainError | null;
}

const formError = (field: string, rule: string, message: string) => DomainError.validation([{ field, rule, message }]);

/** Reads the form; a file larger than the route's limit → `problem`: `file_too_large` at its field. */
export async function readMultipartForm(req: FastifyRequest, maxFileBytes: number): Promise<MultipartForm> {
  if (!req.isMultipart())
    return {
      fields: {},
      file: null,
      problem: formError('file', 'multipart_required', 'Отправьте форму как multipart/form-data'),
    };
  const config = req.routeOptions.config as { multipartOptions?: Parameters<FastifyRequest['parts']>[0] };
  const parts = req.multipartRest ?? req.parts(config.multipartOptions);
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let problem: DomainError | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (bytes.length > maxFileBytes) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      if (bytes.length === 0 && !part.filename) continue;
      if (!file) file = { field: part.fieldname, fileName: part.filename ? part.filename.slice(0, 200) : null, bytes };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    problem =
      code === 'FST_REQ_FILE_TOO_LARGE'
        ? formError('file', 'file_too_large', `Файл больше ${Math.round(maxFileBytes / 1024 / 1024)} МБ`)
        : formError('file', 'multipart_invalid', 'Форма получена не полностью: отправьте её ещё раз');
  }
  delete fields._csrf; // the perimeter's field (a bearer request may carry one): never the form's
  return { fields, file, problem };
}
