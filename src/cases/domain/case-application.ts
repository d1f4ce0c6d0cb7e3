/** The application as filed (DOMAIN.md §2 step 1). Plain data; amounts in tiyn, dates 'YYYY-MM-DD'. */
export interface PersonData {
  fullName: string;
  iin: string;
  birthDate?: string;
  address?: string;
  phone?: string;
}

export interface ClaimantData {
  type: 'person' | 'legal_entity';
  fullName: string; // a person's full name or a legal entity's name
  iin?: string;
  bin?: string;
  address?: string;
  phone?: string;
  representative?: { fullName: string; iin?: string; basis: string };
}

export interface ClaimData {
  id: string;
  kind: 'victim' | 'state';
  victim: ClaimantData;
  amountAwarded: number;
  amountRecovered: number;
}

export interface SentenceData {
  court: string;
  date: string;
  articles: string[];
  term: { years: number; months: number; days: number };
  lifeImprisonment: boolean;
  startDate: string;
  gravity: 'minor' | 'medium' | 'grave' | 'especially_grave';
  againstLifeOrHealth: boolean;
  pretrialDetentionDays: number;
}

export interface CaseApplication {
  procedure: 'parole' | 'replacement';
  convict: PersonData & { institution: string };
  sentence: SentenceData;
  claims: ClaimData[];
  /** The convict's defender the documents name; `userId`: his account (the lawyer who opened the case, or took it over). */
  lawyer: { fullName: string; licence?: string; phone?: string; userId?: string };
  /** Further defenders added to the case (`lawyer.added`): each sees the case. */
  defenders?: { userId: string; fullName: string }[];
  /** `userId`: the mediator's account (named in the application, or by `mediator.assigned`); he sees the case. */
  mediator?: {
    fullName: string;
    registry?: string;
    organisation?: string;
    phone?: string;
    email?: string;
    userId?: string;
  };
  place?: string;
  /** The courts the petition was filed with (`petition.filed` courtId), in order: their users see the case. */
  petitionCourtIds?: string[];
  /** The police unit that supervises the parolee (`convict.released` supervisionUnitId): its officers see the case. */
  supervisionUnitId?: string;
}
