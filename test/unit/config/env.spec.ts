import { EnvError, loadEnv } from '../../../src/config/env';

/** A wrong setting stops the service at start with a message naming it — not a crash an hour later. */
describe('environment', () => {
  it('has working defaults: port 3000, SQLite file under data/', () => {
    expect(loadEnv({})).toMatchObject({
      PORT: 3000,
      DATABASE_TYPE: 'sqlite',
      DATABASE_PATH: 'data/mediation.sqlite',
      CHROMIUM_PATH: '/usr/bin/chromium',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ DATABASE_TYPE: 'mysql' }, /DATABASE_TYPE="mysql"/],
    [{ DATABASE_TYPE: 'postgres' }, /DATABASE_URL is required/],
    [{ FIXED_CLOCK: 'tomorrow' }, /FIXED_CLOCK="tomorrow"/],
    [{ SWEEP_INTERVAL_SECONDS: '0' }, /SWEEP_INTERVAL_SECONDS="0"/],
  ])('refuses %o', (env, message) => {
    expect(() => loadEnv(env)).toThrow(EnvError);
    expect(() => loadEnv(env)).toThrow(message);
  });
});
