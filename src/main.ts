import 'reflect-metadata';
import { createApp } from './bootstrap';
import { EnvError, loadEnv } from './config/env';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await createApp({ env });
  // every interface, as Express did (Fastify alone would listen on localhost only)
  await app.listen(env.PORT, '0.0.0.0');
  console.log(
    `Mediation service listening on http://localhost:${env.PORT} (API docs: /api/docs, database: ${env.DATABASE_TYPE === 'sqlite' ? env.DATABASE_PATH : 'postgres'})`,
  );
}

void main();
