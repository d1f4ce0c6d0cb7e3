/**
 * The forms generated from the event catalogue (src/web/forms/event-form.ts): every user event gets a form in
 * each language; posted forms become the payloads the API takes (amounts typed in tenge → tiyn, nested groups,
 * check boxes, lists); errors the form finds are named by input; the service's payload paths map back to inputs.
 */
import fc from 'fast-check';
import { EVENT_CATALOGUE, USER_EVENT_TYPES, type FieldSpec } from '../../../machines/catalogue';
import {
  eventFormItems,
  inputNames,
  inputOfPath,
  parseEventForm,
  type FormItem,
} from '../../../src/web/forms/event-form';
import { moneyInputValue } from '../../../src/web/render/format';

const fields = (type: keyof typeof EVENT_CATALOGUE): readonly FieldSpec[] => EVENT_CATALOGUE[type].fields;
const flat = (items: FormItem[]): FormItem[] =>
  items.flatMap((i) => (i.kind === 'group' ? [i, ...flat(i.items)] : [i]));

describe('event forms: from the catalogue to the page', () => {
  it('every event users record has a form in kk, ru and en, every input labelled, names as payload paths', () => {
    for (const type of USER_EVENT_TYPES)
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const items = flat(eventFormItems(fields(type), { lang }));
        for (const item of items) {
          if (item.kind === 'group') expect(item.legend).toBeTruthy();
          else {
            expect([type, item.name, item.label]).toEqual([type, item.name, expect.any(String)]);
            expect(item.label.length).toBeGreaterThan(0);
            expect(item.id).toMatch(/^f-[A-Za-z0-9_-]+$/);
          }
        }
        expect(items.map((i) => i.name).sort()).toEqual(inputNames(fields(type)).sort());
      }
  });

  it('draws each kind with its input: date, amount, whole number, check box, list, check boxes, directory, text area', () => {
    const contract = flat(eventFormItems(fields('contract.signed'), { lang: 'en', amountPlaceholder: '0,00' }));
    const byName = Object.fromEntries(contract.map((i) => [i.name, i]));
    expect(byName.contractDate).toMatchObject({ input: 'date', required: true, label: 'Date of the contract' });
    expect(byName.fee).toMatchObject({ input: 'money', required: false, placeholder: '0,00' });
    expect(byName.language).toMatchObject({
      input: 'select',
      options: [{ value: 'kk', label: 'Kazakh' }, { value: 'ru' }],
    });
    expect(byName.meetingForms).toMatchObject({ input: 'checkboxes' });
    const agreement = flat(
      eventFormItems(fields('agreement.signed'), {
        lang: 'kk',
        directories: { bank: [{ value: 'bank-1', label: 'Halyk Bank' }] },
        values: { 'terms.paymentDetails.bankId': 'bank-1', 'signedBy.victim': 'true' },
      }),
    );
    const a = Object.fromEntries(agreement.map((i) => [i.name, i]));
    expect(a.signedBy).toMatchObject({ kind: 'group', legend: 'Қол қойғандар', required: true });
    expect(a['signedBy.victim']).toMatchObject({ input: 'checkbox', checked: true, required: false });
    expect(a['signedBy.convict']).toMatchObject({ input: 'checkbox', checked: false });
    expect(a['terms.instalments.dayOfMonth']).toMatchObject({ input: 'number' });
    // a required field inside an optional group is not required of the browser (the group may stay empty)
    expect(a['terms.instalments']).toMatchObject({ kind: 'group', required: false });
    expect(a['terms.instalments.total']).toMatchObject({ input: 'money', required: false });
    expect(a['terms.paymentDetails.bankId']).toMatchObject({
      input: 'select',
      options: [{ value: 'bank-1', label: 'Halyk Bank', selected: true }],
    });
    const declined = eventFormItems(fields('case.declined'), { lang: 'ru', errors: { reason: 'Укажите причину' } });
    expect(declined[0]).toMatchObject({ input: 'textarea', required: true, error: 'Укажите причину' });
  });

  it('the petition names its court and the release its police unit from the directory', () => {
    expect(fields('petition.filed').find((f) => f.name === 'courtId')).toMatchObject({
      kind: 'directory',
      directory: 'court',
    });
    expect(fields('convict.released').find((f) => f.name === 'supervisionUnitId')).toMatchObject({
      kind: 'directory',
      directory: 'police_unit',
    });
  });
});

