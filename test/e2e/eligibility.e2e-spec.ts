import { startTestApp, TestApp } from '../support/app';

/** POST /api/eligibility over HTTP, real app, clock fixed at 2026-12-01 (Asia/Almaty). */
describe('POST /api/eligibility', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T09:00:00+05:00' });
  });
  afterAll(() => t.close());

  const valid = {
    term: { years: 6, months: 0, days: 0 },
    termStartDate: '2020-01-10',
    gravity: 'grave',
    pretrialDetentionDays: 45,
  };
  const post = (body: unknown) =>
    t
      .as('lawyer')
      .post('/api/eligibility')
      .send(body as object);

  it('answers parole and replacement with the date, the rule cited in Russian and Kazakh, and the method', async () => {
    const res = await post(valid).expect(200);
    expect(res.body.parole).toMatchObject({
      eligible: true,
      earliestDate: '2022-11-26',
      fraction: { numerator: 1, denominator: 2 },
      requiredServed: { years: 3, months: 0, days: 0 },
      citation: { ru: 'УК РК ст. 72 ч. 3 п. 2', kk: 'ҚР ҚК 72-бап 3-бөлік 2-тармақ' },
      minimumSixMonthsApplied: false,
    });
    expect(res.body.parole.method).toContain('72 мес.; × 1/2 = 36 мес. 0 дн.');
    expect(res.body.parole.method).toContain('минус 45 дн.');
    expect(res.body.replacement).toMatchObject({
      eligible: true,
      earliestDate: '2021-11-26',
      citation: { ru: 'УК РК ст. 73 ч. 2 абз. 1', kk: 'ҚР ҚК 73-бап 2-бөлік 1-абзац' },
    });
  });

  it('gives the exclusion with its reason in both languages', async () => {
    const res = await post({ ...valid, gravity: 'especially_grave', torture: true }).expect(200);
    expect(res.body.parole).toMatchObject({
      eligible: false,
      earliestDate: null,
      exclusion: { citation: { ru: 'УК РК ст. 72 ч. 8 п. 9', kk: 'ҚР ҚК 72-бап 8-бөлік 9-тармақ' } },
    });
    expect(res.body.parole.exclusion.reason.ru).toContain('пытки');
    expect(res.body.parole.exclusion.reason.kk).toContain('Азаптау');
    expect(res.body.replacement.exclusion.citation.ru).toBe('УК РК ст. 73 ч. 1');
  });

  it('computes only the procedure asked for', async () => {
    const res = await post({ ...valid, procedure: 'parole' }).expect(200);
    expect(Object.keys(res.body)).toEqual(['parole']);
  });

  it('400 term_positive for a term of zero', async () => {
    const res = await post({ ...valid, term: { years: 0, months: 0, days: 0 } }).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'term', rule: 'term_positive' })]),
    );
  });

  it('400 term_positive when the term is missing and it is not life imprisonment', async () => {
    const { term: _term, ...noTerm } = valid;
    const res = await post(noTerm).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'term', rule: 'term_positive' })]),
    );
  });

  it('accepts life imprisonment without a term', async () => {
    const { term: _term, ...noTerm } = valid;
    const res = await post({ ...noTerm, gravity: 'especially_grave', lifeImprisonment: true }).expect(200);
    expect(res.body.parole).toMatchObject({
      earliestDate: '2044-11-26',
      citation: { ru: 'УК РК ст. 72 ч. 6' },
      base: 'life',
    });
  });

  it('400 isIn for an unknown gravity category', async () => {
    const res = await post({ ...valid, gravity: 'terrible' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'gravity', rule: 'isIn' })]);
  });

  it('400 start_not_in_future for a start after today of the injected clock', async () => {
    const res = await post({ ...valid, termStartDate: '2026-12-02' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'termStartDate', rule: 'start_not_in_future' })]);
    await post({ ...valid, termStartDate: '2026-12-01' }).expect(200);
  });

  it('400 min for negative pre-trial detention', async () => {
    const res = await post({ ...valid, pretrialDetentionDays: -1 }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'pretrialDetentionDays', rule: 'min' })]);
  });

  it('400 local_date for a date that is not a calendar date', async () => {
    const res = await post({ ...valid, termStartDate: '2023-02-29' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'termStartDate', rule: 'local_date' })]);
  });

  it('400 unknown_field for a field the endpoint does not know', async () => {
    const res = await post({ ...valid, recidivist: true }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'recidivist', rule: 'unknown_field' })]);
  });

  it('400 remainder_required after revoked parole without the remainder', async () => {
    const res = await post({ ...valid, previousParoleRevoked: 'part7_item1_or_2' }).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'unservedRemainder', rule: 'remainder_required' }),
    ]);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await t.as('lawyer').get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/eligibility'].post).toBeDefined();
  });
});
