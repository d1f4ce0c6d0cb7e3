import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every rendered PDF is recorded by its SHA-256, so a court clerk can check it is genuine and unchanged. */
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
}
