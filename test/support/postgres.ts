import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/mediation */
  url: string;
  port: number;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) not found. Install them with `apt-get install -y postgresql` ' +
  '(or run `bash .ci/setup-system.sh`), or point POSTGRES_BIN_DIR at a folder holding initdb and pg_ctl.';

/** Folder with initdb/pg_ctl/createdb: POSTGRES_BIN_DIR, else the newest Debian /usr/lib/postgresql/<v>/bin, else PATH. */
export function postgresBinDir(): string {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb')))
      throw new Error(`POSTGRES_BIN_DIR=${fromEnv} has no initdb. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(INSTALL_HINT);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster for one test file: initdb into a temp dir, pg_ctl start on 127.0.0.1
 * at a free port (unix socket inside the temp dir), createdb. The server runs as the `postgres` OS user
 * when the tests run as root (PostgreSQL refuses to run as root). Every wait is bounded.
 */
export async function startTestPostgres(opts: { database?: string } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const database = opts.database ?? 'mediation';
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    try {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      throw new Error('Running as root, but there is no `postgres` OS user to run the server as. ' + INSTALL_HINT);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'mediation-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  // As root, the server tools run as `postgres`; clients (createdb) need no particular user.
  const asServer = (tool: string, args: string[], timeout: number) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout })
      : run(join(bin, tool), args, { timeout });
  const logTail = () =>
    existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '(no server log)';
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  try {
    await asServer(
      'initdb',
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      60_000,
    );
  } catch (e) {
    cleanup();
    throw new Error(`initdb failed: ${(e as { stderr?: string }).stderr ?? String(e)}`, { cause: e });
  }

  let port = 0;
  let started = false;
  let lastError = '';
  // A free port can be taken between probing and binding: try a few.
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    // Throwaway data: no fsync. Sockets only on 127.0.0.1 and in the temp dir.
    const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`;
    try {
      await asServer('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '30', '-o', serverOptions], 40_000);
      started = true;
    } catch (e) {
      lastError = `${(e as { stderr?: string }).stderr ?? String(e)}\n${logTail()}`;
    }
  }
  if (!started) {
    cleanup();
    throw new Error(`pg_ctl start failed: ${lastError}`);
  }

  const stop = async () => {
    try {
      await asServer('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '20'], 30_000);
    } finally {
      cleanup();
    }
  };
  try {
    await run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], {
      timeout: 20_000,
    });
  } catch (e) {
    await stop();
    throw new Error(`createdb failed: ${(e as { stderr?: string }).stderr ?? String(e)}`, { cause: e });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, stop };
}
