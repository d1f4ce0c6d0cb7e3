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
  // HOST: 127.0.0.1 (this machine only) unless set; 0.0.0.0 behind a reverse proxy (README)
  await app.listen(env.PORT, env.HOST);
  const shown = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  console.log(
    `Mediation service listening on http://${shown}:${env.PORT} (API docs: /api/docs, database: ${env.DATABASE_TYPE === 'sqlite' ? env.DATABASE_PATH : 'postgres'})`,
  );
}

void main();
