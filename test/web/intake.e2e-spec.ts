/**
 * The application form and the documents of a case (issue 10 «New case», «Documents»), over HTTP as a browser
 * uses them: a case filed through the form with two victims (a person and a legal entity), the amounts typed in
 * tenge and stored in tiyn; a bad ИИН refused at its field in each language with what was typed kept; the live
 * fragments (earliest petition date, ИИН/БИН check); the documents page of a case with an agreement; a case of
 * someone else's → not found.
 */
import { formatDate } from '../../src/web/render/format';
import { application, BIN, DIRECTORY, IIN, TENGE } from '../factories/case.factory';
import { startTestApp, type TestApp } from '../support/app';
import { signInPage, type PageAgent } from '../support/web';

const TODAY = '2026-12-01';

/** The page's text with Handlebars' escapes of `=` and `&` undone (to compare links). */
const decode = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

/** A full application as a lawyer types it: two victims, amounts in tenge with tiyn. */
function typedApplication(t: TestApp): Record<string, string> {
  return {
    procedure: 'parole',
    'convict.fullName': 'Серіков Болат Нұрланұлы',
    'convict.iin': IIN.convict,
    'convict.birthDate': '1990-01-01',
    'convict.institutionId': DIRECTORY.institution22,
    'convict.address': 'г. Усть-Каменогорск, ул. Казахстан, 10',
    'convict.phone': '+77010000002',
    'convict.identityDocument.kind': 'id_card',
    'convict.identityDocument.number': '045678912',
    'convict.identityDocument.issuer': 'ҚР ІІМ',
    'convict.identityDocument.issuedOn': '2018-05-14',
    'sentence.courtId': DIRECTORY.ustKamenogorskCityCourt,
    'sentence.criminalCaseNumber': '221500031000123',
    'sentence.number': '1-45/2022',
    'sentence.date': '2022-03-15',
    'sentence.startDate': '2022-01-10',
    'sentence.term.years': '6',
    'sentence.term.months': '0',
    'sentence.term.days': '0',
    'sentence.articles': '188 ч. 2 п. 4, 190 ч. 1',
    'sentence.gravity': 'grave',
    'sentence.pretrialDetentionDays': '45',
    'claims[0].victim.type': 'person',
    'claims[0].victim.fullName': 'Ахметова Гүлнар Серікқызы',
    'claims[0].victim.iin': IIN.victim1,
    'claims[0].victim.address': 'г. Усть-Каменогорск, ул. Абая, 1',
    'claims[0].amountAwarded': '2 000 000,50',
    'claims[0].amountRecovered': '0',
    'claims[1].victim.type': 'legal_entity',
    'claims[1].victim.fullName': 'ТОО «Шығыс Сауда»',
    'claims[1].victim.bin': BIN.company,
    // typed into the person's fields before switching to a legal entity: not sent
    'claims[1].victim.iin': IIN.victim2,
    'claims[1].victim.representative.fullName': 'Петров Андрей Викторович',
    'claims[1].victim.representative.iin': IIN.representative,
    'claims[1].victim.representative.basis': 'доверенность',
    'claims[1].victim.representative.position': 'юрист',
    'claims[1].victim.representative.powerOfAttorney.number': '15',
    'claims[1].victim.representative.powerOfAttorney.date': '2026-11-01',
    'claims[1].amountAwarded': '500000',
    'claims[1].amountRecovered': '100 000,25',
    mediatorUserId: t.users.mediator.id,
    'lawyer.fullName': 'Касымов Ерлан Маратович',
    'lawyer.licence': '0001234',
    placeId: DIRECTORY.ustKamenogorsk,
  };
}

