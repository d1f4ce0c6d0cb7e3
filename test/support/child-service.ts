import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { UserRole } from '../../src/auth/principal';
import { usualRoleOf } from './cast';

/** The service in its own process (test/support/server-process.ts), for tests that kill it or read its logs. */
export interface ChildService {
  process: ChildProcess;
  port: number;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** The cast's personal API tokens (the process created the cast). */
  tokens: Record<UserRole, string>;
}

export function startChildService(env: Record<string, string>): Promise<ChildService> {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'server-process.ts')],
    {
      env: { ...process.env, PORT: String(port), RATE_LIMIT_MAX: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 60 s:\n${out}`)), 60_000);
    const onExit = (code: number | null) => reject(new Error(`service exited ${code}:\n${out}`));
    child.once('exit', onExit);
    const poll = setInterval(() => {
      if (out.includes(`listening ${port}`)) {
        clearInterval(poll);
        clearTimeout(timer);
        child.off('exit', onExit);
        const tokens = JSON.parse(/^cast (.*)$/m.exec(out)?.[1] ?? '{}') as Record<UserRole, string>;
        resolve({ process: child, port, output: () => out, tokens });
      }
    }, 50);
  });
}

/**
 * The token a call is signed in with: an event as the role that usually records it, anything else as the lawyer
 * (who opens the cases).
 */
export function tokenFor(service: ChildService, path: string, body?: unknown): string {
  const type = /\/events$/.test(path) ? (body as { type?: unknown } | undefined)?.type : undefined;
  return service.tokens[type === undefined ? 'lawyer' : usualRoleOf(type)];
}

/** One HTTP call with a keep-alive agent, signed in with `token` when given; the body is parsed as JSON. */
export function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = data
      ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
      : {};
    if (token) headers.authorization = `Bearer ${token}`;
    const req = httpRequest({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(data);
  });
}
