import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from '../../database/json.transformer';

/**
 * Append-only history: who sent which event when, with its payload, the state before and after.
 * Enough to rebuild any case by replaying the events from the application (tested).
 * Confidential notes are not here: they live in confidential_notes and the payload keeps only a reference.
 */
@Entity('case_events')
@Index(['caseId', 'seq'], { unique: true })
export class CaseEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId: string;

  /** The case version this event produced (1 = the application itself). */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'varchar', length: 36, name: 'claim_id', nullable: true })
  claimId: string | null;

  @Column({ type: 'varchar', length: 16, name: 'actor_role' })
  actorRole: string;

  @Column({ type: 'varchar', length: 200, name: 'actor_name', nullable: true })
  actorName: string | null;

  /** The signed-in user who recorded the event (null: the deadline service, or recorded before sign-in existed). */
  @Column({ type: 'varchar', length: 36, name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  /** Calendar date of the event in Asia/Almaty, as the machines saw it. */
  @Column({ type: 'varchar', length: 10, name: 'event_date' })
  eventDate: string;

  /** Instant the event was recorded (ISO, UTC). */
  @Column({ type: 'varchar', length: 32, name: 'recorded_at' })
  recordedAt: string;

  @Column({ type: 'text', transformer: jsonText })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 200, name: 'state_before', nullable: true })
  stateBefore: string | null;

  @Column({ type: 'varchar', length: 200, name: 'state_after' })
  stateAfter: string;
}
