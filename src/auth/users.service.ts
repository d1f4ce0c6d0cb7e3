import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditLog, type AuditAction } from '../audit/audit-log';
import { Clock } from '../common/clock';
import { DomainError, type FieldError } from '../common/domain-error';
import { isValidIin } from '../identity/domain/iin';
import { DatabaseAccess } from '../workflow/database-access';
import { UserEntity } from './auth.entities';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { USER_ROLES, type Principal, type UserRole } from './principal';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  login: string;
  fullNameKk: string | null;
  fullNameRu: string;
  email: string | null;
  phone: string | null;
  role: UserRole;
  organisationId: string | null;
  organisationName: string | null;
  registerNumber: string | null;
  iin: string | null;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a user an administrator sets (the password separately). */
export interface UserFields {
  login: string;
  fullNameRu: string;
  fullNameKk?: string | null;
  email?: string | null;
  phone?: string | null;
  role: UserRole;
  organisationId?: string | null;
  organisationName?: string | null;
  registerNumber?: string | null;
  iin?: string | null;
}

export interface NewUser extends UserFields {
  password: string;
}

/** Who asked for a change and from where, for the audit log (null: the command line). */
export interface Requester {
  principal: Principal | null;
  address: string | null;
}

/** Someone changed a user's credentials or state: his cached sign-ins must go (the authenticator listens). */
export interface CredentialsChange {
  /** The user's sessions end (password changed or reset, account disabled)... */
  endSessions: boolean;
  /** ...but this one (the session he changed his own password from). */
  keepSessionId?: string;
}
export type CredentialsChanged = (userId: string, change: CredentialsChange) => Promise<void> | void;

const LOGIN = /^[A-Za-z0-9._@-]{3,64}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,30}$/;
const FIELD_NAMES = [
  'login',
  'fullNameRu',
  'fullNameKk',
  'email',
  'phone',
  'role',
  'organisationId',
  'organisationName',
  'registerNumber',
  'iin',
] as const;

/**
 * Accounts: created and changed by an administrator (or the `user:create` command), never deleted — a disabled
 * account keeps its name in the history. Passwords are argon2id hashes (passwords.ts).
 */
@Injectable()
export class UsersService {
  private readonly listeners: CredentialsChanged[] = [];

  constructor(
    private readonly access: DatabaseAccess,
    private readonly clock: Clock,
    @Optional() private readonly audit?: AuditLog,
  ) {}

  /** The authenticator drops cached sign-ins of a user whose password, state or role changed. */
  onCredentialsChanged(listener: CredentialsChanged): void {
    this.listeners.push(listener);
  }

  async count(): Promise<number> {
    return this.access.read((em) => em.getRepository(UserEntity).count());
  }

