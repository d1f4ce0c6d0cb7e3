/**
 * Creates a user on the configured database (SQLite by default, PostgreSQL with DATABASE_TYPE=postgres), running
 * the migrations first — the first administrator of a fresh installation, or any role:
 *
 *   USER_PASSWORD=… npm run user:create -- --login admin --role admin --name "Иванов Иван Иванович"
 *
 * Without USER_PASSWORD the password is asked on the terminal, twice, without echo. Exit codes: 0 created,
 * 64 bad arguments, 65 refused input (the field and the rule are printed), 78 bad environment, 1 anything else.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { SystemClock } from '../common/clock';
import { DomainError, type FieldError } from '../common/domain-error';
import { EnvError, loadEnv } from '../config/env';
import { databaseOptions } from '../database/database.config';
import { DatabaseAccess } from '../workflow/database-access';

const OPTIONS: Record<string, string> = {
  '--login': 'login',
  '--role': 'role',
  '--name': 'fullNameRu',
  '--name-kk': 'fullNameKk',
  '--email': 'email',
  '--phone': 'phone',
  '--organisation-id': 'organisationId',
  '--organisation-name': 'organisationName',
  '--register-number': 'registerNumber',
  '--iin': 'iin',
};

const USAGE =
  'Usage: npm run user:create -- --login <login> --role <mediator|lawyer|court|officer|admin> --name "<ФИО>"\n' +
  '         [--name-kk "<ФИО на казахском>"] [--email …] [--phone …] [--organisation-id …] [--organisation-name …]\n' +
  '         [--register-number …] [--iin …]\n' +
  'The password comes from the environment variable USER_PASSWORD, or is asked on the terminal.';

class UsageError extends Error {}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const field = OPTIONS[flag];
    if (!field) throw new UsageError(`Неизвестный параметр: ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`Не указано значение параметра ${flag}`);
    out[field] = value;
  }
  for (const required of ['--login', '--role', '--name'])
    if (out[OPTIONS[required]] === undefined) throw new UsageError(`Не указан обязательный параметр ${required}`);
  return out;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          return reject(new UsageError('Прервано'));
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function password(): Promise<string> {
  const fromEnv = process.env.USER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError('Пароль не задан: укажите его в переменной окружения USER_PASSWORD или запустите в терминале');
  const first = await askHidden('Пароль (не меньше 12 символов): ');
  const second = await askHidden('Пароль ещё раз: ');
  if (first !== second) throw new UsageError('Пароли не совпадают');
  return first;
}

async function main(): Promise<number> {
  let fields: Record<string, string>;
  try {
    fields = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 64; // EX_USAGE
    }
    throw e;
  }
  const env = loadEnv();
  let secret: string;
  try {
    secret = await password();
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 64;
    }
    throw e;
  }
  const db = new DataSource(databaseOptions(env));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    const users = new UsersService(new DatabaseAccess(db, null), new SystemClock());
    const user = await users.create({ ...fields, password: secret }, { principal: null, address: null });
    console.log(`Создан пользователь ${user.login} (роль ${user.role}, id ${user.id})`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      const errors = (e.details.errors as FieldError[] | undefined) ?? [];
      console.error('Пользователь не создан:');
      for (const err of errors) console.error(`  ${cliName(err.field)}: ${err.message} (${err.rule})`);
      if (errors.length === 0) console.error(`  ${e.message}`);
      return 65; // EX_DATAERR
    }
    throw e;
  } finally {
    await db.destroy();
  }
}

/** The command-line name of a field (`fullNameRu` → `--name`; the password → USER_PASSWORD). */
function cliName(field: string): string {
  if (field === 'password') return 'USER_PASSWORD';
  const flag = Object.entries(OPTIONS).find(([, f]) => f === field)?.[0];
  return flag ?? field;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
