import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from '../../database/json.transformer';

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * An effect a machine emitted, to be executed after the event's commit (migration 1764100000000).
 * Written in the same transaction as the event, so an effect exists exactly when its event does.
 * Times are wall-clock instants (ISO, UTC): retries are operational, not legal, time.
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar', length: 64, name: 'effect_type' })
  effectType: string;

  @Column({ type: 'text', transformer: jsonText })
  params: unknown;

  @Column({ type: 'varchar', length: 120, name: 'idempotency_key', unique: true })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'varchar', length: 32, name: 'available_at' })
  availableAt: string;

  @Column({ type: 'varchar', length: 64, name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'varchar', length: 32, name: 'claimed_at', nullable: true })
  claimedAt: string | null;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, name: 'processed_at', nullable: true })
  processedAt: string | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;
}
