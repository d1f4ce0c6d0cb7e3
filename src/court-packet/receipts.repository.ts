import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { DatabaseAccess } from '../workflow/database-access';
import type { CheckedReceipt, ReceiptType } from './receipt-file';

/** A receipt as listed (no bytes). */
export interface ReceiptInfo {
  claimId: string;
  reference: string;
  sha256: string;
  contentType: ReceiptType;
  size: number;
  pages: number;
  fileName: string | null;
  uploadedAt: string;
}

export interface StoredReceipt extends ReceiptInfo {
  content: Buffer;
}

interface ReceiptRow {
  claim_id: string;
  reference: string;
  sha256: string;
  content_type: string;
  size: number | string;
  pages: number | string;
  file_name: string | null;
  uploaded_at: string;
  content?: Buffer | Uint8Array;
}

const COLUMNS = 'claim_id, reference, sha256, content_type, size, pages, file_name, uploaded_at';

/**
 * Receipts of payments (table payment_receipts): the file kept with its SHA-256 beside the payments ledger row
 * it proves. The same file sent again for the same payment is the same receipt (no second row).
 */
@Injectable()
export class ReceiptsRepository {
  constructor(private readonly access: DatabaseAccess) {}

  /** Keeps the file for the payment `reference` of the claim; 404 when the case has no such payment. */
  async add(
    caseId: string,
    claimId: string,
    reference: string,
    file: CheckedReceipt,
    meta: { fileName: string | null; uploadedAt: string; uploadedBy: string | null },
  ): Promise<{ receipt: ReceiptInfo; created: boolean }> {
    return this.access.atomically(async (em) => {
      const payment: unknown[] = await em.query(
        this.access.sql('SELECT 1 AS one FROM payments WHERE case_id = ? AND claim_id = ? AND reference = ?'),
        [caseId, claimId, reference],
      );
      if (payment.length === 0) {
        const message = `Платёж «${reference}» по этому иску не записан: сначала запишите платёж (payment.recorded)`;
        throw new DomainError('not_found', message, {
          errors: [{ field: 'reference', rule: 'payment_not_found', message }],
        });
      }
      const existing: ReceiptRow[] = await em.query(
        this.access.sql(
          `SELECT ${COLUMNS} FROM payment_receipts WHERE case_id = ? AND claim_id = ? AND reference = ? AND sha256 = ?`,
        ),
        [caseId, claimId, reference, file.sha256],
      );
      if (existing.length) return { receipt: info(existing[0]), created: false };
      await em.query(
        this.access.sql(
          'INSERT INTO payment_receipts (case_id, claim_id, reference, sha256, content_type, size, pages, file_name, uploaded_at, uploaded_by, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        [
          caseId,
          claimId,
          reference,
          file.sha256,
          file.contentType,
          file.bytes.length,
          file.pages,
          meta.fileName,
          meta.uploadedAt,
          meta.uploadedBy,
          file.bytes,
        ],
      );
      return {
        receipt: {
          claimId,
          reference,
          sha256: file.sha256,
          contentType: file.contentType,
          size: file.bytes.length,
          pages: file.pages,
          fileName: meta.fileName,
          uploadedAt: meta.uploadedAt,
        },
        created: true,
      };
    });
  }

  /** Every receipt of the case without the bytes, in the order uploaded. */
  list(caseId: string): Promise<ReceiptInfo[]> {
    return this.access.read(async (em) => {
      const rows: ReceiptRow[] = await em.query(
        this.access.sql(`SELECT ${COLUMNS} FROM payment_receipts WHERE case_id = ? ORDER BY uploaded_at, sha256`),
        [caseId],
      );
      return rows.map(info);
    });
  }

  /** One receipt of a claim with its bytes (the workplace's link to it), or null. */
  one(caseId: string, claimId: string, sha256: string): Promise<StoredReceipt | null> {
    return this.access.read(async (em) => {
      const rows: ReceiptRow[] = await em.query(
        this.access.sql(
          `SELECT ${COLUMNS}, content FROM payment_receipts WHERE case_id = ? AND claim_id = ? AND sha256 = ? ORDER BY uploaded_at LIMIT 1`,
        ),
        [caseId, claimId, sha256],
      );
      return rows.length ? { ...info(rows[0]), content: Buffer.from(rows[0].content!) } : null;
    });
  }

  /** Every receipt of the case with its bytes (for the court's packet). */
  withContent(caseId: string): Promise<StoredReceipt[]> {
    return this.access.read(async (em) => {
      const rows: ReceiptRow[] = await em.query(
        this.access.sql(
          `SELECT ${COLUMNS}, content FROM payment_receipts WHERE case_id = ? ORDER BY uploaded_at, sha256`,
        ),
        [caseId],
      );
      return rows.map((r) => ({ ...info(r), content: Buffer.from(r.content!) }));
    });
  }
}

function info(r: ReceiptRow): ReceiptInfo {
  return {
    claimId: r.claim_id,
    reference: r.reference,
    sha256: r.sha256,
    contentType: r.content_type as ReceiptType,
    size: Number(r.size),
    pages: Number(r.pages),
    fileName: r.file_name,
    uploadedAt: r.uploaded_at,
  };
}