  async create(body: unknown, by: Requester): Promise<UserView> {
    const input = asObject(body);
    const errors = checkFields(input, 'create', [...FIELD_NAMES, 'password']);
    const login = typeof input.login === 'string' ? input.login.trim() : '';
    errors.push(...passwordProblems(input.password, login));
    if (errors.length) throw DomainError.validation(errors);
    const now = this.clock.now().toISOString();
    const user = Object.assign(new UserEntity(), {
      id: randomUUID(),
      login,
      loginKey: login.toLowerCase(),
      ...fieldValues(input, 'create'),
      passwordHash: await hashPassword(input.password as string),
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.access.atomically(async (em) => {
      await this.ensureLoginFree(em, user.loginKey);
      await em.getRepository(UserEntity).insert(user);
    });
    this.record('user.created', by, user.id);
    return view(user);
  }

  async list(): Promise<UserView[]> {
    const rows = await this.access.read((em) => em.getRepository(UserEntity).find({ order: { loginKey: 'ASC' } }));
    return rows.map(view);
  }

  async get(id: string): Promise<UserView> {
    return view(await this.mustFind(id));
  }

  /** The account with this login (any case), for signing in; null when there is none. */
  findByLogin(login: string): Promise<UserEntity | null> {
    return this.access.read((em) => em.getRepository(UserEntity).findOneBy({ loginKey: login.trim().toLowerCase() }));
  }

  findById(id: string): Promise<UserEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.access.read((em) => em.getRepository(UserEntity).findOneBy({ id }));
  }

  /** An administrator changes a user's fields (a login change keeps it unique). */
  async update(id: string, body: unknown, by: Requester): Promise<UserView> {
    const input = asObject(body);
    const errors = checkFields(input, 'update', FIELD_NAMES);
    if (errors.length) throw DomainError.validation(errors);
    const changes = fieldValues(input, 'update');
    const updated = await this.access.atomically(async (em) => {
      const repo = em.getRepository(UserEntity);
      const user = await repo.findOneBy({ id });
      if (!user) throw DomainError.notFound('Пользователь', id);
      const next = Object.assign(new UserEntity(), user, changes, { updatedAt: this.clock.now().toISOString() });
      if (typeof input.login === 'string') {
        next.login = input.login.trim();
        next.loginKey = next.login.toLowerCase();
        if (next.loginKey !== user.loginKey) await this.ensureLoginFree(em, next.loginKey);
      }
      const roleProblems = roleRequirements(next);
      if (roleProblems.length) throw DomainError.validation(roleProblems);
      await repo.update({ id }, { ...changes, login: next.login, loginKey: next.loginKey, updatedAt: next.updatedAt });
      return next;
    });
    await this.changed(id, { endSessions: false }); // role, organisation or name: the cached principal is stale
    this.record('user.changed', by, id, { fields: Object.keys(changes).sort().join(',') });
    return view(updated);
  }

  /** The language a user chose for the workplace: remembered for his next sign-in, on any browser. */
  async setLanguage(id: string, language: 'kk' | 'ru' | 'en'): Promise<void> {
    await this.access.atomically((em) =>
      em.getRepository(UserEntity).update({ id }, { language, updatedAt: this.clock.now().toISOString() }),
    );
    await this.changed(id, { endSessions: false }); // the cached principal carries the language
  }

  async disable(id: string, by: Requester): Promise<UserView> {
    if (by.principal?.userId === id)
      throw DomainError.rule('id', 'not_self', 'Нельзя отключить собственную учётную запись');
    const user = await this.setDisabled(id, this.clock.now().toISOString());
    await this.changed(id, { endSessions: true });
    this.record('user.disabled', by, id);
    return user;
  }

  async enable(id: string, by: Requester): Promise<UserView> {
    const user = await this.setDisabled(id, null);
    await this.changed(id, { endSessions: false });
    this.record('user.enabled', by, id);
    return user;
  }

  /** An administrator sets a new password: every session of the user ends. */
  async resetPassword(id: string, body: unknown, by: Requester): Promise<void> {
    const input = asObject(body);
    const user = await this.mustFind(id);
    const errors = [...unknownFields(input, ['password']), ...passwordProblems(input.password, user.login)];
    if (errors.length) throw DomainError.validation(errors);
    await this.storePassword(id, input.password as string);
    await this.changed(id, { endSessions: true });
    this.record('user.password_reset', by, id);
  }

  /** A user changes his own password with the current one: his other sessions end, this one stays. */
  async changeOwnPassword(principal: Principal, body: unknown, address: string | null): Promise<void> {
    const input = asObject(body);
    const user = await this.mustFind(principal.userId);
    const errors = unknownFields(input, ['currentPassword', 'newPassword']);
    if (typeof input.currentPassword !== 'string' || input.currentPassword === '')
      errors.push({ field: 'currentPassword', rule: 'required', message: 'Укажите действующий пароль' });
    errors.push(...passwordProblems(input.newPassword, user.login, 'newPassword'));
    if (errors.length) throw DomainError.validation(errors);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword as string)))
      throw DomainError.rule('currentPassword', 'wrong_password', 'Действующий пароль указан неверно');
    if (input.newPassword === input.currentPassword)
      throw DomainError.rule('newPassword', 'unchanged', 'Новый пароль совпадает с действующим');
    await this.storePassword(user.id, input.newPassword as string);
    await this.changed(user.id, {
      endSessions: true,
      keepSessionId: principal.via === 'session' ? principal.credentialId : undefined,
    });
    this.record('user.password_changed', { principal, address }, user.id);
  }

  private async storePassword(id: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.access.atomically((em) =>
      em.getRepository(UserEntity).update({ id }, { passwordHash, updatedAt: this.clock.now().toISOString() }),
    );
  }

  private async setDisabled(id: string, disabledAt: string | null): Promise<UserView> {
    return this.access.atomically(async (em) => {
      const repo = em.getRepository(UserEntity);
      const user = await repo.findOneBy({ id });
      if (!user) throw DomainError.notFound('Пользователь', id);
      user.disabledAt = disabledAt;
      user.updatedAt = this.clock.now().toISOString();
      await repo.update({ id }, { disabledAt, updatedAt: user.updatedAt });
      return view(user);
    });
  }

  private async changed(userId: string, change: CredentialsChange): Promise<void> {
    for (const listener of this.listeners) await listener(userId, change);
  }

  private async mustFind(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw DomainError.notFound('Пользователь', id);
    return user;
  }

  private async ensureLoginFree(em: EntityManager, loginKey: string): Promise<void> {
    if (await em.getRepository(UserEntity).existsBy({ loginKey }))
      throw DomainError.validation([{ field: 'login', rule: 'unique', message: 'Такой логин уже занят' }]);
  }

  private record(action: AuditAction, by: Requester, targetUserId: string, detail?: Record<string, string>): void {
    recordAudit(this.audit, {
      action,
      userId: by.principal?.userId ?? null,
      login: by.principal?.login ?? null,
      targetUserId,
      detail: { ...detail, ...(by.principal ? {} : { via: 'command line' }) },
      address: by.address,
    });
  }
}

/** The audit port never throws into a request; a synchronous throw or a rejection is swallowed here as well. */
export function recordAudit(audit: AuditLog | undefined, entry: Parameters<AuditLog['record']>[0]): void {
  if (!audit) return;
  try {
    void Promise.resolve(audit.record(entry)).catch(() => undefined);
  } catch {
    // the audit module logs its own failures
  }
}

