import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import {
  EVENT_CATALOGUE,
  EVENT_TYPES,
  type FieldSpec,
  isEventType,
  isSystemEventType,
  isUserEventType,
  type MachineName,
  SYSTEM_EVENT_TYPES,
  USER_EVENT_TYPES,
  APPLICATION_FIELDS,
} from '../../machines/catalogue';
import { caseMachine } from '../../machines/case.machine';
import { claimMediationMachine } from '../../machines/claim-mediation.machine';
import { CASE_EVENTS, MEDIATION_EVENTS, RESTITUTION_EVENTS, ROLES } from '../../machines/procedure';
import { restitutionMachine } from '../../machines/restitution.machine';
import { EVENT_DTOS } from '../../src/cases/dto/case-events.dto';
import type { EventType } from '../../machines/events';
import {
  ConvictDto,
  CreateCaseDto,
  RepresentativeDto,
  SentenceDto,
  VictimDto,
} from '../../src/cases/dto/create-case.dto';

const PROTOTYPE_NAMES = ['valueOf', 'toString', '__proto__', 'hasOwnProperty', 'constructor', 'isPrototypeOf'];

describe('the event catalogue declares each event once', () => {
  it('derives the machines’ event lists, the role table and the user/system split', () => {
    expect(CASE_EVENTS).toEqual(EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].machine === 'case'));
    expect(new Set([...CASE_EVENTS, ...MEDIATION_EVENTS, ...RESTITUTION_EVENTS])).toEqual(new Set(EVENT_TYPES));
    expect([...SYSTEM_EVENT_TYPES].sort()).toEqual([
      'hearing.reminder',
      'invitation.expired',
      'payment.overdue',
      'term.expired',
    ]);
    expect(USER_EVENT_TYPES).toHaveLength(EVENT_TYPES.length - SYSTEM_EVENT_TYPES.length);
    for (const type of EVENT_TYPES) expect(ROLES[type]).toBe(EVENT_CATALOGUE[type].roles);
  });

  it('keeps who records what as DOMAIN.md §5 says', () => {
    const byRole = (role: string) => EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].roles.includes(role as never)).sort();
    expect(byRole('system')).toEqual([...SYSTEM_EVENT_TYPES].sort());
    expect(byRole('officer')).toEqual([
      'convict.released',
      'default.reported',
      'payment.missed.explained',
      'payment.recorded',
      'payment.reversed',
      'release.corrected',
    ]);
    expect(byRole('court')).toEqual(['court.decided', 'hearing.corrected', 'hearing.scheduled', 'parole.revoked']);
    // The court's own acts: only the court records its ruling and a revocation.
    expect(EVENT_CATALOGUE['court.decided'].roles).toEqual(['court']);
    expect(EVENT_CATALOGUE['parole.revoked'].roles).toEqual(['court']);
    // Before release there is no officer: the mediator or the lawyer records a payment (with its evidence).
    expect([...EVENT_CATALOGUE['payment.recorded'].roles].sort()).toEqual(['lawyer', 'mediator', 'officer']);
    // Hand-over: by the mediator (or the lawyer before acceptance); defenders by a lawyer of the case.
    expect([...EVENT_CATALOGUE['mediator.assigned'].roles].sort()).toEqual(['lawyer', 'mediator']);
    expect(EVENT_CATALOGUE['lawyer.added'].roles).toEqual(['lawyer']);
    expect(EVENT_CATALOGUE['lawyer.replaced'].roles).toEqual(['lawyer']);
    // A correction is recorded by whoever records the kind of fact it corrects.
    const sameRoles = (a: EventType, b: EventType) =>
      expect([...EVENT_CATALOGUE[a].roles].sort()).toEqual([...EVENT_CATALOGUE[b].roles].sort());
    sameRoles('release.corrected', 'convict.released');
    sameRoles('hearing.corrected', 'hearing.scheduled');
    sameRoles('payment.reversed', 'payment.recorded');
    expect(
      MEDIATION_EVENTS.filter((t) => isUserEventType(t)).every((t) => EVENT_CATALOGUE[t].roles.join() === 'mediator'),
    ).toBe(true);
    for (const type of EVENT_TYPES) {
      const { roles, usualRole, recordedBy } = EVENT_CATALOGUE[type];
      expect(roles).toContain(usualRole);
      expect((roles as readonly string[]).includes('system')).toBe(recordedBy === 'system');
    }
  });

  it.each([
    ['case', caseMachine],
    ['mediation', claimMediationMachine],
    ['restitution', restitutionMachine],
  ] as const)(
    'the %s machine handles exactly the catalogue’s events for it (besides the cascades)',
    (machine: MachineName, definition) => {
      const handled = new Set(Object.values(definition.root.states).flatMap((s) => s.ownEvents));
      const declared = EVENT_TYPES.filter((t) => EVENT_CATALOGUE[t].machine === machine);
      for (const type of declared) expect(handled).toContain(type);
      const cascades = ['claim.outcome', 'claim.reopened', 'restitution.paid', 'convict.released', 'release.corrected'];
      for (const type of handled) if (!declared.includes(type as never)) expect(cascades).toContain(type);
    },
  );

  it('has a short label and a help text in Kazakh, Russian and English for every event, field and option', () => {
    const cyrillic = /[а-яё]/i;
    const kazakhLetters = /[әғқңөұүһі]/i;
    const kkTexts: string[] = [];
    const check = (text: Record<string, string>, what: string) => {
      expect([what, Object.keys(text).sort()]).toEqual([what, ['en', 'kk', 'ru']]);
      expect([what, cyrillic.test(text.ru), cyrillic.test(text.kk), /^[\x20-\x7e—’]+$/.test(text.en)]).toEqual([
        what,
        true,
        true,
        true,
      ]);
      kkTexts.push(text.kk);
    };
    const walk = (fields: readonly FieldSpec[], where: string) => {
      for (const f of fields) {
        check(f.label, `${where}.${f.name}`);
        if (f.help) check(f.help, `${where}.${f.name} help`);
        for (const [value, label] of Object.entries(f.options ?? {})) check(label, `${where}.${f.name}=${value}`);
        expect(['choice', 'choices'].includes(f.kind)).toBe(f.options !== undefined);
        expect(f.kind === 'group').toBe(f.fields !== undefined);
        if (f.fields) walk(f.fields, `${where}.${f.name}`);
      }
    };
    for (const type of EVENT_TYPES) {
      const e = EVENT_CATALOGUE[type];
      check(e.label, type);
      check(e.help, `${type} help`);
      expect(e.label.ru.length).toBeLessThan(60);
      walk(e.fields, type);
    }
    expect(EVENT_CATALOGUE['invitation.sent'].label).toEqual({
      kk: 'Шақыру жіберілді',
      ru: 'Приглашение направлено',
      en: 'Invitation sent',
    });
    // Kazakh is written in Kazakh, not transliterated Russian: most texts use its own letters.
    expect(kkTexts.filter((s) => kazakhLetters.test(s)).length / kkTexts.length).toBeGreaterThan(0.6);
  });

  it('declares the fields each DTO validates: same names, same required ones, nested groups alike', () => {
    const storage = getMetadataStorage();
    const IGNORED = ['type', 'claimId', 'expectedVersion'];
    type Class = abstract new (...args: never[]) => unknown;
    const fieldsOf = (cls: Class, top: boolean) => {
      const metas = storage.getTargetValidationMetadatas(cls, '', true, false);
      const names = [...new Set(metas.map((m) => m.propertyName))].filter((n) => !top || !IGNORED.includes(n));
      return names.map((name) => {
        const optional = metas.some(
          (m) =>
            m.propertyName === name && m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === 'isOptional',
        );
        const declared = Reflect.getMetadata('design:type', cls.prototype, name) as Class | undefined;
        const nested =
          declared && declared !== Array && storage.getTargetValidationMetadatas(declared, '', true, false).length > 0
            ? declared
            : undefined;
        return { name, required: !optional, nested };
      });
    };
    const compare = (cls: Class, fields: readonly FieldSpec[], where: string, top = false) => {
      const dto = fieldsOf(cls, top);
      expect([where, dto.map((f) => `${f.name}${f.required ? '' : '?'}`).sort()]).toEqual([
        where,
        fields.map((f) => `${f.name}${f.required ? '' : '?'}`).sort(),
      ]);
      for (const f of fields) {
        const d = dto.find((x) => x.name === f.name)!;
        expect([`${where}.${f.name}`, d.nested !== undefined]).toEqual([`${where}.${f.name}`, f.kind === 'group']);
        if (d.nested && f.fields) compare(d.nested, f.fields, `${where}.${f.name}`);
      }
    };
    for (const type of USER_EVENT_TYPES) compare(EVENT_DTOS[type], EVENT_CATALOGUE[type].fields, type, true);
    expect(Object.keys(EVENT_DTOS).sort()).toEqual([...USER_EVENT_TYPES].sort());

    // The application's identification fields: each one the catalogue labels is validated by CreateCaseDto alike.
    const groups: Record<keyof typeof APPLICATION_FIELDS, Class> = {
      convict: ConvictDto,
      sentence: SentenceDto,
      victim: VictimDto,
      representative: RepresentativeDto,
      case: CreateCaseDto,
    };
    for (const [group, fields] of Object.entries(APPLICATION_FIELDS) as [keyof typeof groups, readonly FieldSpec[]][]) {
      const dto = fieldsOf(groups[group], false);
      for (const f of fields) {
        const d = dto.find((x) => x.name === f.name);
        expect([group, f.name, d?.required, d?.nested !== undefined]).toEqual([
          group,
          f.name,
          f.required,
          f.kind === 'group',
        ]);
        if (d?.nested && f.fields) compare(d.nested, f.fields, `${group}.${f.name}`);
        if (f.kind === 'directory') expect([group, f.name, f.directory]).toEqual([group, f.name, expect.any(String)]);
      }
    }
  });

  it.each(PROTOTYPE_NAMES)('"%s" — a name on every object — is no event type and has no roles', (name) => {
    expect(isEventType(name)).toBe(false);
    expect(isUserEventType(name)).toBe(false);
    expect(isSystemEventType(name)).toBe(false);
    expect(ROLES[name]).toBeUndefined();
  });
});
