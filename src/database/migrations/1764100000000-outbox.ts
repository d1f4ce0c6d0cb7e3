import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The outbox: effects the machines emit (documents to freeze, reminders to send), written in the same
 * transaction as the event that emitted them and executed by handlers after commit (OutboxDispatcher).
 */
export class Outbox1764100000000 implements MigrationInterface {
  name = 'Outbox1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'effect_type', type: 'varchar', length: '64' },
          { name: 'params', type: 'text' },
          // `<case id>:<case version that emitted it>:<index>`: handlers pass it on to whatever they call.
          { name: 'idempotency_key', type: 'varchar', length: '120', isUnique: true },
          { name: 'status', type: 'varchar', length: '16' }, // pending | running | done | failed
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'available_at', type: 'varchar', length: '32' }, // not tried again before this instant
          { name: 'claimed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'claimed_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'processed_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex(
      'outbox',
      new TableIndex({ name: 'IDX_outbox_status_available', columnNames: ['status', 'available_at'] }),
    );
    await q.createIndex('outbox', new TableIndex({ name: 'IDX_outbox_case', columnNames: ['case_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox');
  }
}
