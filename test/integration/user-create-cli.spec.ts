import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp } from '../support/app';

const ROOT = join(__dirname, '..', '..');

/** `npm run user:create -- …` runs dist/src/cli/user-create.js; the test runs its source the same way. */
function userCreate(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/user-create.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', USER_PASSWORD: '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run user:create', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-cli-'));
  const databasePath = join(dir, 'cli.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator on a fresh database (migrated first), password from USER_PASSWORD', async () => {
    const password = 'пароль первого администратора';
    const created = userCreate(
      ['--login', 'Admin', '--role', 'admin', '--name', 'Иванов Иван Иванович', '--email', 'admin@example.kz'],
      { DATABASE_PATH: databasePath, USER_PASSWORD: password },
    );
    expect(created).toEqual({
      code: 0,
      out: expect.stringMatching(/^Создан пользователь Admin \(роль admin, id [0-9a-f-]{36}\)\n$/),
    });
    expect(created.out).not.toContain(password);

    const t = await startTestApp({ databasePath });
    try {
      const login = await request(t.http).post('/api/auth/login').send({ login: 'admin', password }).expect(200);
      expect(login.body.user).toMatchObject({ login: 'Admin', role: 'admin', fullNameRu: 'Иванов Иван Иванович' });
    } finally {
      await t.close();
    }
    // the same login again, in another case: refused naming the option
    const again = userCreate(['--login', 'ADMIN', '--role', 'admin', '--name', 'Другой'], {
      DATABASE_PATH: databasePath,
      USER_PASSWORD: password,
    });
    expect(again.code).toBe(65);
    expect(again.out).toContain('--login: Такой логин уже занят (unique)');
  });

  it('refuses a weak password, an unknown role and a court without its court, naming each (exit 65)', () => {
    const env = { DATABASE_PATH: databasePath };
    const weak = userCreate(['--login', 'lawyer1', '--role', 'lawyer', '--name', 'Юрист'], {
      ...env,
      USER_PASSWORD: 'короткий',
    });
    expect(weak.code).toBe(65);
    expect(weak.out).toContain('USER_PASSWORD: Пароль слишком короткий');
    expect(weak.out).not.toContain('короткий\n');
    const asLogin = userCreate(['--login', 'lawyer1', '--role', 'lawyer', '--name', 'Юрист'], {
      ...env,
      USER_PASSWORD: 'LAWYER1-пароль-2026',
    });
    expect(asLogin).toMatchObject({ code: 65, out: expect.stringContaining('(not_login)') });
    const role = userCreate(['--login', 'judge1', '--role', 'judge', '--name', 'Судья'], {
      ...env,
      USER_PASSWORD: 'пароль судьи 2026',
    });
    expect(role).toMatchObject({ code: 65, out: expect.stringContaining('--role: Недопустимая роль') });
    const court = userCreate(['--login', 'clerk1', '--role', 'court', '--name', 'Секретарь'], {
      ...env,
      USER_PASSWORD: 'пароль секретаря 2026',
    });
    expect(court).toMatchObject({ code: 65, out: expect.stringContaining('--organisation-id:') });
    const ok = userCreate(
      ['--login', 'clerk1', '--role', 'court', '--name', 'Секретарь', '--organisation-id', 'court-ukg-city'],
      { ...env, USER_PASSWORD: 'пароль секретаря 2026' },
    );
    expect(ok.code).toBe(0);
  });

  it('explains its usage on missing options, and a missing password without a terminal (exit 64)', () => {
    const env = { DATABASE_PATH: databasePath };
    const missing = userCreate(['--login', 'x1'], { ...env, USER_PASSWORD: 'достаточно длинный' });
    expect(missing).toMatchObject({ code: 64, out: expect.stringContaining('Не указан обязательный параметр --role') });
    expect(missing.out).toContain('Usage: npm run user:create');
    const unknown = userCreate(['--login', 'x1', '--role', 'admin', '--name', 'X', '--pasword', 'p'], env);
    expect(unknown).toMatchObject({ code: 64, out: expect.stringContaining('Неизвестный параметр: --pasword') });
    const noPassword = userCreate(['--login', 'x1', '--role', 'admin', '--name', 'X'], env);
    expect(noPassword).toMatchObject({ code: 64, out: expect.stringContaining('USER_PASSWORD') });
  });
});
