/**
 * Words a reader notices (issue 9 item 8): names stand in the nominative where Russian would decline them,
 * the greeting follows the sex the ИИН gives, a name with its own quotation marks gets no second pair.
 */
import { DocumentRenderer } from '../../../src/documents/document-renderer';
import type { InvitationView, MediationContractView } from '../../../src/documents/document-view-models';
import { quoteOnce } from '../../../src/documents/template-helpers';
import { ALL_FIXTURES } from '../../fixtures/documents';

const renderer = new DocumentRenderer();
const fixture = <T>(name: string, kind: string) =>
  structuredClone(ALL_FIXTURES.find((f) => f.name === name && f.kind === kind)!.viewModel) as unknown as T;
const body = (html: string) =>
  html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the greeting of an invitation', () => {
  const invitation = () => fixture<InvitationView>('full-before-hearing', 'invitation');

  it('says «Уважаемая» to a woman and «Уважаемый» to a man, by digit 7 of the ИИН', () => {
    const woman = invitation(); // 920721400563: digit 7 is 4, a woman born in the 20th century
    expect(body(renderer.renderHtml('invitation', 'ru', woman))).toContain(`Уважаемая ${woman.victim.fullName}!`);
    const man = invitation();
    man.victim = { ...man.victim, fullName: 'Иванов Иван Иванович', iin: '850315300128' };
    expect(body(renderer.renderHtml('invitation', 'ru', man))).toContain('Уважаемый Иванов Иван Иванович!');
  });

  it('a company is greeted through its representative, by name', () => {
    const company = fixture<InvitationView>('legal-entity', 'invitation');
    expect(body(renderer.renderHtml('invitation', 'ru', company))).toContain('Уважаемый Серікбаев Асқар Болатұлы!');
    expect(body(renderer.renderHtml('invitation', 'kk', company))).toContain('Құрметті Серікбаев Асқар Болатұлы!');
    expect(body(renderer.renderHtml('invitation', 'kk', company))).not.toContain('мырзалар');
  });

  it('keeps «Уважаемый(ая)» only when the ИИН tells no sex, and Kazakh «Құрметті» either way', () => {
    const unknown = invitation();
    unknown.victim = { ...unknown.victim, iin: null };
    expect(body(renderer.renderHtml('invitation', 'ru', unknown))).toContain('Уважаемый(ая)');
    expect(body(renderer.renderHtml('invitation', 'kk', invitation()))).toContain(
      `Құрметті ${invitation().victim.fullName}!`,
    );
    expect(body(renderer.renderHtml('invitation', 'ru', invitation()))).not.toContain('Уважаемый(ая)');
  });
});

describe('names in the nominative', () => {
  it('names the convict and a representative so that no Russian case ending is needed', () => {
    const ru = body(renderer.renderHtml('invitation', 'ru', fixture('legal-entity', 'invitation')));
    expect(ru).toContain('Осуждённый Жұмабеков Нұрлан Серікұлы обратился');
    expect(ru).toContain('Представитель: Серікбаев Асқар Болатұлы');
    expect(ru).not.toMatch(/представителю|осуждённого Жұмабеков/);
    const agreement = body(renderer.renderHtml('agreement', 'ru', fixture('legal-entity', 'agreement')));
    expect(agreement).toContain('(представитель — Серікбаев Асқар Болатұлы, начальник юридического отдела)');
    expect(agreement).not.toContain('в лице представителя');
  });

  it('Kazakh invitation: the convict as the subject, «медиатордан … жауап алынбайды»', () => {
    const kk = body(renderer.renderHtml('invitation', 'kk', fixture('full-before-hearing', 'invitation')));
    expect(kk).toContain('Сотталған адам Жұмабеков Нұрлан Серікұлы медиация жүргізуді сұрап өтініш жасады');
    expect(kk).toContain('медиатордан бұл туралы куә ретінде жауап алынбайды');
  });
});

describe('quotation marks', () => {
  it('quotes a bare name once and leaves a name with its own quotes as registered', () => {
    expect(quoteOnce('Лига медиаторов')).toBe('«Лига медиаторов»');
    expect(quoteOnce('ОЮЛ «Ассоциация медиаторов ВКО»')).toBe('ОЮЛ «Ассоциация медиаторов ВКО»');
  });

  it('the contract prints «ОЮЛ «…»» with one pair of quotation marks, in both languages', () => {
    const contract = fixture<MediationContractView>('legal-entity', 'mediation-contract');
    contract.mediator = {
      ...contract.mediator,
      organisation: { kk: '«ШҚО медиаторлар қауымдастығы» ЗТБ', ru: 'ОЮЛ «Ассоциация медиаторов ВКО»' },
    };
    const ru = body(renderer.renderHtml('mediation-contract', 'ru', contract));
    expect(ru).toContain('член организации медиаторов ОЮЛ «Ассоциация медиаторов ВКО»,');
    const kk = body(renderer.renderHtml('mediation-contract', 'kk', contract));
    expect(kk).toContain('«ШҚО медиаторлар қауымдастығы» ЗТБ медиаторлар ұйымының мүшесі');
    for (const text of [ru, kk]) expect(text).not.toMatch(/»»|««/);
  });
});

describe('Kazakh and Russian grammar the review found', () => {
  it('«…мамырдағы жағдай бойынша» (the date in the locative-attributive), and the court copy counted as one', () => {
    const statement = ALL_FIXTURES.find((f) => f.kind === 'payment-statement')!;
    expect(body(renderer.renderHtml('payment-statement', 'kk', statement.viewModel))).toMatch(
      /\d{4} жылғы \d{1,2} \S+(дағы|дегі|тағы|тегі) жағдай бойынша/,
    );
    const agreement = ALL_FIXTURES.find((f) => f.kind === 'agreement')!;
    expect(body(renderer.renderHtml('agreement', 'ru', agreement.viewModel))).toContain(
      'по одному для каждой из Сторон и один — для представления в суд',
    );
    expect(body(renderer.renderHtml('agreement', 'kk', agreement.viewModel))).toContain(
      'бір данадан және бір данасы сотқа ұсыну үшін',
    );
  });
});

describe('the stamp', () => {
  it('speaks a clerk’s words: no «шаблон», no «версия процесса»', () => {
    for (const f of ALL_FIXTURES) {
      const ru = renderer.renderHtml(f.kind, 'ru', f.viewModel);
      expect(ru).toContain('редакция формы документа');
      expect(ru).not.toMatch(/шаблон|версия процесса/);
      expect(renderer.renderHtml(f.kind, 'kk', f.viewModel)).not.toMatch(/үлгі \d|процесс нұсқасы/);
    }
  });
});
