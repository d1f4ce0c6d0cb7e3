import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Mediation session notes (Law on Mediation art. 8: confidential). Kept apart from the history so that
 * no listing, log or document can pick them up by accident; only the mediator's notes endpoint reads them.
 */
@Entity('confidential_notes')
export class ConfidentialNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar', length: 36, name: 'claim_id', nullable: true })
  claimId: string | null;

  @Column({ type: 'text' })
  notes: string;

  /** The mediator who wrote them: the only one who reads them back (null: written before accounts existed). */
  @Column({ type: 'varchar', length: 36, name: 'author_user_id', nullable: true })
  authorUserId: string | null;

  @Column({ type: 'varchar', length: 32, name: 'recorded_at' })
  recordedAt: string;
}
