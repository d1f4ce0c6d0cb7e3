import { Injectable } from '@nestjs/common';
import { DatabaseAccess } from '../workflow/database-access';
import { IssuedDocumentEntity } from './issued-document.entity';

/** What identifies the versions of one document: a later issue of the same is a later version of it. */
export type DocumentLine = Pick<IssuedDocumentEntity, 'caseId' | 'kind' | 'claimId' | 'lang' | 'format'>;

/**
 * The record of every document issued (its SHA-256 and what it is), which the verification page reads, and the
 * bytes of every issued file (`document_files`, content-addressed), which later downloads return unchanged.
 */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(private readonly access: DatabaseAccess) {}

  /**
   * Stores an issue: its bytes and its record, in one transaction. An issue already stored under the same
   * `documentKey` (a second run of the outbox row, two downloads at once, another instance) is kept as it was:
   * the stored one is returned, and only it is ever served.
   */
  async store(record: IssuedDocumentEntity, bytes: Buffer): Promise<IssuedDocumentEntity> {
    await this.access.atomically(async (em) => {
      await em.query(
        this.access.sql(
          'INSERT INTO document_files (sha256, content, size, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        ),
        [record.sha256, bytes, bytes.length, record.issuedAt],
      );
      await em.createQueryBuilder().insert().into(IssuedDocumentEntity).values(record).orIgnore().execute();
    });
    return (await this.findByKey(record.documentKey!)) ?? record;
  }

  findByKey(documentKey: string): Promise<IssuedDocumentEntity | null> {
    return this.access.read((em) => em.findOne(IssuedDocumentEntity, { where: { documentKey } }));
  }

  findBySha256(sha256: string): Promise<IssuedDocumentEntity | null> {
    return this.access.read((em) => em.findOne(IssuedDocumentEntity, { where: { sha256 } }));
  }

  findByDocId(docId: string): Promise<IssuedDocumentEntity | null> {
    return this.access.read((em) => em.findOne(IssuedDocumentEntity, { where: { docId } }));
  }

  /** The latest issue of a document (newest case version, then newest issue), of one way of issuing it. */
  latest(line: DocumentLine, issue: 'event' | 'dated'): Promise<IssuedDocumentEntity | null> {
    return this.access.read((em) =>
      em.findOne(IssuedDocumentEntity, {
        where: { ...line, claimId: line.claimId ?? undefined, issue },
        order: { caseVersion: 'DESC', issuedAt: 'DESC' },
      }),
    );
  }

  /** Whether the case has a later issue of this document (a re-issue, a correction, a newer statement). */
  async laterVersionExists(doc: IssuedDocumentEntity): Promise<boolean> {
    if (doc.claimId === null) return false;
    const rows: unknown[] = await this.access.read((em) =>
      em.query(
        this.access.sql(
          `SELECT 1 FROM issued_documents
            WHERE case_id = ? AND kind = ? AND claim_id = ? AND lang = ? AND format = ? AND sha256 <> ?
              AND (case_version > ? OR (case_version = ? AND issued_at > ?)) LIMIT 1`,
        ),
        [
          doc.caseId,
          doc.kind,
          doc.claimId,
          doc.lang,
          doc.format,
          doc.sha256,
          doc.caseVersion,
          doc.caseVersion,
          doc.issuedAt,
        ],
      ),
    );
    return rows.length > 0;
  }

  /** The stored bytes of a file, or null when they were never kept (files issued before migration 1764800000000). */
  async bytes(sha256: string): Promise<Buffer | null> {
    const rows: { content: Buffer | Uint8Array }[] = await this.access.read((em) =>
      em.query(this.access.sql('SELECT content FROM document_files WHERE sha256 = ?'), [sha256]),
    );
    return rows.length ? Buffer.from(rows[0].content) : null;
  }
}
