import { hash, verify, type Options } from '@node-rs/argon2';
import type { FieldError } from '../common/domain-error';

/**
 * Password hashing: argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet): m = 19 456 KiB,
 * t = 2, p = 1 — about 50 ms on this project's 2-core machine, in libuv's thread pool (the event loop stays free).
 * The PHC string stores the parameters, so raising them later re-hashes nobody: old hashes still verify.
 */
export const ARGON2_PARAMETERS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export const ARGON2_DESCRIPTION = 'argon2id m=19456 KiB, t=2, p=1';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

/** Whether the password matches; a malformed stored hash is a mismatch, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows, verified when the login does not exist: a failed sign-in takes as long for an
 * unknown login as for a wrong password, so the answer time does not tell which logins exist.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`no such user ${Math.random()}`, ARGON2_PARAMETERS);
  return dummyHash;
}

/** The password rules: at least 12 characters, at most 256, and not the login (nor containing it). */
export function passwordProblems(password: unknown, login: string, field = 'password'): FieldError[] {
  if (typeof password !== 'string' || password.length === 0)
    return [{ field, rule: 'required', message: 'Укажите пароль' }];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [
      {
        field,
        rule: 'min_length',
        message: `Пароль слишком короткий: не меньше ${PASSWORD_MIN_LENGTH} символов`,
      },
    ];
  if (length > PASSWORD_MAX_LENGTH)
    return [
      { field, rule: 'max_length', message: `Пароль слишком длинный: не больше ${PASSWORD_MAX_LENGTH} символов` },
    ];
  const key = login.trim().toLowerCase();
  if (key.length > 0 && password.toLowerCase().includes(key))
    return [{ field, rule: 'not_login', message: 'Пароль не должен совпадать с логином или содержать его' }];
  return [];
}
