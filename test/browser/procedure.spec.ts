/// <reference lib="dom" />
/**
 * The whole procedure through the workplace's pages (issue 10), once in each language, by clicking the step buttons
 * and typing in the forms as the mediator, the lawyer and the officer do:
 *  - Kazakh: the victim refuses the invitation — the refusal is recorded and shown;
 *  - Russian: an agreement paid in full before the hearing, then the payment recorded — parole would be mandatory;
 *  - English: an instalment agreement; after release the lawyer records a payment with its receipt file, the
 *    parolee misses three instalments without good reason and the officer sends the default report.
 * The court's steps (petition to the cast's court, decision, release under the cast's unit) go through the API here:
 * the step forms offer courts and units from the directory, and the cast's clerk and officer belong to test
 * organisations outside it (their pages are tested in test/web/case.e2e-spec.ts). A keyboard-only run of the main
 * path closes the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { DeadlineSweeper } from '../../src/workflow/deadline-sweeper';
import { application } from '../factories/case.factory';
import { CaseClient } from '../support/case-client';
import { checkPage, signIn, startBrowserTest, switchLanguage, type BrowserTest } from '../support/browser';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('browser: the whole procedure through the pages, in Kazakh, Russian and English', () => {
  let b: BrowserTest;
  let dir: string;
  beforeAll(async () => {
    b = await startBrowserTest({ now: '2026-12-01T10:00:00+05:00' });
    dir = mkdtempSync(join(tmpdir(), 'procedure-'));
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newCase(): Promise<{ id: string; claimId: string }> {
    const res = await b.t
      .as('lawyer')
      .post('/api/cases')
      .send(application({ mediatorUserId: b.t.users.mediator.id }));
    expect(res.status).toBe(201);
    return { id: res.body.id, claimId: res.body.claims[0].id };
  }
  async function step(page: Page, caseId: string, type: string, fill?: () => Promise<void>) {
    await Promise.all([page.waitForNavigation(), page.click(`a[data-step="${type}"]`)]);
    if (fill) await fill();
    await Promise.all([page.waitForNavigation(), page.click('form.step-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
  }
  const mainText = async (page: Page) =>
    (await page.$eval('main', (m) => m.textContent ?? '')).replace(/[\u00A0\u202F\s]+/g, ' ');
  async function mediateToContract(page: Page, caseId: string) {
    await step(page, caseId, 'case.accepted');
    await step(page, caseId, 'invitation.sent');
    await step(page, caseId, 'invitation.accepted');
    await step(page, caseId, 'contract.signed', async () => {
      await page.type('#f-fee', '0');
      await page.click('#f-meetingForms-0');
    });
  }
  async function signAgreement(page: Page, caseId: string, terms: Record<string, string>, instalments: boolean) {
    await step(page, caseId, 'agreement.signed', async () => {
      for (const who of ['mediator', 'victim', 'convict']) await page.click(`#f-signedBy-${who}`);
      for (const [field, value] of Object.entries(terms)) await page.type(`#f-terms-${field}`, value);
      if (instalments) await page.click('#f-terms-instalments-startsMonthAfterRelease');
    });
  }

  it('Kazakh: the victim refuses the invitation; the refusal is the claim’s outcome', async () => {
    const c = await newCase();
    const page = await b.page('desktop');
    await signIn(b, page, 'mediator', `/cases/${c.id}`);
    await switchLanguage(page, 'kk');
    await step(page, c.id, 'case.accepted');
    await step(page, c.id, 'invitation.sent');
    await step(page, c.id, 'invitation.refused', () => page.type('#f-reason', 'Жәбірленуші кездесуден бас тартты'));
    expect(await mainText(page)).toContain('жәбірленуші медиациядан бас тартты');
    expect(await mainText(page)).toContain('Шақырудан бас тартылды'); // the history, in Kazakh
    expect(await checkPage(page, 'procedure-refused-kk-desktop')).toEqual([]);
  }, 90_000);

  it('Russian: an agreement paid in full before the hearing — parole would be mandatory', async () => {
    const c = await newCase();
    const page = await b.page('desktop');
    await signIn(b, page, 'mediator', `/cases/${c.id}`);
    await switchLanguage(page, 'ru');
    await mediateToContract(page, c.id);
    // the award of the factory's application: paid in full before the hearing
    const award = (await b.t.as('mediator').get(`/api/cases/${c.id}`)).body.claims[0].outstanding as number;
    const tenge = `${Math.floor(award / 100)}`;
    await signAgreement(page, c.id, { paidBeforeHearing: tenge, waived: '0' }, false);
    expect(await mainText(page)).toContain('соглашение подписано');
    // the lawyer records the payment on the claim's page
    const lawyer = await b.page('phone');
    await signIn(b, lawyer, 'lawyer', `/cases/${c.id}/claims/${c.claimId}`);
    await switchLanguage(lawyer, 'ru');
    await lawyer.type('#f-amount', tenge);
    await lawyer.select('#f-evidence', 'bank_transfer');
    await lawyer.type('#f-reference', 'KASPI-2026-12-01-7');
    await Promise.all([lawyer.waitForNavigation(), lawyer.click('#record button[type=submit]')]);
    expect(await mainText(lawyer)).toContain('KASPI-2026-12-01-7');
    expect((await b.t.as('lawyer').get(`/api/cases/${c.id}`)).body.mandatoryParole).toBe(true);
    expect(await checkPage(lawyer, 'procedure-paid-ru-phone')).toEqual([]);
  }, 90_000);

  it('English: instalments, a payment with its receipt, three misses and the default report', async () => {
    const c = await newCase();
    const page = await b.page('desktop');
    await signIn(b, page, 'mediator', `/cases/${c.id}`);
    await switchLanguage(page, 'en');
    await mediateToContract(page, c.id);
    const award = (await b.t.as('mediator').get(`/api/cases/${c.id}`)).body.claims[0].outstanding as number;
    await signAgreement(
      page,
      c.id,
      {
        paidBeforeHearing: '0',
        waived: '0',
        'instalments-total': `${Math.floor(award / 100)}`,
        'instalments-monthly': '50 000',
        'instalments-dayOfMonth': '10',
      },
      true,
    );
    expect(await mainText(page)).toContain('agreement signed');
    // the court's steps and the release (see the file's comment)
    const api = new CaseClient(b.t);
    await api.send(c.id, { type: 'petition.filed' });
    await api.send(c.id, { type: 'court.decided', decision: 'parole', decisionDate: '2026-12-01' });
    await api.send(c.id, { type: 'convict.released', releaseDate: '2026-12-01' });
    // January: the lawyer records a payment with its receipt
    api.setDate(b.t, '2027-01-09');
    const lawyer = await b.page('desktop');
    await signIn(b, lawyer, 'lawyer', `/cases/${c.id}/claims/${c.claimId}`);
    await switchLanguage(lawyer, 'en');
    await lawyer.type('#f-amount', '50 000');
    await lawyer.select('#f-evidence', 'victim_receipt');
    await lawyer.type('#f-reference', 'R-2027-01');
    const file = join(dir, 'receipt.png');
    writeFileSync(file, PNG);
    const input = (await lawyer.$('#record input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await Promise.all([lawyer.waitForNavigation(), lawyer.click('#record button[type=submit]')]);
    expect(await mainText(lawyer)).toContain('R-2027-01');
    const receipts = (await b.t.as('lawyer').get(`/api/cases/${c.id}/receipts`)).body as unknown[];
    expect(JSON.stringify(receipts)).toContain('R-2027-01');
    // February to April missed without good reason: the officer reports the evasion
    api.setDate(b.t, '2027-05-20');
    await b.t.app.get(DeadlineSweeper).sweep();
    const officer = await b.page('desktop');
    await signIn(b, officer, 'officer', `/cases/${c.id}/claims/${c.claimId}`);
    await switchLanguage(officer, 'en');
    expect(await checkPage(officer, 'procedure-arrears-en-desktop')).toEqual([]);
    await Promise.all([officer.waitForNavigation(), officer.click('#default form button[type=submit]')]);
    expect((await b.t.as('officer').get(`/api/cases/${c.id}/claims/${c.claimId}/schedule`)).body.restitution).toBe(
      'defaultReported',
    );
  }, 120_000);

  it('the keyboard alone: sign in, land on the case, record the mediator’s acceptance', async () => {
    const c = await newCase();
    const page = await b.page('desktop');
    await page.goto(`${b.baseUrl}/login?next=${encodeURIComponent(`/cases/${c.id}`)}`);
    // the login field takes the focus on arrival (autofocus): type only once it has it, as a person waits for it
    await page.waitForFunction(() => document.activeElement?.id === 'login');
    await page.keyboard.type(b.t.users.mediator.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(b.t.users.mediator.password);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/cases/${c.id}`);
    // Tab until the step's button has the focus, then Enter; the same for the form's submit button
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${selector} never got the focus`);
    };
    await tabTo('a[data-step="case.accepted"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo('form.step-form button[type=submit]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/cases/${c.id}`);
    expect((await b.t.as('mediator').get(`/api/cases/${c.id}`)).body.state).toBe('mediation');
  }, 60_000);
});
