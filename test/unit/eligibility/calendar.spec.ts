import { formatCitation } from '../../../src/eligibility/domain/citation-format';
import { mandatoryOrDiscretionary } from '../../../src/eligibility/domain/parole-eligibility';
import { settings } from '../../../src/law/legal-rules';
import { DomainError } from '../../../src/common/domain-error';
import { parole, replacement } from './helpers';

const y = (years: number, months = 0, days = 0) => ({ years, months, days });

describe('УК 72 ч. 5 — never less than six months actually served', () => {
  it('1 year, minor: 1/3 = 4 months → the 6-month minimum applies', () => {
    const a = parole({ term: y(1), termStartDate: '2025-01-10' });
    expect(a).toMatchObject({ earliestDate: '2025-07-10', minimumSixMonthsApplied: true, requiredServed: y(0, 6) });
    expect(a.method).toContain('применён минимум УК РК ст. 72 ч. 5');
  });
  it('2 years, minor: 1/3 = 8 months → the fraction', () =>
    expect(parole({ term: y(2), termStartDate: '2025-01-10' })).toMatchObject({
      earliestDate: '2025-09-10',
      minimumSixMonthsApplied: false,
      requiredServed: y(0, 8),
    }));
  it('18 months, minor: exactly 6 months → the fraction, no minimum needed', () =>
    expect(parole({ term: y(1, 6), termStartDate: '2025-01-10' })).toMatchObject({
      earliestDate: '2025-07-10',
      minimumSixMonthsApplied: false,
    }));
  it('the minimum counts from the start before the credit is subtracted', () =>
    expect(parole({ term: y(1), termStartDate: '2025-01-10', pretrialDetentionDays: 9 }).earliestDate).toBe(
      '2025-07-01',
    ));
  it('a term of 6 months or less: no parole possible, ч. 5 given as the reason', () => {
    const a = parole({ term: y(0, 6), termStartDate: '2025-01-10' });
    expect(a).toMatchObject({ eligible: false, earliestDate: null, exclusion: { rule: { article: '72', part: '5' } } });
    expect(a.exclusion!.reason.kk).toContain('алты ай');
  });
  it('a term of 7 months: eligible after 6', () =>
    expect(parole({ term: y(0, 7), termStartDate: '2025-01-10' }).earliestDate).toBe('2025-07-10'));
  it('art. 73 has no such minimum (setting): 1 year minor → 3 months', () =>
    expect(replacement({ term: y(1), termStartDate: '2025-01-10' })).toMatchObject({
      earliestDate: '2025-04-10',
      minimumSixMonthsApplied: false,
    }));
  it('…unless the setting switches it on', () => {
    settings.eligibility.replacementAppliesSixMonthMinimum = true;
    try {
      expect(replacement({ term: y(1), termStartDate: '2025-01-10' })).toMatchObject({
        earliestDate: '2025-07-10',
        minimumSixMonthsApplied: true,
      });
    } finally {
      settings.eligibility.replacementAppliesSixMonthMinimum = false;
    }
  });
});

describe('months, remainders and the calendar', () => {
  it('fraction of a month in days at 30 days a month: 1 year 5 months × 1/3 = 5 months 20 days', () => {
    const a = parole({ term: y(1, 5), termStartDate: '2025-01-10' });
    expect(a.method).toContain('17 мес.; × 1/3 = 5 мес. 20 дн.');
    expect(a).toMatchObject({ requiredServed: y(0, 6), earliestDate: '2025-07-10' }); // < 6 months → the minimum
    const g = parole({ term: y(2, 5), gravity: 'grave', termStartDate: '2025-01-10' }); // 29 months × 1/2 = 14 months 15 days
    expect(g).toMatchObject({ requiredServed: y(1, 2, 15), earliestDate: '2026-03-25' });
    expect(g.method).toContain('29 мес.; × 1/2 = 14 мес. 15 дн.');
  });
  it('days of the term count too: 3 years 0 months 15 days × 1/3 = 12 months 5 days', () =>
    expect(parole({ term: y(3, 0, 15), termStartDate: '2025-01-10' })).toMatchObject({
      requiredServed: y(1, 0, 5),
      earliestDate: '2026-01-15',
    }));
  it('a part of a day is rounded up ("не менее"): 1 month × 1/4 = 7.5 → 8 days', () =>
    expect(replacement({ term: y(0, 1), termStartDate: '2025-01-10' })).toMatchObject({
      requiredServed: y(0, 0, 8),
      earliestDate: '2025-01-18',
    }));
  it('leap day start: 29 Feb 2024 + 1 year (2 years grave × 1/2) = 28 Feb 2025', () =>
    expect(parole({ term: y(2), gravity: 'grave', termStartDate: '2024-02-29' }).earliestDate).toBe('2025-02-28'));
  it('leap day start: 29 Feb 2024 + 4 years (8 years grave × 1/2) = 29 Feb 2028', () =>
    expect(parole({ term: y(8), gravity: 'grave', termStartDate: '2024-02-29' }).earliestDate).toBe('2028-02-29'));
  it('month end: 31 Jan + 1 month = 28 Feb (29 in a leap year)', () => {
    expect(replacement({ term: y(0, 4), termStartDate: '2025-01-31' }).earliestDate).toBe('2025-02-28');
    expect(replacement({ term: y(0, 4), termStartDate: '2024-01-31' }).earliestDate).toBe('2024-02-29');
  });
  it('month end: 31 Aug + 6 months = 28 Feb', () =>
    expect(parole({ term: y(1), termStartDate: '2025-08-31' }).earliestDate).toBe('2026-02-28'));
  it('0 months 29 days from 31 Jan is not later than 1 whole month (28 Feb): capped (setting)', () => {
    const a = replacement({ term: y(0, 3, 26), termStartDate: '2025-01-31' }); // 116 days × 1/4 = 29 days
    expect(a).toMatchObject({ requiredServed: y(0, 0, 29), earliestDate: '2025-02-28' });
    expect(a.method).toContain('не позже 1 полных месяцев');
  });
  it('…without the cap it would be 1 March', () => {
    settings.eligibility.capRemainderAtNextWholeMonth = false;
    try {
      expect(replacement({ term: y(0, 3, 26), termStartDate: '2025-01-31' }).earliestDate).toBe('2025-03-01');
    } finally {
      settings.eligibility.capRemainderAtNextWholeMonth = true;
    }
  });
});

