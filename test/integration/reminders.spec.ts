/**
 * Reminders that reach people (issue 11), end to end through the HTTP API, the sweeper, the dispatcher and a real
 * SMTP server started here: each rule fires once, on the working day its lead time gives (Kazakhstan calendar),
 * under a fixed clock moved day by day and across restarts on the same database file; nothing after its cause is
 * gone; SMTP down → retried, nothing lost, visible to the administrator; no ИИН, address, victim's name or note in
 * any e-mail.
 */
import type { ParsedMail } from 'mailparser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { application, IIN, TENGE, victimClaim } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

const MEDIATOR = 'mediator@example.kz'; // the cast's mediator has it on his account
const LAWYER = 'lawyer@example.kz';
const OFFICER = 'officer@example.kz';
const VICTIM = 'victim@example.kz';

describe('reminders: rules, delivery once, restarts, withdrawal, SMTP down', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let dbPath: string;
  let dir: string;

  const at = (date: string) => `${date}T10:00:00+05:00`;
  const start = async (date: string, databasePath?: string) =>
    startTestApp({ now: at(date), databasePath, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://med.example.kz' } });
  /** Moves the clock, sweeps the deadlines due, delivers what is due; returns the mails that went out meanwhile. */
  const day = async (date: string): Promise<ParsedMail[]> => {
    const before = smtp.mails.length;
    t.clock.set(at(date));
    await t.app.get(DeadlineSweeper).sweep();
    await t.app.get(ReminderDispatcher).dispatch();
    return smtp.mails.slice(before);
  };
  const subjects = (mails: ParsedMail[]) =>
    mails.map((m) => `${[m.to].flat()[0]?.value[0].address} ${m.subject}`).sort();
  const restart = async (date: string) => {
    await t.close();
    t = await start(date, dbPath);
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    dbPath = join(dir, 'test.sqlite'); // a file of our own: restarts reopen it
    t = await start('2026-12-01', dbPath);
    for (const [role, email] of [
      ['lawyer', LAWYER],
      ['officer', OFFICER],
    ] as const)
      await t.as(role).put('/api/reminders/preferences').send({ email }).expect(200);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('malformed e-mail → 400 naming the field', async () => {
    const res = await t.as('lawyer').put('/api/reminders/preferences').send({ email: 'not an address' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('"field":"email"');
    const victim = await t
      .as('lawyer')
      .post('/api/cases')
      .send({
        ...application({ mediatorUserId: t.users.mediator.id }),
        claims: [
          victimClaim({
            victim: { type: 'person', fullName: 'X Y', iin: IIN.victim1, email: 'broken@', paymentNotices: true },
          }),
        ],
      })
      .expect(400);
    expect(JSON.stringify(victim.body)).toContain('claims[0].victim.email');
  });

  it('mediator: reply window ends in 2 working days, once — across a restart; lapsed, on the next working day', async () => {
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    // Invited on Tue 1 Dec: reply by Fri 11 Dec (10 days); 2 working days before → Wed 9 Dec.
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    expect(await day('2026-12-08')).toEqual([]);
    const mails = await day('2026-12-09');
    expect(subjects(mails)).toEqual([`${MEDIATOR} Срок ответа на приглашение истекает — № ${kase.number}`]);
    const mail = mails[0];
    expect(mail.text).toContain(`https://med.example.kz/cases/${kase.id}`);
    expect(mail.text).toContain('11 декабря 2026');
    for (const secret of [IIN.victim1, IIN.convict, 'Ахметова', 'Абая', 'Серіков'])
      expect(mail.text).not.toContain(secret);
    expect(await day('2026-12-09')).toEqual([]);
    await restart('2026-12-10');
    expect(await day('2026-12-10')).toEqual([]);
    // The window lapses: the sweeper fires invitation.expired on Sat 12 Dec; the reminders wait for Mon 14 Dec —
    // the mediator's, and the lawyer's: silence is an outcome, the only claim has one, the case is ready for court.
    expect(await day('2026-12-12')).toEqual([]);
    const lapsed = await day('2026-12-14');
    expect(subjects(lapsed)).toEqual([
      `${LAWYER} Дело готово к подаче в суд — № ${kase.number}`,
      `${MEDIATOR} Срок ответа истёк — № ${kase.number}`,
    ]);
    await restart('2026-12-15');
    expect(await day('2026-12-15')).toEqual([]);
    // In the inbox too (always on), in the reader's language.
    const inbox = (await t.as('mediator').get('/api/inbox').expect(200)).body;
    const mine = inbox.items.filter((i: { caseId: string }) => i.caseId === kase.id);
    expect(mine.map((i: { rule: string }) => i.rule).sort()).toEqual(['reply.ending', 'reply.lapsed']);
  }, 60_000);

  it('none after its cause is gone: the victim replied before the reminder day', async () => {
    t.clock.set(at('2026-12-15'));
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    // Invited Tue 15 Dec: reply by Fri 25 Dec; reminder due Wed 23 Dec. The victim accepts on the 22nd.
    await c.send(kase.id, { type: 'invitation.sent', claimId });
    await day('2026-12-22');
    await c.send(kase.id, { type: 'invitation.accepted', claimId });
    expect(subjects(await day('2026-12-23'))).toEqual([]);
    expect(subjects(await day('2026-12-28'))).toEqual([]);
  }, 60_000);

  it('lawyer and officer: instalment due in 3 working days, overdue after the grace period; withdrawn by the payment; victim notice', async () => {
    t.clock.set(at('2026-12-01'));
    let c = new CaseClient(t);
    const kase = await c.open({
      claims: [
        victimClaim({
          victim: {
            type: 'person',
            fullName: 'Ахметова Гүлнар Серікқызы',
            iin: IIN.victim1,
            address: 'г. Усть-Каменогорск, ул. Абая, 1',
            email: VICTIM,
            paymentNotices: true,
          },
        }),
      ],
    });
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
    // Ready for court: to the lawyer, the same day.
    const ready = await day('2026-12-01');
    expect(subjects(ready).filter((s) => s.includes(kase.number))).toEqual([
      `${LAWYER} Дело готово к подаче в суд — № ${kase.number}`,
    ]);
    await c.send(kase.id, { type: 'petition.filed' });
    await c.send(kase.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await c.send(kase.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    // First instalment: 10 Jan 2027 is a Sunday → due Mon 11 Jan. Three working days before: Fri 8, (Thu 7 is
    // Orthodox Christmas, a holiday), Wed 6, Tue 5 → sent on Tue 5 Jan, to the officer and the lawyer.
    expect(subjects(await day('2027-01-04')).filter((s) => s.includes(kase.number))).toEqual([]);
    await restart('2027-01-05');
    c = new CaseClient(t);
    expect(subjects(await day('2027-01-05'))).toEqual([
      `${LAWYER} Скоро платёж по графику — № ${kase.number}`,
      `${OFFICER} Скоро платёж по графику — № ${kase.number}`,
    ]);
    // Paid on time: the victim is told (kk and ru, no names), and the next instalment's reminder is planned.
    t.clock.set(at('2027-01-08'));
    await c.send(kase.id, {
      type: 'payment.recorded',
      claimId,
      amount: 50_000 * TENGE,
      date: '2027-01-08',
      evidence: 'bank_transfer',
      reference: 'PP-1',
    });
    const notice = await day('2027-01-08');
    expect(subjects(notice)).toEqual([
      `${VICTIM} Төлем тіркелді — № ${kase.number} / Платёж записан — № ${kase.number}`,
    ]);
    expect(notice[0].text).toMatch(/50\s000,00/);
    for (const secret of [IIN.victim1, 'Ахметова', 'Абая']) expect(notice[0].text).not.toContain(secret);
    // Second instalment: Wed 10 Feb 2027; three working days before → Fri 5 Feb. Not paid: overdue after 30 days of
    // grace (the sweeper reports the miss), to both.
    expect(subjects(await day('2027-02-05'))).toEqual([
      `${LAWYER} Скоро платёж по графику — № ${kase.number}`,
      `${OFFICER} Скоро платёж по графику — № ${kase.number}`,
    ]);
    // Due Wed 10 Feb + 30 days of grace: the last day of grace is Fri 12 Mar, overdue from Sat 13 Mar (the sweeper
    // reports the miss that day); Mon 15 Mar is Constitution Day → the reminder on Tue 16 Mar.
    expect(await day('2027-03-12')).toEqual([]);
    expect(await day('2027-03-13')).toEqual([]);
    expect(await day('2027-03-15')).toEqual([]);
    const overdue = await day('2027-03-16');
    expect(subjects(overdue)).toEqual([
      `${LAWYER} Платёж просрочен — № ${kase.number}`,
      `${OFFICER} Платёж просрочен — № ${kase.number}`,
    ]);
    // The third instalment (10 Mar) had its reminder due on 5 Mar, but the clock jumped over that week: a warning
    // whose date has passed is not sent late (it expired).
    expect(await day('2027-03-17')).toEqual([]);
  }, 90_000);

  it('SMTP down → retried with backoff, nothing lost, visible to the administrator; delivered once it is back', async () => {
    const dispatcher = t.app.get(ReminderDispatcher);
    dispatcher.settings.retryBaseMs = 1;
    dispatcher.settings.retryMaxMs = 5;
    t.clock.set(at('2027-04-01'));
    const c = new CaseClient(t);
    const kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId }); // reply by 12 Apr (11th a Sunday) → reminder Thu 8 Apr
    smtp.failing = true;
    t.clock.set(at('2027-04-08'));
    for (let i = 0; i < dispatcher.settings.maxAttempts; i++) {
      await dispatcher.dispatch();
      await new Promise((r) => setTimeout(r, 20));
    }
    const failed = (await t.as('admin').get('/api/reminders/failed').expect(200)).body;
    const mine = failed.filter((f: { caseNumber: string }) => f.caseNumber === kase.number);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      rule: 'reply.ending',
      status: 'failed',
      attempts: dispatcher.settings.maxAttempts,
    });
    expect(mine[0].lastError).toContain('451');
    // It is in the inbox all the same.
    const inbox = (await t.as('mediator').get('/api/inbox').expect(200)).body;
    expect(inbox.items.some((i: { caseId: string; rule: string }) => i.caseId === kase.id)).toBe(true);
    // The mail server is back; the administrator sends it again: it goes out once.
    smtp.failing = false;
    await t.as('admin').post(`/api/reminders/${mine[0].id}/retry`).expect(204);
    const before = smtp.mails.length;
    await dispatcher.dispatch();
    await dispatcher.dispatch();
    expect(subjects(smtp.mails.slice(before))).toEqual([
      `${MEDIATOR} Срок ответа на приглашение истекает — № ${kase.number}`,
    ]);
    const after = (await t.as('admin').get('/api/reminders/failed').expect(200)).body;
    expect(after.filter((f: { caseNumber: string }) => f.caseNumber === kase.number)).toEqual([]);
  }, 60_000);
});
