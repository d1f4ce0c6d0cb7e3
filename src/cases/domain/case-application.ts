/** The application as filed (DOMAIN.md §2 step 1). Plain data; amounts in tiyn, dates 'YYYY-MM-DD'. */

/** Identity documents of Kazakhstan a party shows (удостоверение личности, паспорт, вид на жительство, …). */
export const IDENTITY_DOCUMENT_KINDS = [
  'id_card',
  'passport',
  'residence_permit',
  'stateless_certificate',
  'other',
] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

export interface IdentityDocument {
  kind: IdentityDocumentKind;
  number: string;
  /** As written in the document («МВД РК», «ҚР ІІМ»). */
  issuer: string;
  issuedOn: string;
}

export interface PersonData {
  fullName: string;
  iin: string;
  birthDate?: string;
  address?: string;
  phone?: string;
  identityDocument?: IdentityDocument;
}

export interface RepresentativeData {
  fullName: string;
  iin?: string;
  basis: string;
  /** Position in Russian and, when given, in Kazakh. */
  position?: string;
  positionKk?: string;
  powerOfAttorney?: { number: string; date: string };
  identityDocument?: IdentityDocument;
}

export interface ClaimantData {
  type: 'person' | 'legal_entity';
  fullName: string; // a person's full name or a legal entity's name
  iin?: string;
  bin?: string;
  address?: string;
  phone?: string;
  /** Where the victim wants the notices of payments (issue 11 item 5); only with `paymentNotices`. Never logged. */
  email?: string;
  /** The victim's consent to an e-mail of each payment recorded for him. */
  paymentNotices?: boolean;
  representative?: RepresentativeData;
  identityDocument?: IdentityDocument;
}

export interface ClaimData {
  id: string;
  kind: 'victim' | 'state';
  victim: ClaimantData;
  amountAwarded: number;
  amountRecovered: number;
}

export interface SentenceData {
  /** The court's name as text: the directory entry's Russian name when `courtId` is given (listings filter on it). */
  court: string;
  /** The court in the directory; absent on applications filed before it (the text is printed then). */
  courtId?: string;
  criminalCaseNumber?: string;
  /** Number of the sentence (court case number). */
  number?: string;
  date: string;
  articles: string[];
  term: { years: number; months: number; days: number };
  lifeImprisonment: boolean;
  startDate: string;
  gravity: 'minor' | 'medium' | 'grave' | 'especially_grave';
  againstLifeOrHealth: boolean;
  pretrialDetentionDays: number;
}

export interface MediatorData {
  fullName: string;
  registry?: string;
  organisation?: string;
  /** The organisation of mediators in the directory. */
  organisationId?: string;
  phone?: string;
  email?: string;
}

export interface CaseApplication {
  procedure: 'parole' | 'replacement';
  /** `institution` is the text (the directory entry's Russian name when `institutionId` is given). */
  convict: PersonData & { institution: string; institutionId?: string };
  sentence: SentenceData;
  claims: ClaimData[];
  /** The convict's defender the documents name; `userId`: his account (the lawyer who opened the case, or took it over). */
  lawyer: { fullName: string; licence?: string; phone?: string; userId?: string };
  /** Further defenders added to the case (`lawyer.added`): each sees the case. */
  defenders?: { userId: string; fullName: string }[];
  /** `userId`: the mediator's account (named in the application, or by `mediator.assigned`); he sees the case. */
  mediator?: MediatorData & { userId?: string };
  place?: string;
  /** The town of `place` in the directory. */
  placeId?: string;
  /** The courts the petition was filed with (`petition.filed` courtId), in order: their users see the case. */
  petitionCourtIds?: string[];
  /** The police unit that supervises the parolee (`convict.released` supervisionUnitId): its officers see the case. */
  supervisionUnitId?: string;
}

/** The directory ids an application refers to (for the documents to resolve). */
export function directoryIdsOf(app: CaseApplication): string[] {
  return [app.sentence.courtId, app.convict.institutionId, app.mediator?.organisationId, app.placeId].filter(
    (id): id is string => typeof id === 'string',
  );
}