describe('event forms: from the posted form to the payload', () => {
  it('builds the agreement: tenge typed → tiyn, nested groups, check boxes, an optional group left out', () => {
    const parsed = parseEventForm(fields('agreement.signed'), {
      'signedBy.mediator': 'true',
      'signedBy.victim': 'true',
      // the convict's box unticked: a required answer is sent as false
      'terms.paidBeforeHearing': '0',
      'terms.waived': '1 000 000,50',
      'terms.instalments.total': '2 000 000',
      'terms.instalments.monthly': '50000',
      'terms.instalments.dayOfMonth': ' 10 ',
      'terms.instalments.firstDueDate': '',
      'terms.instalments.startsMonthAfterRelease': 'true',
      'terms.paymentDetails.method': '',
      'terms.paymentDetails.account': '   ',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.payload).toEqual({
      signedBy: { mediator: true, victim: true, convict: false },
      terms: {
        paidBeforeHearing: 0,
        waived: 100_000_050,
        instalments: { total: 200_000_000, monthly: 5_000_000, dayOfMonth: 10, startsMonthAfterRelease: true },
      },
    });
  });

  it('names the input of each amount or number it cannot read', () => {
    const parsed = parseEventForm(fields('agreement.signed'), {
      'terms.paidBeforeHearing': 'two million',
      'terms.waived': '1,234',
      'terms.instalments.dayOfMonth': '10.5',
    });
    expect(parsed.errors.map((e) => [e.field, e.rule])).toEqual([
      ['terms.paidBeforeHearing', 'money_format'],
      ['terms.waived', 'too_many_decimals'],
      ['terms.instalments.dayOfMonth', 'isInt'],
    ]);
  });

  it('keeps a list of choices, the text of a long field as typed, and leaves empty inputs out', () => {
    expect(
      parseEventForm(fields('contract.signed'), {
        contractDate: '2026-12-01',
        fee: '',
        meetingForms: ['video', 'phone'],
      }).payload,
    ).toEqual({ contractDate: '2026-12-01', meetingForms: ['video', 'phone'] });
    expect(parseEventForm(fields('contract.signed'), { meetingForms: 'video' }).payload).toEqual({
      meetingForms: ['video'],
    });
    expect(parseEventForm(fields('session.held'), { notes: '  первая строка\nвторая  ' }).payload).toEqual({
      notes: '  первая строка\nвторая  ',
    });
    // an optional group wholly empty is not sent; a required group always is
    expect(parseEventForm(fields('case.accepted'), { 'mediator.fullName': '' }).payload).toEqual({});
    expect(parseEventForm(fields('term.extended'), {}).payload).toEqual({});
  });

  it('any amount shown in a field reads back as the same tiyn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_00 }), (tiyn) => {
        const parsed = parseEventForm(fields('payment.recorded'), { amount: moneyInputValue(tiyn) });
        expect(parsed.errors).toEqual([]);
        expect(parsed.payload.amount).toBe(tiyn);
      }),
    );
  });

  it('maps the service’s payload paths back to the inputs', () => {
    const names = inputNames(fields('agreement.signed'));
    expect(inputOfPath('terms.instalments.total', names)).toBe('terms.instalments.total');
    expect(inputOfPath('terms', names)).toBe('terms');
    expect(inputOfPath('signedBy.mediator', names)).toBe('signedBy.mediator');
    expect(inputOfPath('claimId', names)).toBeNull();
    expect(inputOfPath('meetingForms[1]', inputNames(fields('contract.signed')))).toBe('meetingForms');
    expect(inputOfPath('terms.paymentDetails.account.iban', names)).toBe('terms.paymentDetails.account');
  });
});
