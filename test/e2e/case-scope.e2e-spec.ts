/**
 * Who sees which case and who acts on it (issue «People and access» §4–6), over HTTP with the access guard:
 * scope follows the case — the court from the filing, the officer from the release under his unit, the mediator
 * while the case is his — conflicts of interest are refused, notes are their author's, roles are the catalogue's.
 */
import { application, IIN, TENGE } from '../factories/case.factory';
import { ORG, startScopedApp, type Caller, type Member, type ScopedApp } from '../support/scoped-app';

const TODAY = '2026-12-01';

describe('case scope and who acts', () => {
  let t: ScopedApp;
  const id = (m: Member) => t.idOf(m);
  beforeAll(async () => {
    t = await startScopedApp();
  });
  afterAll(() => t.close());

  const open = async (by: Member, over: Record<string, unknown> = {}, status = 201) => {
    const res = await t.as(by).post('/api/cases', application(over));
    expect(res.status).toBe(status);
    return res.body as { id: string; claims: { id: string }[]; errors?: { field: string; rule: string }[] };
  };
  const send = async (by: Caller, caseId: string, event: Record<string, unknown>, status = 200) => {
    const res = await t.as(by).post(`/api/cases/${caseId}/events`, event);
    if (res.status !== status)
      throw new Error(
        `${String(event.type)} by ${by} → ${res.status} (expected ${status}): ${JSON.stringify(res.body)}`,
      );
    return res.body as Record<string, unknown> & { errors?: { field: string; rule: string }[] };
  };
  const sees = async (by: Caller, caseId: string) => {
    const res = await t.as(by).get(`/api/cases/${caseId}`);
    expect([200, 404]).toContain(res.status);
    return res.status === 200;
  };
  const listed = async (by: Caller, query = '') => {
    const res = await t.as(by).get(`/api/cases?limit=100${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: { id: string }[]; total: number };
  };

  /** A case through mediation (instalments after release) to the agreement. */
  const agreed = async (lawyer: Member, mediator: Member) => {
    const kase = await open(lawyer, { mediatorUserId: id(mediator) });
    const claimId = kase.claims[0].id;
    await send(mediator, kase.id, { type: 'case.accepted' });
    await send(mediator, kase.id, { type: 'invitation.sent', claimId });
    await send(mediator, kase.id, { type: 'invitation.accepted', claimId });
    await send(mediator, kase.id, { type: 'contract.signed', claimId, contractDate: TODAY });
    await send(mediator, kase.id, { type: 'session.held', claimId, form: 'video', notes: `Заметки ${mediator}` });
    await send(mediator, kase.id, {
      type: 'agreement.signed',
      claimId,
      signedBy: { mediator: true, victim: true, convict: true },
      terms: {
        paidBeforeHearing: 100_000 * TENGE,
        waived: 0,
        instalments: {
          total: 1_900_000 * TENGE,
          monthly: 50_000 * TENGE,
          dayOfMonth: 10,
          startsMonthAfterRelease: true,
        },
      },
    });
    return { id: kase.id, claimId };
  };

  it('the lawyer who opens and the mediator addressed see the case; court and officer only later; admin never', async () => {
    const kase = await agreed('lawyer', 'mediator');
    const who: Caller[] = ['lawyer', 'mediator', 'court', 'officer', 'admin', 'otherLawyer', 'otherMediator'];
    const visible = async () => {
      const out: Caller[] = [];
      for (const w of who) if (await sees(w, kase.id)) out.push(w);
      return out;
    };
    expect(await visible()).toEqual(['lawyer', 'mediator']);

    // The court sees the case from the filing with it on; another court never.
    await send('lawyer', kase.id, { type: 'petition.filed', courtId: ORG.court, court: 'Усть-Каменогорский суд' });
    expect(await visible()).toEqual(['lawyer', 'mediator', 'court']);
    expect(await sees('otherCourt', kase.id)).toBe(false);

    // The officer only once the parolee is released under his unit's supervision.
    await send('court', kase.id, { type: 'court.decided', decision: 'parole', decisionDate: TODAY });
    expect(await sees('officer', kase.id)).toBe(false);
    await send('lawyer', kase.id, { type: 'convict.released', releaseDate: TODAY, supervisionUnitId: ORG.unit });
    expect(await visible()).toEqual(['lawyer', 'mediator', 'court', 'officer']);
    expect(await sees('otherOfficer', kase.id)).toBe(false);
    // History, schedule, documents, eligibility: the same 404 outside the scope.
    for (const path of ['history', 'eligibility', `claims/${kase.claimId}/schedule`, 'documents']) {
      expect((await t.as('officer').get(`/api/cases/${kase.id}/${path}`)).status).toBe(200);
      expect((await t.as('otherOfficer').get(`/api/cases/${kase.id}/${path}`)).status).toBe(404);
      expect((await t.as('admin').get(`/api/cases/${kase.id}/${path}`)).status).toBe(404);
    }
    // After release the officer records payments too.
    await send('officer', kase.id, {
      type: 'payment.recorded',
      claimId: kase.claimId,
      amount: 100_000 * TENGE,
      date: TODAY,
      evidence: 'bank_transfer',
      reference: 'KASPI-1',
    });
  });

  it('lists and searches only the user’s own cases: 0 foreign reads, totals of his own only', async () => {
    const ours = await agreed('lawyer', 'mediator');
    const theirs = await agreed('otherLawyer', 'otherMediator');
    await send('lawyer', ours.id, { type: 'petition.filed', courtId: ORG.court });
    await send('otherLawyer', theirs.id, { type: 'petition.filed', courtId: ORG.otherCourt });
    const all = async (by: Caller) => {
      const found = new Set<string>();
      const counted: number[] = [];
      for (const q of ['', '&q=Серіков', `&q=${IIN.convict}`, `&q=${IIN.victim1}`, '&state=petitionFiled']) {
        const page = await listed(by, q);
        page.items.forEach((i) => found.add(i.id));
        expect(page.total).toBe(page.items.length); // the total counts what he may see, nothing else
        counted.push(page.total);
      }
      return found;
    };
    for (const [mine, other] of [
      ['lawyer', 'otherLawyer'],
      ['mediator', 'otherMediator'],
      ['court', 'otherCourt'],
    ] as const) {
      const a = await all(mine);
      const b = await all(other);
      expect(a.has(ours.id)).toBe(true);
      expect(a.has(theirs.id)).toBe(false);
      expect(b.has(theirs.id)).toBe(true);
      expect(b.has(ours.id)).toBe(false);
    }
    // The officers' units supervise no one yet; the administrator reads no case contents (not even a count).
    expect(await all('otherOfficer')).toEqual(new Set());
    expect((await t.as('admin').get('/api/cases')).status).toBe(403);
    expect((await t.as('anonymous').get('/api/cases')).status).toBe(401);
  });

  it('hand-over moves the case: the new mediator sees it, the previous one no longer does', async () => {
    const kase = await open('lawyer', { mediatorUserId: id('mediator') });
    await send('mediator', kase.id, { type: 'case.accepted' });
    // Another mediator cannot take a case he does not see; the lawyer cannot hand over after acceptance.
    await send('otherMediator', kase.id, { type: 'mediator.assigned', mediatorUserId: id('otherMediator') }, 404);
    const late = await send('lawyer', kase.id, { type: 'mediator.assigned', mediatorUserId: id('otherMediator') }, 400);
    expect(late.errors?.[0]).toMatchObject({ field: 'mediatorUserId', rule: 'handover_after_acceptance' });

    const before = (await t.as('mediator').get(`/api/cases/${kase.id}`)).body as { state: string };
    await send('mediator', kase.id, { type: 'mediator.assigned', mediatorUserId: id('otherMediator') });
    expect(await sees('mediator', kase.id)).toBe(false);
    expect(await sees('otherMediator', kase.id)).toBe(true);
    expect((await listed('mediator')).items.map((i) => i.id)).not.toContain(kase.id);
    expect((await listed('otherMediator')).items.map((i) => i.id)).toContain(kase.id);
    const after = (await t.as('otherMediator').get(`/api/cases/${kase.id}`)).body as { state: string };
    expect(after.state).toBe(before.state); // the procedure stays where it was

    const history = (await t.as('lawyer').get(`/api/cases/${kase.id}/history`)).body as {
      type: string;
      actor: { role: string; name: string };
      payload: Record<string, unknown>;
    }[];
    expect(history.at(-1)).toMatchObject({
      type: 'mediator.assigned',
      actor: { role: 'mediator', name: t.nameOf('mediator') },
      payload: { mediatorUserId: id('otherMediator') },
    });
  });

  it('the lawyer may address another mediator before acceptance; the new one accepts under his own name', async () => {
    const kase = await open('lawyer', { mediatorUserId: id('mediator') });
    await send('lawyer', kase.id, { type: 'mediator.assigned', mediatorUserId: id('otherMediator') });
    await send('mediator', kase.id, { type: 'case.accepted' }, 404);
    await send('otherMediator', kase.id, { type: 'case.accepted' });
    const docs = await t.as('lawyer').get(`/api/cases/${kase.id}`);
    expect(docs.status).toBe(200);
  });

  it('a defender added sees the case; a defender replaced no longer does', async () => {
    const kase = await open('lawyer', { mediatorUserId: id('mediator') });
    await send('otherLawyer', kase.id, { type: 'lawyer.added', lawyerUserId: id('otherLawyer') }, 404);
    await send('lawyer', kase.id, { type: 'lawyer.added', lawyerUserId: id('otherLawyer') });
    expect(await sees('otherLawyer', kase.id)).toBe(true);
    const dup = await send('lawyer', kase.id, { type: 'lawyer.added', lawyerUserId: id('otherLawyer') }, 400);
    expect(dup.errors?.[0].rule).toBe('already_on_case');
    // A mediator is no lawyer: refused naming the field.
    const notLawyer = await send('lawyer', kase.id, { type: 'lawyer.added', lawyerUserId: id('mediator') }, 400);
    expect(notLawyer.errors?.[0]).toMatchObject({ field: 'lawyerUserId', rule: 'unknown_lawyer' });

    // The convict changes his defender: the lawyer hands his place over and no longer sees the case.
    const other = await open('lawyer', { mediatorUserId: id('mediator') });
    await send('lawyer', other.id, { type: 'lawyer.replaced', lawyerUserId: id('otherLawyer') });
    expect(await sees('lawyer', other.id)).toBe(false);
    expect(await sees('otherLawyer', other.id)).toBe(true);
    expect((await listed('lawyer')).items.map((i) => i.id)).not.toContain(other.id);
    const now = (await t.as('otherLawyer').get(`/api/cases/${other.id}`)).body as { id: string };
    expect(now.id).toBe(other.id);
  });

  it('conflict of interest is refused at creation, hand-over and when a defender joins (acceptance checks again)', async () => {
    // Creation: the mediator addressed is the convict himself (same ИИН).
    const created = await open('lawyer', { mediatorUserId: id('convictAsMediator') }, 400);
    expect(created.errors?.[0]).toMatchObject({ field: 'mediator', rule: 'conflict_of_interest' });
    // Hand-over to him: refused, the case stays with its mediator.
    const kase = await open('lawyer', { mediatorUserId: id('mediator') });
    const handOver = await send(
      'mediator',
      kase.id,
      {
        type: 'mediator.assigned',
        mediatorUserId: id('convictAsMediator'),
      },
      400,
    );
    expect(handOver.errors?.[0].rule).toBe('conflict_of_interest');
    expect(await sees('mediator', kase.id)).toBe(true);
    // A defender who is the mediator under another account (same ИИН): refused.
    const hers = await open('lawyer', { mediatorUserId: id('otherMediator') });
    const twin = await send('lawyer', hers.id, { type: 'lawyer.added', lawyerUserId: id('mediatorAsLawyer') }, 400);
    expect(twin.errors?.[0].rule).toBe('conflict_of_interest');
    const replaced = await send(
      'lawyer',
      hers.id,
      { type: 'lawyer.replaced', lawyerUserId: id('mediatorAsLawyer') },
      400,
    );
    expect(replaced.errors?.[0].rule).toBe('conflict_of_interest');
    expect(await sees('lawyer', hers.id)).toBe(true);
    // A mediator opening a case for a convict who is himself: refused as well.
    const own = await open('convictAsMediator', {}, 400);
    expect(own.errors?.[0].rule).toBe('conflict_of_interest');
    // A lawyer opening a case addressed to the mediator he is under another account: refused.
    const byTwin = await open('mediatorAsLawyer', { mediatorUserId: id('otherMediator') }, 400);
    expect(byTwin.errors?.[0].rule).toBe('conflict_of_interest');
  });

  it('notes are read back by the mediator who wrote them, and by no one else', async () => {
    const kase = await agreed('lawyer', 'mediator');
    const notes = await t.as('mediator').get(`/api/cases/${kase.id}/notes`);
    expect(notes.status).toBe(200);
    expect(notes.body).toEqual([expect.objectContaining({ claimId: kase.claimId, notes: 'Заметки mediator' })]);
    await send('lawyer', kase.id, { type: 'petition.filed', courtId: ORG.court });
    for (const other of ['lawyer', 'court', 'admin', 'otherMediator', 'officer'] as const)
      expect((await t.as(other).get(`/api/cases/${kase.id}/notes`)).status).toBe(404);
    expect((await t.as('anonymous').get(`/api/cases/${kase.id}/notes`)).status).toBe(401);
    // Nowhere else: not in the case, its history or its documents list.
    for (const path of ['', '/history', '/documents'])
      expect(JSON.stringify((await t.as('mediator').get(`/api/cases/${kase.id}${path}`)).body)).not.toContain(
        'Заметки',
      );
    // The mediator who takes the case over does not read his predecessor's notes; the predecessor loses the case.
    await send('mediator', kase.id, { type: 'mediator.assigned', mediatorUserId: id('otherMediator') });
    expect((await t.as('otherMediator').get(`/api/cases/${kase.id}/notes`)).body).toEqual([]);
    expect((await t.as('mediator').get(`/api/cases/${kase.id}/notes`)).status).toBe(404);
  });

  it('every event by a role the catalogue allows: 403 role_not_allowed naming the event and the roles', async () => {
    const kase = await agreed('lawyer', 'mediator');
    await send('lawyer', kase.id, { type: 'petition.filed', courtId: ORG.court });
    const refused = await send(
      'lawyer',
      kase.id,
      {
        type: 'court.decided',
        decision: 'parole',
        decisionDate: TODAY,
      },
      403,
    );
    expect(refused).toMatchObject({
      error: 'forbidden',
      event: 'court.decided',
      allowed: ['court'],
      errors: [{ field: 'role', rule: 'role_not_allowed' }],
    });
    await send('mediator', kase.id, { type: 'court.decided', decision: 'parole', decisionDate: TODAY }, 403);
    await send('court', kase.id, { type: 'invitation.sent', claimId: kase.claimId }, 403);
    // Headers claiming another role change nothing.
    const claimed = await t
      .as('lawyer')
      .post(`/api/cases/${kase.id}/events`, { type: 'court.decided', decision: 'parole', decisionDate: TODAY })
      .set('X-Actor-Role', 'court')
      .set('X-Actor-Name', encodeURIComponent('Суд'));
    expect(claimed.status).toBe(403);
    // The court records its ruling; the history names the user who did.
    await send('court', kase.id, { type: 'court.decided', decision: 'refused', decisionDate: TODAY });
    const history = (await t.as('court').get(`/api/cases/${kase.id}/history`)).body as {
      type: string;
      actor: { role: string; name: string };
    }[];
    expect(history.at(-1)).toMatchObject({
      type: 'court.decided',
      actor: { role: 'court', name: t.nameOf('court') },
    });
  });

  it('payments before release: recorded by the mediator or the lawyer with evidence, not by the court', async () => {
    const kase = await agreed('lawyer', 'mediator');
    const pay = (reference: string) => ({
      type: 'payment.recorded',
      claimId: kase.claimId,
      amount: 10_000 * TENGE,
      date: TODAY,
      evidence: 'victim_receipt',
      reference,
    });
    await send('lawyer', kase.id, pay('R-1'));
    await send('mediator', kase.id, pay('R-2'));
    await send('lawyer', kase.id, { type: 'petition.filed', courtId: ORG.court });
    const byCourt = await send('court', kase.id, pay('R-3'), 403);
    expect(byCourt.allowed).toEqual(expect.arrayContaining(['mediator', 'lawyer', 'officer']));
    const { evidence: _evidence, ...withoutEvidence } = pay('R-4');
    expect((await send('lawyer', kase.id, withoutEvidence, 400)).errors?.[0].field).toBe('evidence');
  });
});
