/**
 * The rest of the reminder rules (src/law/reminder-rules.ts), each on the working day its lead time gives: the
 * mediation term ending in 5 working days, the earliest petition date three months away, the hearing tomorrow, the
 * second miss without a good reason; an instalment reminder withdrawn by an early payment; the daily digest instead
 * of single mails; nothing to a disabled user.
 */
import type { ParsedMail } from 'mailparser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsersService } from '../../src/auth/users.service';
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { application, TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

const MEDIATOR = 'mediator@example.kz';
const LAWYER = 'lawyer@example.kz';
const OFFICER = 'officer@example.kz';

describe('reminder rules: term, petition, hearing, second miss, withdrawal, digest, disabled user', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let dir: string;
  const at = (date: string, time = '10:00') => `${date}T${time}:00+05:00`;
  const day = async (date: string, time?: string): Promise<string[]> => {
    const before = smtp.mails.length;
    t.clock.set(at(date, time));
    await t.app.get(DeadlineSweeper).sweep();
    await t.app.get(ReminderDispatcher).dispatch();
    return subjects(smtp.mails.slice(before));
  };
  const subjects = (mails: ParsedMail[]) =>
    mails.map((m) => `${[m.to].flat()[0]?.value[0].address} ${m.subject}`).sort();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    dir = mkdtempSync(join(tmpdir(), 'reminder-rules-'));
    t = await startTestApp({
      now: at('2026-12-01'),
      databasePath: join(dir, 'test.sqlite'),
      env: { SMTP_URL: smtp.url },
    });
    await t.as('lawyer').put('/api/reminders/preferences').send({ email: LAWYER }).expect(200);
    await t.as('officer').put('/api/reminders/preferences').send({ email: OFFICER }).expect(200);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mediation term ends in 5 working days', async () => {
    t.clock.set(at('2026-12-01'));
    const c = new CaseClient(t);
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted' });
    // Contract Tue 1 Dec + 30 days = Thu 31 Dec. Five working days before: 30, 29, 28, 25, 24 → Thu 24 Dec.
    await c.startNegotiation(kase.id, kase.claims[0].id, '2026-12-01');
    expect(await day('2026-12-23')).toEqual([]);
    // In the language the mediator reads the workplace in (Kazakh here).
    await t.app.get(UsersService).setLanguage(t.users.mediator.id, 'kk');
    expect(await day('2026-12-24')).toEqual([`${MEDIATOR} Медиация мерзімі аяқталып келеді — № ${kase.number}`]);
    const mail = smtp.mails[smtp.mails.length - 1];
    expect(mail.text).toContain(`№ ${kase.number} іс: медиация мерзімі 2026 ж. 31 желтоқсан аяқталады`);
    await t.app.get(UsersService).setLanguage(t.users.mediator.id, 'ru');
    expect(await day('2026-12-25')).toEqual([]);
  }, 60_000);

  it('the earliest petition date is three months away, no agreement yet → the lawyer, on the day', async () => {
    t.clock.set(at('2026-12-01'));
    const c = new CaseClient(t);
    // 6 years for a grave crime from 15 Apr 2024: half served on 15 Apr 2027 (УК 72 ч. 3 п. 2).
    const kase = await c.open({
      sentence: { ...application().sentence, startDate: '2024-04-15' },
    });
    const eligibility = (await t.as('lawyer').get(`/api/cases/${kase.id}/eligibility`).expect(200)).body;
    expect(eligibility.parole.earliestDate).toBe('2027-04-15');
    // Three months before: Fri 15 Jan 2027, a working day.
    const mine = async (date: string) => (await day(date)).filter((s) => s.includes(kase.number));
    expect(await mine('2027-01-14')).toEqual([]);
    expect(await mine('2027-01-15')).toEqual([`${LAWYER} Пора начинать медиацию — № ${kase.number}`]);
    expect(await mine('2027-01-18')).toEqual([]);
  }, 60_000);

  it('the hearing is tomorrow → the lawyer, the working day before (Friday for a Monday hearing)', async () => {
    t.clock.set(at('2027-01-18'));
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    await c.send(kase.id, { type: 'invitation.refused', claimId });
    await day('2027-01-18'); // ready for court: the lawyer's reminder of that
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'hearing.scheduled', hearingDate: '2027-02-01' }, { role: 'court' }); // a Monday
    expect(await day('2027-01-28')).toEqual([]);
    expect(await day('2027-01-29')).toEqual([`${LAWYER} Судебное заседание завтра — № ${kase.number}`]);
    expect(await day('2027-02-01')).toEqual([]);
  }, 60_000);

  it('an early payment withdraws the instalment reminder; two misses → the second-miss warning, once', async () => {
    t.clock.set(at('2026-12-01'));
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      kase.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 1_800_000 * TENGE,
        instalments: { total: 200_000 * TENGE, monthly: 50_000 * TENGE, dayOfMonth: 10, startsMonthAfterRelease: true },
      },
      '2026-12-01',
    );
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    await day('2026-12-01');
    // Instalment 1 (due Mon 11 Jan) paid on 4 Jan, before its reminder day (Tue 5 Jan): no reminder of it.
    t.clock.set(at('2027-01-04'));
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 50_000 * TENGE,
      date: '2027-01-04',
      evidence: 'bank_transfer',
      reference: 'EARLY-1',
    });
    expect((await day('2027-01-05')).filter((s) => s.includes(kase.number))).toEqual([]);
    // Instalments 2 (10 Feb) and 3 (10 Mar) not paid; reported overdue after the grace period on the day the clock
    // reaches 14 Apr (a Wednesday past both grace periods, before the fourth's): two misses without a reason.
    const mails = (await day('2027-04-14')).filter((s) => s.includes(kase.number));
    expect(mails).toEqual([
      `${LAWYER} Второй пропуск без уважительной причины — № ${kase.number}`,
      `${LAWYER} Платёж просрочен — № ${kase.number}`,
      `${LAWYER} Платёж просрочен — № ${kase.number}`,
      `${OFFICER} Второй пропуск без уважительной причины — № ${kase.number}`,
      `${OFFICER} Платёж просрочен — № ${kase.number}`,
      `${OFFICER} Платёж просрочен — № ${kase.number}`,
    ]);
    expect((await day('2027-04-15')).filter((s) => s.includes(kase.number))).toEqual([]);
  }, 90_000);

  it('daily digest: no single mail; one e-mail at 08:00 the next morning with the day’s reminders', async () => {
    await t.as('mediator').put('/api/reminders/preferences').send({ digest: true }).expect(200);
    t.clock.set(at('2027-05-03'));
    const c = new CaseClient(t);
    const first = await c.open();
    const second = await c.open();
    for (const k of [first, second]) {
      await c.send(k.id, { type: 'case.accepted' });
      await c.send(k.id, { type: 'invitation.sent', claimId: k.claims[0].id });
    }
    // Invited Mon 3 May: reply by Thu 13 May; 2 working days before → Tue 11 May (7 and 9–10 May are holidays).
    const sentOn = await day('2027-05-11');
    expect(sentOn.filter((s) => s.startsWith(MEDIATOR))).toEqual([]);
    expect(await day('2027-05-12', '07:59')).toEqual([]);
    expect(await day('2027-05-12', '08:00')).toEqual([`${MEDIATOR} Напоминания за день: 2`]);
    const digest = smtp.mails[smtp.mails.length - 1];
    expect(digest.text).toContain(first.number);
    expect(digest.text).toContain(second.number);
    expect(await day('2027-05-12', '12:00')).toEqual([]);
    await t.as('mediator').put('/api/reminders/preferences').send({ digest: false }).expect(200);
  }, 60_000);

  it('a user who no longer sees the case gets nothing', async () => {
    t.clock.set(at('2027-05-17'));
    const c = new CaseClient(t);
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, kase.claims[0].id, '2027-05-17'); // term ends 16 Jun → reminder Wed 9 Jun
    // His access is gone (as after a hand-over racing the delivery): the scope is checked again at delivery.
    const access = t.app.get(ReminderDispatcher)['access'];
    await access.atomically((em) =>
      em.query(`DELETE FROM case_access WHERE case_id = ? AND key LIKE 'mediator:%'`, [kase.id]),
    );
    expect((await day('2027-06-09')).filter((s) => s.includes(kase.number))).toEqual([]);
    const rows = await access.read((em) =>
      em.query(`SELECT status, last_error FROM reminders WHERE case_id = ? AND rule = 'term.ending'`, [kase.id]),
    );
    expect(rows).toEqual([{ status: 'skipped', last_error: 'case not in scope' }]);
  }, 60_000);

  it('a disabled user gets nothing, not even in the inbox', async () => {
    t.clock.set(at('2027-06-01'));
    const c = new CaseClient(t);
    const kase = await c.open();
    await c.send(kase.id, { type: 'case.accepted' });
    await c.startNegotiation(kase.id, kase.claims[0].id, '2027-06-01'); // term ends 1 Jul → reminder Wed 23 Jun
    await t.as('admin').post(`/api/users/${t.users.mediator.id}/disable`).expect(200);
    expect((await day('2027-06-24')).filter((s) => s.includes(kase.number))).toEqual([]);
    const rows = await t.app
      .get(ReminderDispatcher)
      ['access'].read((em) =>
        em.query(`SELECT status, inbox_at FROM reminders WHERE case_id = ? AND rule = 'term.ending'`, [kase.id]),
      );
    expect(rows).toEqual([{ status: 'skipped', inbox_at: null }]);
  }, 60_000);
});
