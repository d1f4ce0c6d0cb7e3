import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { call, startChildService } from '../support/child-service';

/** `node src/main.ts` as an operator starts it: its exit code and everything it printed. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '../../src/main.ts')],
    {
      env: { ...process.env, PORT: String(30000 + Math.floor(Math.random() * 20000)), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/**
 * One service process per SQLite file: a second one would answer from its row cache while the first
 * writes (stale cases). It is refused at start-up with a message naming the running one; a holder that
 * died (SIGKILL) does not block the next start.
 */
describe('a second service process on the same SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-writer-'));
  const databasePath = join(dir, 'cases.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATABASE_PATH: databasePath, FIXED_CLOCK: '2026-12-01T10:00:00+05:00', LOG_LEVEL: 'silent' };

  it('is refused with a clear message while the first runs, and starts once the first is killed', async () => {
    const first = await startChildService(env);
    try {
      const second = await runMain({ ...env, LOG_LEVEL: 'info' });
      expect(second.code).not.toBe(0);
      expect(second.output).toContain(
        `The SQLite database ${databasePath} is already used by another running instance of the service (PID ${first.process.pid}`,
      );
      expect(second.output).toContain('PostgreSQL');
      const agent = new Agent({ keepAlive: false });
      expect((await call(agent, first.port, 'GET', '/health')).status).toBe(200); // the first one is unharmed
    } finally {
      first.process.kill('SIGKILL');
      await new Promise((r) => first.process.once('exit', r));
    }
    const next = await startChildService(env); // the dead holder's lock went with it
    try {
      expect((await call(new Agent(), next.port, 'GET', '/health')).status).toBe(200);
    } finally {
      next.process.kill('SIGTERM');
      await new Promise((r) => next.process.once('exit', r));
    }
  }, 120_000);
});