describe('pre-trial detention credit', () => {
  it('days credited are subtracted from the date', () => {
    const a = parole({ term: y(6), gravity: 'grave', termStartDate: '2020-01-10', pretrialDetentionDays: 45 });
    expect(a.earliestDate).toBe('2022-11-26');
    expect(a.method).toContain('минус 45 дн. содержания под стражей до приговора = 2022-11-26');
  });
  it('a period from–to counts both days, one day for one day (setting)', () => {
    const a = parole({
      term: y(6),
      gravity: 'grave',
      termStartDate: '2020-01-10',
      pretrialDetention: { from: '2019-11-26', to: '2020-01-09' },
    });
    expect(a.earliestDate).toBe('2022-11-26'); // 26 Nov … 9 Jan = 45 days
    expect(a.notes.join(' ')).toContain('45 дн.');
  });
});

describe('input the domain refuses', () => {
  const rules = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return ((e as DomainError).details.errors as { field: string; rule: string }[]).map(
        (x) => `${x.field}:${x.rule}`,
      );
    }
    return [];
  };
  it('term of zero, negative detention, unknown gravity, revoked parole without remainder', () => {
    expect(rules(() => parole({ term: y(0) }))).toEqual(['term:term_positive']);
    expect(rules(() => parole({ pretrialDetentionDays: -1 }))).toEqual(['pretrialDetentionDays:min']);
    expect(rules(() => parole({ gravity: 'awful' as never }))).toEqual(['gravity:isIn']);
    expect(rules(() => parole({ previousParoleRevoked: 'part7_item1_or_2' }))).toEqual([
      'unservedRemainder:remainder_required',
    ]);
    expect(rules(() => parole({ pretrialDetention: { from: '2020-02-01', to: '2020-01-01' } }))).toEqual([
      'pretrialDetention:detention_range',
    ]);
  });
});

describe('УК 72 ч. 1: mandatory or discretionary', () => {
  it('not yet served the required part → not_yet', () =>
    expect(
      mandatoryOrDiscretionary({ eligibleToday: false, allClaimsPaidOrWaived: true, maliciousViolations: 0 }).kind,
    ).toBe('not_yet'));
  it('damage fully compensated, no malicious violations → mandatory (абз. 2)', () =>
    expect(
      mandatoryOrDiscretionary({ eligibleToday: true, allClaimsPaidOrWaived: true, maliciousViolations: 0 }),
    ).toMatchObject({
      kind: 'mandatory',
      rule: { article: '72', part: '1', paragraph: '2' },
    }));
  it('a malicious violation → discretionary (абз. 1)', () =>
    expect(
      mandatoryOrDiscretionary({ eligibleToday: true, allClaimsPaidOrWaived: true, maliciousViolations: 1 }),
    ).toMatchObject({
      kind: 'discretionary',
      rule: { paragraph: '1' },
    }));
  it('claims not fully paid → discretionary', () =>
    expect(
      mandatoryOrDiscretionary({ eligibleToday: true, allClaimsPaidOrWaived: false, maliciousViolations: 0 }).kind,
    ).toBe('discretionary'));
  it("the victim's waiver counts as full compensation only while the setting says so (LAW.md §12 q. 1)", () => {
    expect(
      mandatoryOrDiscretionary({
        eligibleToday: true,
        allClaimsPaidOrWaived: true,
        reliesOnWaiver: true,
        maliciousViolations: 0,
      }).kind,
    ).toBe('mandatory');
    settings.waiverCountsAsFullCompensation = false;
    try {
      expect(
        mandatoryOrDiscretionary({
          eligibleToday: true,
          allClaimsPaidOrWaived: true,
          reliesOnWaiver: true,
          maliciousViolations: 0,
        }).kind,
      ).toBe('discretionary');
    } finally {
      settings.waiverCountsAsFullCompensation = true;
    }
  });
  it('terrorism with cooperation or a corruption exception: only discretionary (абз. 3–5 say "может")', () =>
    expect(
      mandatoryOrDiscretionary({
        eligibleToday: true,
        allClaimsPaidOrWaived: true,
        maliciousViolations: 0,
        discretionaryOnly: true,
      }).kind,
    ).toBe('discretionary'));
});

describe('citations for display', () => {
  it('Russian and Kazakh forms', () => {
    expect(formatCitation({ act: 'УК', article: '72', part: '3', item: '2' })).toEqual({
      ru: 'УК РК ст. 72 ч. 3 п. 2',
      kk: 'ҚР ҚК 72-бап 3-бөлік 2-тармақ',
    });
    expect(formatCitation({ act: 'УК', article: '72', part: '1', paragraph: '2' })).toEqual({
      ru: 'УК РК ст. 72 ч. 1 абз. 2',
      kk: 'ҚР ҚК 72-бап 1-бөлік 2-абзац',
    });
    expect(formatCitation({ act: 'УК', article: '73', part: '2-1' })).toEqual({
      ru: 'УК РК ст. 73 ч. 2-1',
      kk: 'ҚР ҚК 73-бап 2-1-бөлік',
    });
  });
});
