/**
 * The service as a separate process, for tests that kill it: `node -r ts-node/register/transpile-only
 * test/support/server-process.ts` with DATABASE_PATH, PORT and FIXED_CLOCK in the environment. Prints
 * "listening <port>" when ready.
 */
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap';
import { loadEnv } from '../../src/config/env';

async function main() {
  const env = loadEnv();
  const app = await createApp({ env }, { logger: false });
  await app.listen(env.PORT, '127.0.0.1');
  process.stdout.write(`listening ${env.PORT}\n`);
}

void main();
