/**
 * Reminders with two service instances on one PostgreSQL database (issue 11): both dispatchers run at once over the
 * same due reminders and every reminder goes out exactly once — the claim is a compare-and-set — and again none
 * after one instance restarts.
 */
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { startTestPostgres, type TestPostgres } from '../support/postgres';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

describe('reminders: two instances on one PostgreSQL database', () => {
  let pg: TestPostgres;
  let smtp: TestSmtp;
  let a: TestApp;
  let b: TestApp;
  const env = () => ({ DATABASE_TYPE: 'postgres', DATABASE_URL: pg.url, SMTP_URL: smtp.url });

  beforeAll(async () => {
    pg = await startTestPostgres();
    smtp = await startTestSmtp();
    a = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env: env() });
    b = await startTestApp({ now: '2026-12-01T10:00:00+05:00', env: env() });
  }, 90_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.stop();
    await pg?.stop();
  }, 30_000);

  it('30 due reminders, two dispatchers at once: each e-mail sent once; none again after a restart', async () => {
    const c = new CaseClient(a);
    const numbers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const kase = await c.open();
      numbers.push(kase.number);
      await c.send(kase.id, { type: 'case.accepted' });
      await c.send(kase.id, { type: 'invitation.sent', claimId: kase.claims[0].id }); // reminder due Wed 9 Dec
    }
    for (const t of [a, b]) t.clock.set('2026-12-09T10:00:00+05:00');
    const before = smtp.mails.length;
    await Promise.all([
      a.app.get(ReminderDispatcher).dispatch(),
      b.app.get(ReminderDispatcher).dispatch(),
      a.app.get(ReminderDispatcher).dispatch(),
      b.app.get(ReminderDispatcher).dispatch(),
    ]);
    const sent = smtp.mails.slice(before).map((m) => String(m.subject).split('№ ')[1]);
    expect(sent.sort()).toEqual([...numbers].sort());
    await b.close();
    b = await startTestApp({ now: '2026-12-10T10:00:00+05:00', env: env() });
    await b.app.get(ReminderDispatcher).dispatch();
    await a.app.get(ReminderDispatcher).dispatch();
    expect(smtp.mails.length - before).toBe(30);
  }, 120_000);
});
