import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../../../src/common/domain-error';
import { checkReceipt, RECEIPT_MAX_BYTES, sniffReceiptType } from '../../../src/court-packet/receipt-file';

const refusal = async (bytes: Buffer) => {
  const e = await checkReceipt(bytes).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  return ((e as DomainError).details.errors as Array<{ field: string; rule: string }>)[0];
};

describe('a receipt file', () => {
  it('is told by its first bytes, whatever it is called', () => {
    expect(sniffReceiptType(Buffer.from('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffReceiptType(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(sniffReceiptType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffReceiptType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffReceiptType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(sniffReceiptType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // cut short
  });

  it('a PDF that opens: its pages counted, its SHA-256 taken', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addPage();
    doc.addPage();
    const bytes = Buffer.from(await doc.save());
    const checked = await checkReceipt(bytes);
    expect(checked).toMatchObject({ contentType: 'application/pdf', pages: 3 });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses, naming field and rule: empty, too large, another type, unreadable', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual(expect.objectContaining({ field: 'file', rule: 'file_empty' }));
    const big = Buffer.alloc(RECEIPT_MAX_BYTES + 1);
    big.write('%PDF-');
    expect(await refusal(big)).toEqual(expect.objectContaining({ field: 'file', rule: 'file_too_large' }));
    expect(await refusal(Buffer.from('GIF89a....'))).toEqual(expect.objectContaining({ rule: 'file_type' }));
    expect(await refusal(Buffer.from('%PDF-1.7\nnot really'))).toEqual(
      expect.objectContaining({ rule: 'file_unreadable' }),
    );
  });
});
