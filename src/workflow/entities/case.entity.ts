import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonText } from '../../database/json.transformer';
import type { CaseApplication } from '../../cases/domain/case-application';
import type { ProcedureState } from '../../../machines/snapshot';

/** One mediation case: the application as filed, and the persisted snapshot of the procedure's machines. */
@Entity('cases')
export class CaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Human case number shown on documents, e.g. «МД-2026-000001». */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ type: 'varchar', length: 16 })
  procedure: 'parole' | 'replacement';

  /** Top-level state of the case machine, kept beside the snapshot for listing and filtering. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  state: string;

  /** Lower-cased convict name and case number, for `q=` search. */
  @Column({ type: 'varchar', length: 400, name: 'search_text' })
  searchText: string;

  /** Compare-and-set: every write is `UPDATE … WHERE id = ? AND version = ?`. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 64, name: 'machine_id' })
  machineId: string;

  @Column({ type: 'integer', name: 'machine_version' })
  machineVersion: number;

  @Column({ type: 'text', transformer: jsonText })
  application: CaseApplication;

  /** The persisted snapshots of the case, claim-mediation and restitution machines. */
  @Column({ type: 'text', transformer: jsonText })
  snapshot: ProcedureState;

  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt: string;

  @Column({ type: 'varchar', length: 32, name: 'updated_at' })
  updatedAt: string;
}
