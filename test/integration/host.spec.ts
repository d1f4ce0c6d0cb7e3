import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a TCP connection to host:port is accepted. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** `npm start` without HOST listens on 127.0.0.1 only: the embedded quick start is not open to the network. */
describe('HOST', () => {
  let child: ChildProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'mediation-host-'));
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to 127.0.0.1: reachable there, not on the machine’s other addresses', async () => {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: join(dir, 'h.sqlite'),
    };
    delete env.HOST;
    child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../../src/main.ts')], {
      env: { ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += String(d)));
    child.stderr?.on('data', (d) => (out += String(d)));
    const started = Date.now();
    while (!out.includes('listening on') && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`listening on http://127.0.0.1:${port}`);
    expect(await reachable('127.0.0.1', port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) expect([address, await reachable(address, port)]).toEqual([address, false]);
  }, 90_000);
});