export function view(u: UserEntity): UserView {
  return {
    id: u.id,
    login: u.login,
    fullNameKk: u.fullNameKk,
    fullNameRu: u.fullNameRu,
    email: u.email,
    phone: u.phone,
    role: u.role as UserRole,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    registerNumber: u.registerNumber,
    iin: u.iin,
    disabled: u.disabledAt !== null,
    disabledAt: u.disabledAt,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', rule: 'unknownValue', message: 'Ожидается объект JSON' }]);
  return body as Record<string, unknown>;
}

function unknownFields(input: Record<string, unknown>, allowed: readonly string[]): FieldError[] {
  return Object.keys(input)
    .filter((k) => !allowed.includes(k))
    .map((field) => ({ field, rule: 'unknown_field', message: 'Неизвестное поле: такого поля нет в этом запросе' }));
}

/** Checks every field present (and, on create, the required ones): each problem names its field and rule. */
function checkFields(
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  allowed: readonly string[],
): FieldError[] {
  const errors = unknownFields(input, allowed);
  const has = (k: string) => input[k] !== undefined;
  const text = (field: string, max: number, required: boolean, pattern?: RegExp, patternError?: FieldError) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (required && (mode === 'create' || value !== undefined))
        errors.push({ field, rule: 'required', message: 'Поле обязательно' });
      return;
    }
    if (typeof value !== 'string') return errors.push({ field, rule: 'isString', message: 'Ожидается строка' });
    const trimmed = value.trim();
    if (required && trimmed === '') return errors.push({ field, rule: 'required', message: 'Поле обязательно' });
    if (trimmed.length > max)
      return errors.push({ field, rule: 'max_length', message: `Слишком длинное значение: не больше ${max} символов` });
    if (pattern && !pattern.test(trimmed) && patternError) errors.push(patternError);
  };
  text('login', 64, true, LOGIN, {
    field: 'login',
    rule: 'pattern',
    message: 'Логин: от 3 до 64 латинских букв, цифр и знаков . _ @ -',
  });
  text('fullNameRu', 200, true);
  text('fullNameKk', 200, false);
  text('email', 254, false, EMAIL, {
    field: 'email',
    rule: 'isEmail',
    message: 'Неверный адрес электронной почты (пример: name@example.kz)',
  });
  text('phone', 32, false, PHONE, {
    field: 'phone',
    rule: 'pattern',
    message: 'Неверный номер телефона (пример: +7 701 123 45 67)',
  });
  text('organisationId', 64, false);
  text('organisationName', 300, false);
  text('registerNumber', 64, false);
  if (mode === 'create' || has('role')) {
    if (!USER_ROLES.includes(input.role as UserRole))
      errors.push({
        field: 'role',
        rule: 'isIn',
        message: `Недопустимая роль: допустимы ${USER_ROLES.join(', ')}`,
      });
  }
  if (has('iin') && input.iin !== null && input.iin !== '') {
    if (typeof input.iin !== 'string' || !isValidIin(input.iin.trim()))
      errors.push({ field: 'iin', rule: 'iin_checksum', message: 'Неверный ИИН: 12 цифр с верной контрольной цифрой' });
  }
  if (mode === 'create' && errors.length === 0) {
    errors.push(...roleRequirements(fieldValues(input, 'create') as Pick<UserEntity, 'role' | 'organisationId'>));
  }
  return errors;
}

/** What a role needs: a court or police unit to scope cases by; a mediator's register entry. */
function roleRequirements(u: Pick<UserEntity, 'role' | 'organisationId'> & { registerNumber?: string | null }) {
  const errors: FieldError[] = [];
  if ((u.role === 'court' || u.role === 'officer') && !u.organisationId)
    errors.push({
      field: 'organisationId',
      rule: 'required_for_role',
      message:
        u.role === 'court'
          ? 'Для суда укажите суд (идентификатор из справочника): по нему видны дела'
          : 'Для сотрудника укажите подразделение полиции (идентификатор из справочника): по нему видны дела',
    });
  if (u.role === 'mediator' && !u.registerNumber)
    errors.push({
      field: 'registerNumber',
      rule: 'required_for_role',
      message: 'Для медиатора укажите номер записи в реестре медиаторов',
    });
  return errors;
}

/** The columns set from the input (trimmed; '' and null clear an optional field). */
function fieldValues(input: Record<string, unknown>, mode: 'create' | 'update'): Partial<UserEntity> {
  const out: Partial<UserEntity> = {};
  const optional = (k: keyof UserEntity & (typeof FIELD_NAMES)[number]) => {
    if (input[k] === undefined) {
      if (mode === 'create') (out as Record<string, unknown>)[k] = null;
      return;
    }
    const v = typeof input[k] === 'string' ? input[k].trim() : null;
    (out as Record<string, unknown>)[k] = v === '' ? null : v;
  };
  if (typeof input.fullNameRu === 'string') out.fullNameRu = input.fullNameRu.trim();
  if (input.role !== undefined) out.role = input.role as UserRole;
  for (const k of [
    'fullNameKk',
    'email',
    'phone',
    'organisationId',
    'organisationName',
    'registerNumber',
    'iin',
  ] as const)
    optional(k);
  return out;
}
