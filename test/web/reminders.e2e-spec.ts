/**
 * The reminders' pages over HTTP (issue 11): the inbox with its read marks, the settings form (a malformed address
 * refused at the field, in the reader's language), the calendar address made, parsed as ICS with the case's dates
 * and nothing personal, revoked → 404; the administrator's list of undelivered reminders.
 */
import ICAL from 'ical.js';
import request from 'supertest';
import { ReminderDispatcher } from '../../src/reminders/reminder-dispatcher';
import { IIN, TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { CaseClient } from '../support/case-client';
import { HTML, signInPage } from '../support/web';

describe('web: inbox, reminder settings, calendar feed', () => {
  let t: TestApp;
  let kase: { id: string; number: string; claims: { id: string }[] };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T10:00:00+05:00' });
    const c = new CaseClient(t);
    kase = await c.open();
    const claimId = kase.claims[0].id;
    await c.send(kase.id, { type: 'case.accepted' });
    await c.send(kase.id, { type: 'invitation.sent', claimId }); // reply by Fri 11 Dec; reminder on Wed 9 Dec
    t.clock.set('2026-12-09T10:00:00+05:00');
    await t.app.get(ReminderDispatcher).dispatch();
  });
  afterAll(() => t.close());

  it('the inbox shows the reminder (no SMTP: inbox only) and marks it read', async () => {
    const page = await signInPage(t, 'mediator', 'ru');
    const inbox = await page.get('/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain('<h1>Уведомления</h1>');
    expect(inbox.text).toContain(
      `Дело № ${kase.number}: срок ответа потерпевшего на приглашение истекает 11 декабря 2026`,
    );
    expect(inbox.text).toContain(`href="/cases/${kase.id}"`);
    expect(inbox.text).toContain('Непрочитанных: 1');
    expect(inbox.text).not.toContain(IIN.victim1);
    const id = (await t.as('mediator').get('/api/inbox').expect(200)).body.items[0].id;
    const read = await page.post('/inbox/read', { id });
    expect(read.status).toBe(303);
    expect((await page.get('/inbox')).text).toContain('Непрочитанных: 0');
    // another user's item is not his to mark
    await t.as('lawyer').post(`/api/inbox/${id}/read`).expect(404);
    // in English too
    const en = await signInPage(t, 'mediator', 'en');
    expect((await en.get('/inbox')).text).toContain(`Case ${kase.number}: the victim’s window to reply`);
  });

  it('settings: a malformed address is refused at the field; a good one saved; the API reads it back', async () => {
    const page = await signInPage(t, 'lawyer', 'kk');
    const form = await page.get('/settings/reminders');
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="rule.hearing.tomorrow"');
    expect(form.text).not.toContain('name="rule.reply.ending"'); // the mediator's reminder: not the lawyer's
    const bad = await page.post('/settings/reminders', { email: 'lawyer@', 'rule.hearing.tomorrow': 'inbox' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="f-email-error"');
    expect(bad.text).toContain('Электрондық пошта мекенжайы қате');
    expect(bad.text).toContain('value="lawyer@"'); // what he typed stays
    const ok = await page.post('/settings/reminders', {
      email: 'lawyer@example.kz',
      'rule.hearing.tomorrow': 'inbox',
      digest: 'true',
    });
    expect(ok.status).toBe(303);
    const prefs = (await t.as('lawyer').get('/api/reminders/preferences').expect(200)).body;
    expect(prefs).toMatchObject({ email: 'lawyer@example.kz', digest: true });
    expect(prefs.rules['hearing.tomorrow']).toBe('inbox');
    const api = await t
      .as('lawyer')
      .put('/api/reminders/preferences')
      .send({ rules: { 'no.such': 'email' } });
    expect(api.status).toBe(400);
    expect(JSON.stringify(api.body)).toContain('rules.no.such');
  });

  it('calendar feed: made on the settings page, parses as ICS with the case dates only; revoked → 404', async () => {
    const page = await signInPage(t, 'mediator', 'ru');
    const made = await page.post('/settings/reminders/calendar', {});
    expect(made.status).toBe(200);
    const url = /value="(http[^"]+\.ics)"/.exec(made.text)?.[1] as string;
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url).pathname;
    const eventsOf = async () => {
      const res = await request(t.http).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/calendar/);
      return new ICAL.Component(ICAL.parse(res.text))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .filter((e) => e.summary.startsWith(kase.number))
        .map((e) => [e.summary, e.startDate.toString()]);
    };
    expect(await eventsOf()).toEqual([[`${kase.number}: срок ответа`, '2026-12-11']]);
    // The case moves: the victim agrees, the contract is signed on 9 Dec — 30 days: the term ends on 8 Jan 2027.
    const c = new CaseClient(t);
    await c.send(kase.id, { type: 'invitation.accepted', claimId: kase.claims[0].id });
    await c.send(kase.id, { type: 'contract.signed', claimId: kase.claims[0].id, contractDate: '2026-12-09' });
    expect(await eventsOf()).toEqual([[`${kase.number}: срок медиации`, '2027-01-08']]);
    const feed = await request(t.http).get(path).expect(200);
    for (const secret of [IIN.victim1, IIN.convict, 'Ахметова', 'Серіков', 'Абая'])
      expect(feed.text).not.toContain(secret);
    // The page no longer shows the address, only that one exists; a new one revokes the old.
    expect((await page.get('/settings/reminders')).text).not.toContain(path);
    const again = await t.as('mediator').post('/api/reminders/calendar').expect(201);
    await request(t.http).get(path).expect(404);
    const second = new URL(again.body.url).pathname;
    await request(t.http).get(second).expect(200);
    expect((await page.post('/settings/reminders/calendar/revoke', {})).status).toBe(303);
    await request(t.http).get(second).expect(404);
    await request(t.http).get('/calendar/not-a-secret.ics').expect(404);
    const status = (await t.as('mediator').get('/api/reminders/calendar').expect(200)).body;
    expect(status.active).toBe(false);
  });

  it('calendar feed of the officer: instalment due dates of the parolees of his unit', async () => {
    const c = new CaseClient(t);
    t.clock.set('2026-12-10T10:00:00+05:00');
    const other = await c.open();
    const claimId = other.claims[0].id;
    await c.send(other.id, { type: 'case.accepted' });
    await c.mediateToAgreement(
      other.id,
      claimId,
      {
        paidBeforeHearing: 0,
        waived: 1_900_000 * TENGE,
        instalments: { total: 100_000 * TENGE, monthly: 50_000 * TENGE, dayOfMonth: 15, startsMonthAfterRelease: true },
      },
      '2026-12-10',
    );
    await c.send(other.id, { type: 'petition.filed' });
    await c.send(other.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-10' });
    await c.send(other.id, { type: 'convict.released', releaseDate: '2026-12-10' });
    const url = (await t.as('officer').post('/api/reminders/calendar').expect(201)).body.url as string;
    const feed = await request(t.http).get(new URL(url).pathname).expect(200);
    const events = new ICAL.Component(ICAL.parse(feed.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      [`${other.number}: платёж № 1`, '2027-01-15'],
      [`${other.number}: платёж № 2`, '2027-02-15'],
    ]);
  });

  it('the administrator sees undelivered reminders; others may not', async () => {
    const admin = await signInPage(t, 'admin', 'ru');
    const page = await admin.get('/admin/reminders');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Недоставленные напоминания</h1>');
    const mediator = await signInPage(t, 'mediator');
    expect((await mediator.get('/admin/reminders')).status).toBe(403);
    const anon = await request(t.http).get('/inbox').set('Accept', HTML);
    expect(anon.status).toBe(303);
  });
});
