import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { ReadConnection } from '../database/read-connection';
import type { AuditAction } from './audit-log';

/** One entry as the administrator reads it. */
export interface AuditItem {
  id: number;
  at: string;
  action: AuditAction;
  user: { id: string | null; name: string | null; role: string | null; login: string | null };
  caseId: string | null;
  targetUserId: string | null;
  detail: Record<string, unknown> | null;
  address: string | null;
}

/** One entry as the mediator of the case reads it: who did what to his case, when (no login, no address). */
export type CaseAuditItem = Pick<AuditItem, 'id' | 'at' | 'action' | 'caseId' | 'detail'> & {
  user: { id: string | null; name: string | null; role: string | null };
};

export interface AuditPage<T> {
  items: T[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditFilter {
  userId?: string;
  caseId?: string;
  action?: AuditAction;
  /** Instants (ISO, UTC): from inclusive, to exclusive. */
  fromAt?: string;
  toAt?: string;
  cursor?: string;
  limit: number;
}

interface Row {
  id: number | string;
  at: string;
  action: string;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  login: string | null;
  case_id: string | null;
  target_user_id: string | null;
  detail: string | null;
  address: string | null;
}

/**
 * Reads of the audit log, newest first, in keyset pages on (at, id): a page costs the same however deep, and
 * entries written meanwhile never shift the pages already read. Runs on the read connections (never in the
 * writers' queue).
 */
@Injectable()
export class AuditQueries {
  constructor(private readonly read: ReadConnection) {}

  async search(filter: AuditFilter): Promise<AuditPage<AuditItem>> {
    const rows = await this.page(filter);
    return this.paged(rows, filter.limit, toItem);
  }

  /** Everything recorded about one case (reads, downloads, events), for its mediator. */
  async ofCase(caseId: string, filter: Pick<AuditFilter, 'cursor' | 'limit'>): Promise<AuditPage<CaseAuditItem>> {
    const rows = await this.page({ caseId, cursor: filter.cursor, limit: filter.limit });
    return this.paged(rows, filter.limit, (r) => {
      const { id, at, action, user, caseId: ofCase, detail } = toItem(r);
      return { id, at, action, user: { id: user.id, name: user.name, role: user.role }, caseId: ofCase, detail };
    });
  }

  private page(filter: AuditFilter): Promise<Row[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.caseId !== undefined) {
      where.push('case_id = ?');
      params.push(filter.caseId);
    }
    if (filter.action !== undefined) {
      where.push('action = ?');
      params.push(filter.action);
    }
    if (filter.fromAt !== undefined) {
      where.push('at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.toAt !== undefined) {
      where.push('at < ?');
      params.push(filter.toAt);
    }
    if (filter.cursor !== undefined) {
      const [at, id] = decodeCursor(filter.cursor);
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(at, at, id);
    }
    params.push(filter.limit + 1);
    return this.read.query<Row>(
      `SELECT id, at, action, user_id, user_name, role, login, case_id, target_user_id, detail, address
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT ?`,
      params,
    );
  }

  private paged<T>(rows: Row[], limit: number, map: (r: Row) => T): AuditPage<T> {
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return { items: page.map(map), nextCursor: more && last ? encodeCursor(last.at, Number(last.id)) : null };
  }
}

function toItem(r: Row): AuditItem {
  return {
    id: Number(r.id),
    at: r.at,
    action: r.action as AuditAction,
    user: { id: r.user_id, name: r.user_name, role: r.role, login: r.login },
    caseId: r.case_id,
    targetUserId: r.target_user_id,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    address: r.address,
  };
}

function encodeCursor(at: string, id: number): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1]))
      return [value[0], value[1] as number];
  } catch {
    // falls through to the refusal
  }
  throw DomainError.validation([
    { field: 'cursor', rule: 'cursor', message: 'Неверный курсор: передайте nextCursor из предыдущей страницы' },
  ]);
}
