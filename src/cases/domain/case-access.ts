/**
 * Who sees which case (issue «People and access» §4), as access keys: a case carries the keys derived from it
 * (`accessKeysOf`, written to the table case_access in the transaction of every write of the case), a signed-in
 * user holds one key (`principalKey`); he sees the cases that carry it.
 *
 *   mediator  `mediator:<user id>`  the case's mediator (named in the application or by `mediator.assigned`)
 *   lawyer    `lawyer:<user id>`    the lawyer who opened it or took it over, and every defender added
 *   court     `court:<court id>`    every court the petition was filed with, from the filing on
 *   officer   `officer:<unit id>`   the police unit that supervises the parolee, from the release on
 *   admin     none                  users and reference data, never case contents
 *
 * Pure: no framework, no database.
 */
import type { Principal } from '../../auth/principal';
import type { FieldError } from '../../common/domain-error';
import type { CaseApplication } from './case-application';

export type AccessKey = `${'mediator' | 'lawyer' | 'court' | 'officer'}:${string}`;

/** The keys a case carries, sorted, each once. */
export function accessKeysOf(app: CaseApplication): AccessKey[] {
  const keys = new Set<AccessKey>();
  if (app.mediator?.userId) keys.add(`mediator:${app.mediator.userId}`);
  if (app.lawyer.userId) keys.add(`lawyer:${app.lawyer.userId}`);
  for (const d of app.defenders ?? []) keys.add(`lawyer:${d.userId}`);
  for (const id of app.petitionCourtIds ?? []) keys.add(`court:${id}`);
  if (app.supervisionUnitId) keys.add(`officer:${app.supervisionUnitId}`);
  return [...keys].sort();
}

/** The one key a user sees cases by; null: he sees none (admin, or a court or officer without an organisation). */
export function principalKey(p: Pick<Principal, 'role' | 'userId' | 'organisationId'>): AccessKey | null {
  switch (p.role) {
    case 'mediator':
    case 'lawyer':
      return `${p.role}:${p.userId}`;
    case 'court':
    case 'officer':
      return p.organisationId ? `${p.role}:${p.organisationId}` : null;
    default:
      return null;
  }
}

/** The user ids of the case's defenders: the lawyer and the ones added. */
export function lawyerIdsOf(app: CaseApplication): string[] {
  const ids = app.lawyer.userId ? [app.lawyer.userId] : [];
  for (const d of app.defenders ?? []) if (!ids.includes(d.userId)) ids.push(d.userId);
  return ids;
}

/** A user as the conflict-of-interest rule knows him. */
export interface PersonOfCase {
  userId: string;
  iin: string | null;
}

export const CONFLICT_OF_INTEREST = 'conflict_of_interest';

/**
 * The mediator of a case can never be its lawyer or a party (ЗМед ст. 9 п. 1, ст. 10 п. 3; DOMAIN.md §2 step 2):
 * not the same account as a defender, not the same ИИН as a defender, the convict, a victim or a victim's
 * representative. Returns the refusal naming the rule, or null.
 */
export function conflictOfInterest(
  app: CaseApplication,
  mediator: PersonOfCase | null,
  lawyers: readonly PersonOfCase[],
): FieldError | null {
  if (!mediator) return null;
  const refusal = (message: string): FieldError => ({ field: 'mediator', rule: CONFLICT_OF_INTEREST, message });
  if (lawyers.some((l) => l.userId === mediator.userId))
    return refusal('Конфликт интересов: медиатор не может быть защитником осуждённого по этому делу');
  const iin = mediator.iin;
  if (!iin) return null;
  if (lawyers.some((l) => l.iin === iin))
    return refusal('Конфликт интересов: медиатор и защитник осуждённого — одно лицо (совпадает ИИН)');
  const parties = [app.convict.iin, ...app.claims.flatMap((c) => [c.victim.iin, c.victim.representative?.iin])].filter(
    (v): v is string => typeof v === 'string',
  );
  if (parties.includes(iin))
    return refusal(
      'Конфликт интересов: медиатор не может быть стороной дела или представителем стороны (совпадает ИИН)',
    );
  return null;
}
