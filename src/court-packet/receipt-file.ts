/**
 * What a receipt upload may be (issue 9 item 7): a PDF, a JPEG or a PNG, told by its first bytes (magic
 * numbers), never by the file name or the declared type; at most RECEIPT_MAX_BYTES. Pure: no framework imports.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../common/domain-error';

/** 10 MiB: a scanned A4 page at 300 dpi as JPEG is 1–3 MiB, a phone photo 2–6 MiB. */
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

export type ReceiptType = 'application/pdf' | 'image/jpeg' | 'image/png';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the bytes are, or null when they are none of the three. */
export function sniffReceiptType(bytes: Buffer): ReceiptType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  return null;
}

export interface CheckedReceipt {
  bytes: Buffer;
  sha256: string;
  contentType: ReceiptType;
  /** Pages of a PDF; 1 for an image (it is placed on one page of the packet). */
  pages: number;
}

const refuse = (rule: string, message: string) => DomainError.validation([{ field: 'file', rule, message }]);

/**
 * Checks an uploaded file as the packet will use it: its type by magic bytes, its size, and that it can be
 * placed in the packet (a PDF that opens without a password, an image pdf-lib can embed). 400 naming the rule.
 */
export async function checkReceipt(bytes: Buffer): Promise<CheckedReceipt> {
  if (bytes.length === 0) throw refuse('file_empty', 'Файл пуст');
  if (bytes.length > RECEIPT_MAX_BYTES)
    throw refuse('file_too_large', `Файл больше ${RECEIPT_MAX_BYTES / 1024 / 1024} МБ`);
  const contentType = sniffReceiptType(bytes);
  if (!contentType)
    throw refuse(
      'file_type',
      'Платёжный документ принимается только в формате PDF, JPEG или PNG (по содержимому файла)',
    );
  let pages = 1;
  try {
    const doc = await PDFDocument.create();
    if (contentType === 'application/pdf') {
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      pages = pdf.getPageCount();
      if (pages === 0) throw new Error('no pages');
    } else if (contentType === 'image/jpeg') await doc.embedJpg(bytes);
    else await doc.embedPng(bytes);
  } catch (e) {
    const encrypted = e instanceof Error && /encrypt/i.test(e.message);
    throw refuse(
      encrypted ? 'file_encrypted' : 'file_unreadable',
      encrypted
        ? 'PDF защищён паролем: загрузите копию без защиты'
        : `Файл не читается как ${contentType === 'application/pdf' ? 'PDF' : 'изображение'}: он повреждён или неполон`,
    );
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), contentType, pages };
}
