import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every issued file is recorded by its SHA-256, so a court clerk can check it is genuine and unchanged; its bytes
 * are kept in `document_files` (migration 1764800000000), and every later download of it returns them.
 */
@Entity('issued_documents')
export class IssuedDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @Index()
  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar', length: 32, name: 'case_number' })
  caseNumber: string;

  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'varchar', length: 4 })
  lang: string;

  @Column({ type: 'varchar', length: 16 })
  format: string;

  @Column({ type: 'varchar', length: 32, name: 'template_version' })
  templateVersion: string;

  @Column({ type: 'integer', name: 'machine_version' })
  machineVersion: number;

  @Column({ type: 'integer', name: 'case_version' })
  caseVersion: number;

  @Column({ type: 'varchar', length: 32, name: 'issued_at' })
  issuedAt: string;

  /** The short id printed on every page and in the QR code (`/verify/<id>`); null on files issued before it. */
  @Column({ type: 'varchar', length: 16, name: 'doc_id', nullable: true })
  docId: string | null;

  @Column({ type: 'varchar', length: 36, name: 'claim_id', nullable: true })
  claimId: string | null;

  /** `event`: frozen when the event that issues it happened; `dated`: a statement as of `asOf`. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  issue: 'event' | 'dated' | null;

  @Column({ type: 'varchar', length: 10, name: 'as_of', nullable: true })
  asOf: string | null;

  /** The date the document bears (the event's day, or the day it describes). */
  @Column({ type: 'varchar', length: 10, name: 'document_date', nullable: true })
  documentDate: string | null;

  /** The identity of one issue: case, kind, claim, language, format, case version, event or date. */
  @Column({ type: 'varchar', length: 200, name: 'document_key', nullable: true })
  documentKey: string | null;
}
