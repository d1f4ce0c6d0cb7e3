import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Cases with their machine snapshots, the append-only history, deadlines, confidential notes, issued documents. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'number', type: 'varchar', length: '32', isUnique: true },
          { name: 'procedure', type: 'varchar', length: '16' },
          { name: 'state', type: 'varchar', length: '64' },
          { name: 'search_text', type: 'varchar', length: '400' },
          { name: 'version', type: 'integer' },
          { name: 'machine_id', type: 'varchar', length: '64' },
          { name: 'machine_version', type: 'integer' },
          { name: 'application', type: 'text' },
          { name: 'snapshot', type: 'text' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createIndex('cases', new TableIndex({ name: 'IDX_cases_state', columnNames: ['state'] }));

    await q.createTable(
      new Table({
        name: 'case_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'claim_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '16' },
          { name: 'actor_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'event_date', type: 'varchar', length: '10' },
          { name: 'recorded_at', type: 'varchar', length: '32' },
          { name: 'payload', type: 'text' },
          { name: 'state_before', type: 'varchar', length: '200', isNullable: true },
          { name: 'state_after', type: 'varchar', length: '200' },
        ],
        foreignKeys: [{ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex(
      'case_events',
      new TableIndex({ name: 'IDX_case_events_case_seq', columnNames: ['case_id', 'seq'], isUnique: true }),
    );

    await q.createTable(
      new Table({
        name: 'deadlines',
        columns: [
          { name: 'key', type: 'varchar', length: '120', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'claim_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'due_date', type: 'varchar', length: '10' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'fired_at', type: 'varchar', length: '32', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex(
      'deadlines',
      new TableIndex({ name: 'IDX_deadlines_status_due', columnNames: ['status', 'due_date'] }),
    );
    await q.createIndex('deadlines', new TableIndex({ name: 'IDX_deadlines_case', columnNames: ['case_id'] }));

    await q.createTable(
      new Table({
        name: 'confidential_notes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'claim_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'notes', type: 'text' },
          { name: 'recorded_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [{ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'issued_documents',
        columns: [
          { name: 'sha256', type: 'varchar', length: '64', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'case_number', type: 'varchar', length: '32' },
          { name: 'kind', type: 'varchar', length: '48' },
          { name: 'lang', type: 'varchar', length: '4' },
          { name: 'format', type: 'varchar', length: '16' },
          { name: 'template_version', type: 'varchar', length: '32' },
          { name: 'machine_version', type: 'integer' },
          { name: 'case_version', type: 'integer' },
          { name: 'issued_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [{ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex(
      'issued_documents',
      new TableIndex({ name: 'IDX_issued_documents_case', columnNames: ['case_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['issued_documents', 'confidential_notes', 'deadlines', 'case_events', 'cases'])
      await q.dropTable(t);
  }
}
