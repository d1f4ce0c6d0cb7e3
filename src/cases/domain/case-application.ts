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
  lawyer: { fullName: string; licence?: string; phone?: string };
  mediator?: { fullName: string; registry?: string; organisation?: string; phone?: string; email?: string };
  place?: string;
}