describe('web workplace: the application form and the documents of a case', () => {
  let t: TestApp;
  let lawyer: PageAgent;
  beforeAll(async () => {
    t = await startTestApp();
    lawyer = await signInPage(t, 'lawyer');
  });
  afterAll(() => t.close());

  it('files a case through the form with a person and a legal entity; amounts typed in tenge are stored in tiyn', async () => {
    const form = await lawyer.get('/cases/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h1>Новое дело: заявление</h1>');
    // the directory's pickers, the mediators to address, the lawyer's own name filled in
    expect(form.text).toContain(`<option value="${DIRECTORY.ustKamenogorskCityCourt}"`);
    expect(form.text).toContain(`<option value="${t.users.mediator.id}"`);
    expect(form.text).toContain('value="Касымов Ерлан Маратович"');
    expect(form.text).toContain('name="claims[0].victim.fullName"');
    expect(form.text).not.toContain('name="claims[1].victim.fullName"');

    // «add another victim» posts the form back: one more block, what was typed kept
    const typed = typedApplication(t);
    const first = Object.fromEntries(Object.entries(typed).filter(([k]) => !k.startsWith('claims[1]')));
    const added = await lawyer.post('/cases/new', { ...first, _action: 'add' });
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="claims[1].victim.fullName"');
    expect(added.text).toContain('value="Ахметова Гүлнар Серікқызы"');
    expect(added.text).toContain('value="2 000 000,50"');
    expect(added.text).toContain('Потерпевший 2');
    // «remove» takes a block out and renumbers the rest
    const removed = await lawyer.post('/cases/new', { ...typed, _action: 'remove:0' });
    expect(removed.status).toBe(200);
    expect(removed.text).toContain('value="ТОО «Шығыс Сауда»"');
    expect(removed.text).not.toContain('name="claims[1].victim.fullName"');

    const filed = await lawyer.post('/cases/new', { ...typed, _action: 'file' });
    expect(filed.status).toBe(303);
    const id = /^\/cases\/([0-9a-f-]{36})$/.exec(String(filed.headers.location))?.[1];
    expect(id).toBeDefined();

    const kase = await t.as('lawyer').get(`/api/cases/${id}`).expect(200);
    const body = kase.body as {
      procedure: string;
      claims: { amountAwarded: number; amountRecovered: number; victim: Record<string, unknown> }[];
      sentence: Record<string, unknown>;
      convict: Record<string, unknown>;
      mediator: { userId: string };
      lawyer: { userId: string; fullName: string };
    };
    expect(body.procedure).toBe('parole');
    expect(body.claims.map((c) => [c.amountAwarded, c.amountRecovered])).toEqual([
      [200_000_050, 0],
      [500_000 * TENGE, 10_000_025],
    ]);
    expect(body.claims[0].victim).toMatchObject({ type: 'person', iin: IIN.victim1 });
    expect(body.claims[1].victim).toMatchObject({
      type: 'legal_entity',
      bin: BIN.company,
      representative: { fullName: 'Петров Андрей Викторович', powerOfAttorney: { number: '15', date: '2026-11-01' } },
    });
    expect(body.claims[1].victim.iin).toBeUndefined();
    expect(body.sentence).toMatchObject({
      courtId: DIRECTORY.ustKamenogorskCityCourt,
      articles: ['188 ч. 2 п. 4', '190 ч. 1'],
      term: { years: 6, months: 0, days: 0 },
      pretrialDetentionDays: 45,
      gravity: 'grave',
    });
    expect(body.convict).toMatchObject({ institutionId: DIRECTORY.institution22, iin: IIN.convict });
    expect(body.mediator.userId).toBe(t.users.mediator.id);
    expect(body.lawyer.userId).toBe(t.users.lawyer.id);
  });

  it.each([
    ['kk', 'ЖСН бақылау разряды тексеруінен өтпеді'],
    ['ru', 'ИИН не прошёл проверку контрольного разряда'],
    ['en', 'The IIN fails its check digit'],
  ] as const)('a bad ИИН is refused at its field, in %s, with everything typed kept', async (lang, message) => {
    const page = await signInPage(t, 'lawyer', lang);
    const res = await page.post('/cases/new', {
      ...typedApplication(t),
      'claims[0].victim.iin': '850505400128',
      'claims[1].amountAwarded': '500 000,555',
      'sentence.term.years': '',
      _action: 'file',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<html lang="${lang}"`);
    const at = (id: string) => new RegExp(`id="${id}-error">([^<]*)<`).exec(res.text)?.[1] ?? '';
    expect(at('f-claims-0-victim-iin')).toContain(message);
    expect(res.text).toMatch(/id="f-claims-0-victim-iin" name="claims\[0\]\.victim\.iin" value="850505400128"/);
    expect(res.text).toContain('aria-invalid="true"');
    // the check as typed is there too, for a browser without JavaScript (beside an error, the error alone)
    expect(res.text).toMatch(/id="f-claims-0-victim-iin-check"[^>]*><\/small>/);
    expect(res.text).toMatch(/id="f-convict-iin-check"[^>]*><span class="id-ok">/);
    // an amount with three decimals, at its field; the typed text kept (never turned into tiyn)
    expect(at('f-claims-1-amountAwarded')).toBe(
      {
        kk: 'Үтірден кейін екі таңбадан артық емес (тиын)',
        ru: 'Не больше двух знаков после запятой (тиын)',
        en: 'At most two decimals (tiyn)',
      }[lang],
    );
    expect(res.text).toContain('value="500 000,555"');
    // the summary above the form links to the fields
    expect(res.text).toContain('href="#f-claims-0-victim-iin"');
    expect(res.text).toContain({ kk: 'Жәбірленуші 1: ЖСН', ru: 'Потерпевший 1: ИИН', en: 'Victim 1: IIN' }[lang]);
    expect(res.text).toContain('value="Серіков Болат Нұрланұлы"');
    // nothing was filed
    const list = await t.as('lawyer').get('/api/cases?q=850505400128').expect(200);
    expect((list.body as { total: number }).total).toBe(0);
    await page.post('/language', { lang: 'ru', next: '/' }); // the choice is the account's: back to Russian
  });

  it('a zero term and a missing court are named at their fields (the service rules after the DTO)', async () => {
    const typed = typedApplication(t);
    delete typed['sentence.courtId'];
    const res = await lawyer.post('/cases/new', {
      ...typed,
      'sentence.term.years': '0',
      _action: 'file',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-sentence-courtId-error">Выберите из списка или впишите название</);
    const again = await lawyer.post('/cases/new', {
      ...typedApplication(t),
      'sentence.term.years': '0',
      _action: 'file',
    });
    expect(again.status).toBe(400);
    expect(again.text).toMatch(/id="f-sentence-term-years-error">Срок наказания должен быть больше нуля</);
  });

  it('live fragments: the earliest petition date as the sentence is typed; the ИИН and БИН checked as typed', async () => {
    const asked = await t
      .as('lawyer')
      .post('/api/eligibility')
      .send({ term: { years: 6, months: 0, days: 0 }, termStartDate: '2022-01-10', gravity: 'grave' })
      .expect(200);
    const { parole, replacement } = asked.body as Record<string, { earliestDate: string }>;
    const q =
      'sentence.term.years=6&sentence.term.months=&sentence.term.days=&sentence.startDate=2022-01-10&sentence.gravity=grave&procedure=parole';
    const frag = await lawyer.get(`/cases/new/eligibility?${q}`);
    expect(frag.status).toBe(200);
    expect(frag.text).not.toContain('<html'); // a fragment, not a page
    expect(frag.text).toContain(`не ранее ${formatDate(parole.earliestDate, 'ru')}`);
    expect(frag.text).toContain(`не ранее ${formatDate(replacement.earliestDate, 'ru')}`);
    expect(frag.text).toContain('УК РК ст. 72');
    const missing = await lawyer.get('/cases/new/eligibility?sentence.term.years=6');
    expect(missing.text).toContain('Укажите срок, начало срока и категорию преступления');
    const future = await lawyer.get(
      `/cases/new/eligibility?sentence.term.years=6&sentence.startDate=2027-01-01&sentence.gravity=grave`,
    );
    expect(future.text).toContain('Начало срока не может быть позже сегодняшней даты');
    // the same date on the form itself, without JavaScript (a form posted back shows it)
    const posted = await lawyer.post('/cases/new', {
      ...typedApplication(t),
      'sentence.pretrialDetentionDays': '0',
      _action: 'add',
    });
    expect(posted.text).toContain(`не ранее ${formatDate(parole.earliestDate, 'ru')}`);

    const ok = await lawyer.get(`/cases/new/iin?convict.iin=${IIN.convict}`);
    expect(ok.text).toContain('ИИН верен: дата рождения 1 января 1990 г., мужчина');
    expect((await lawyer.get('/cases/new/iin?claims[0].victim.iin=900101300018')).text).toContain(
      'ИИН не прошёл проверку контрольного разряда',
    );
    expect((await lawyer.get('/cases/new/iin?convict.iin=90010')).text).toContain('Нужно 12 цифр (введено: 5)');
    expect((await lawyer.get(`/cases/new/iin?convict.iin=${BIN.company}`)).text).toContain('похоже на БИН');
    expect((await lawyer.get(`/cases/new/bin?claims[1].victim.bin=${BIN.company}`)).text).toContain('БИН верен');
    expect((await lawyer.get(`/cases/new/bin?claims[1].victim.bin=${IIN.victim1}`)).text).toContain('похоже на ИИН');
    const en = await signInPage(t, 'mediator', 'en');
    expect((await en.get(`/cases/new/iin?convict.iin=${IIN.convict}`)).text).toContain(
      'Valid IIN: born 1 January 1990, male',
    );
    await en.post('/language', { lang: 'ru', next: '/' });
  });

  it('the documents page lists what a case with an agreement has, kk/ru, PDF/HTML, with the issued copy numbered', async () => {
    const created = await t
      .as('lawyer')
      .post('/api/cases')
      .send(application({ mediatorUserId: t.users.mediator.id }))
      .expect(201);
    const id = (created.body as { id: string }).id;
    const claimId = (created.body as { claims: { id: string }[] }).claims[0].id;
    for (const e of [
      { type: 'case.accepted' },
      { type: 'invitation.sent', claimId },
      { type: 'invitation.accepted', claimId },
      { type: 'contract.signed', claimId, contractDate: TODAY },
      {
        type: 'agreement.signed',
        claimId,
        signedBy: { mediator: true, victim: true, convict: true },
        terms: {
          paidBeforeHearing: 0,
          waived: 0,
          instalments: {
            total: 2_000_000 * TENGE,
            monthly: 50_000 * TENGE,
            dayOfMonth: 10,
            startsMonthAfterRelease: true,
          },
        },
      },
    ])
      await t.event(id, e, 'mediator').expect(200);

    const page = await lawyer.get(`/cases/${id}/documents`);
    expect(page.status).toBe(200);
    page.text = decode(page.text);
    for (const title of [
      'Приглашение к медиации',
      'Договор о медиации',
      'Соглашение об урегулировании спора',
      'График погашения',
    ])
      expect(page.text).toContain(title);
    expect(page.text).not.toContain('Уведомление о прекращении медиации');
    expect(page.text).not.toContain('Справка о платежах');
    // before release the schedule is the agreement's annex, issued with it: not a statement as of a day
    expect(page.text).not.toContain('справка по состоянию на день открытия');
    for (const lang of ['kk', 'ru'])
      for (const format of ['pdf', 'html'])
        expect(page.text).toContain(`href="/api/cases/${id}/documents/agreement?lang=${lang}&format=${format}"`);
    expect(page.text).toContain(`href="/api/cases/${id}/court-packet?lang=kk"`);
    expect(page.text).toContain(`href="/api/cases/${id}/petition-draft?lang=ru&format=html"`);
    expect(page.text).toContain('Квитанций пока нет');
    // the court is typed on this application, not chosen from the directory: the page says what documents print
    expect(page.text).toContain('Указано текстом, а не выбрано из справочника: «суд, вынесший приговор»');

    // the link opens with the session cookie; the copy issued then is shown with its number and date
    const doc = await lawyer.get(`/api/cases/${id}/documents/agreement?lang=ru&format=html`);
    expect(doc.status).toBe(200);
    const again = await lawyer.get(`/cases/${id}/documents`);
    expect(again.text).toMatch(/1 декабря 2026 г\., № [A-Z0-9-]+/);

    // in English and Kazakh: the page's words; the documents stay kk/ru
    const en = await signInPage(t, 'lawyer', 'en');
    const enPage = await en.get(`/cases/${id}/documents`);
    expect(enPage.text).toContain('Agreement on settlement of the dispute by mediation');
    expect(enPage.text).toContain('Court packet (PDF)');
    await en.post('/language', { lang: 'ru', next: '/' });
  });

  it("another lawyer's case is not found; an officer cannot open the form", async () => {
    // opened by a mediator without naming the lawyer: the cast's lawyer is not on it
    const created = await t.as('mediator').post('/api/cases').send(application()).expect(201);
    const id = (created.body as { id: string }).id;
    const res = await lawyer.get(`/cases/${id}/documents`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('Страница не найдена');
    expect(res.text).not.toContain('Серіков');
    expect((await lawyer.get('/cases/not-a-uuid/documents')).status).toBe(404);
    const officer = await signInPage(t, 'officer');
    expect((await officer.get('/cases/new')).status).toBe(403);
    // a mediator may open the form: he is the case's mediator and names the lawyer's account
    const mediator = await signInPage(t, 'mediator');
    const form = await mediator.get('/cases/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Медиатор: Абенова Гульнара Сериковна (дело открывается на вас)');
    expect(form.text).toContain(`<option value="${t.users.lawyer.id}"`);
    const { mediatorUserId: _m, ...typed } = typedApplication(t);
    const filed = await mediator.post('/cases/new', { ...typed, lawyerUserId: t.users.lawyer.id, _action: 'file' });
    expect(filed.status).toBe(303);
    const mine = String(filed.headers.location).split('/')[2];
    expect((await lawyer.get(`/cases/${mine}/documents`)).status).toBe(200);
  });
});
