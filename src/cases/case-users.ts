import { Injectable } from '@nestjs/common';
import type { UserRole } from '../auth/principal';
import { ReadConnection } from '../database/read-connection';

/** A user as the cases need him: to name him on the case and its documents, and to check conflicts of interest. */
export interface CaseUser {
  id: string;
  role: UserRole;
  fullName: { kk: string | null; ru: string };
  /** Never logged. */
  iin: string | null;
  /** The court, police unit or organisation of mediators (directory entry id). */
  organisationId: string | null;
  /** A mediator's organisation of mediators, by name (the documents print it). */
  organisationName: string | null;
  /** A mediator's entry in the register of mediators. */
  registerNumber: string | null;
  phone: string | null;
  email: string | null;
  disabled: boolean;
}

/** Looks users up by id (the users table of sign-in). A port, so that the case rules can be tested without it. */
export abstract class CaseUsers {
  /** The users with these ids that exist (disabled ones included: the caller decides). */
  abstract find(ids: readonly string[]): Promise<Map<string, CaseUser>>;
}

/** The users table (migration 1764400000000), read on the read connections. */
@Injectable()
export class SqlCaseUsers extends CaseUsers {
  constructor(private readonly reads: ReadConnection) {
    super();
  }

  async find(ids: readonly string[]): Promise<Map<string, CaseUser>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, CaseUser>();
    if (unique.length === 0) return found;
    const rows = await this.reads.query<Record<string, string | null>>(
      `SELECT id, role, full_name_kk, full_name_ru, iin, organisation_id, organisation_name, register_number, phone, email, disabled_at
       FROM users WHERE id IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    for (const r of rows)
      found.set(r.id as string, {
        id: r.id as string,
        role: r.role as UserRole,
        fullName: { kk: r.full_name_kk, ru: r.full_name_ru as string },
        iin: r.iin,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        registerNumber: r.register_number,
        phone: r.phone,
        email: r.email,
        disabled: r.disabled_at !== null && r.disabled_at !== undefined,
      });
    return found;
  }
}
