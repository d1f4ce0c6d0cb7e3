/**
 * The service as a separate process, for tests that kill it: `node -r ts-node/register/transpile-only
 * test/support/server-process.ts` with DATABASE_PATH, PORT and FIXED_CLOCK in the environment. Creates the test
 * cast (test/support/cast.ts) and prints "cast <role → token JSON>", then "listening <port>" when ready.
 */
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap';
import { loadEnv } from '../../src/config/env';
import { createCast } from './cast';

async function main() {
  const env = loadEnv();
  const app = await createApp({ env }, { logger: false });
  await app.listen(env.PORT, '127.0.0.1');
  const cast = await createCast(app);
  const tokens = Object.fromEntries(Object.entries(cast).map(([role, member]) => [role, member.token]));
  process.stdout.write(`cast ${JSON.stringify(tokens)}\nlistening ${env.PORT}\n`);
}

void main();
