import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonText } from '../database/json.transformer';

/**
 * A legal deadline stored as data (XState does not restore `after` timers: STYLE.md fact 1).
 * The sweeper fires it as an event once its due date has passed; `key` is unique, and the
 * pending → fired switch happens in the same transaction as the event, so it never fires twice.
 */
@Entity('deadlines')
@Index(['status', 'dueDate'])
export class DeadlineEntity {
  /** Stable key from the machines, e.g. `<claimId>:invitation:1`. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar', length: 36, name: 'claim_id', nullable: true })
  claimId: string | null;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** The event fires on this calendar date (Asia/Almaty) or later. */
  @Column({ type: 'varchar', length: 10, name: 'due_date' })
  dueDate: string;

  @Column({ type: 'text', transformer: jsonText })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16 })
  status: 'pending' | 'fired' | 'cancelled';

  @Column({ type: 'varchar', length: 32, name: 'fired_at', nullable: true })
  firedAt: string | null;
}
