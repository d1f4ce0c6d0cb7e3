/**
 * The bilingual directory (issue 9 item 3): courts, penal institutions, police units, organisations of mediators,
 * banks and towns, each with its Kazakh and Russian names in the grammatical forms the documents need. A case
 * refers to entries by id; a document in Kazakh prints the Kazakh forms, one in Russian the Russian forms.
 * Pure data and functions: no framework imports.
 */
export const DIRECTORY_KINDS = [
  'court',
  'penal_institution',
  'police_unit',
  'mediators_organisation',
  'bank',
  'town',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const REGIONS = ['east_kazakhstan', 'abai'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Kazakh forms. Nominative (атау септік) and genitive (ілік септік: «… сотының үкімімен») are always given;
 * the others only where a sentence needs them.
 */
export interface KkForms {
  nominative: string;
  genitive: string;
  /** Барыс септік: «… сотына». */
  dative?: string;
  /** Жатыс септік: «… мекемесінде». */
  locative?: string;
}

/**
 * Russian forms. Nominative and genitive («приговором … суда») are always given; instrumental («… судом»)
 * and prepositional («в … суде») where a sentence needs them.
 */
export interface RuForms {
  nominative: string;
  genitive: string;
  instrumental?: string;
  prepositional?: string;
}

export interface DirectoryNames {
  kk: KkForms;
  ru: RuForms;
}

export interface DirectoryCodes {
  /** БИН of the body or company (12 digits, checksum). */
  bin?: string;
  /** The court's code in the court system's numbering. */
  courtCode?: string;
  /** БИК (SWIFT/BIC) of a bank: 8 letters and digits, e.g. HSBKKZKX. */
  bik?: string;
}

export interface DirectoryEntry {
  id: string;
  kind: DirectoryKind;
  names: DirectoryNames;
  address: { kk: string; ru: string } | null;
  codes: DirectoryCodes;
  region: Region | null;
  /** Inactive entries stay readable (old cases refer to them) but are not offered for new cases. */
  active: boolean;
  /** For the administrator: where the entry comes from, what to check. Never printed. */
  note: string | null;
  version: number;
  updatedAt: string;
}

/** The entries a case refers to, by id, as a document needs them. */
export type DirectoryEntries = Readonly<Record<string, DirectoryEntry>>;

/** Kind words for messages (Russian; the API's messages are Russian). */
export const KIND_LABELS: Record<DirectoryKind, { kk: string; ru: string }> = {
  court: { kk: 'сот', ru: 'суд' },
  penal_institution: { kk: 'жазаны орындайтын мекеме', ru: 'учреждение, исполняющее наказание' },
  police_unit: { kk: 'полиция бөлімшесі', ru: 'подразделение полиции' },
  mediators_organisation: { kk: 'медиаторлар ұйымы', ru: 'организация медиаторов' },
  bank: { kk: 'банк', ru: 'банк' },
  town: { kk: 'елді мекен', ru: 'населённый пункт' },
};

/** BIC of a bank: 4 letters (bank), KZ, 2 letters or digits (location); the branch part is not used in Kazakhstan. */
export const BIK_PATTERN = /^[A-Z]{4}KZ[A-Z0-9]{2}$/;

/** Words a search over the directory matches: every form in both languages and the codes. */
export function searchableText(e: Pick<DirectoryEntry, 'names' | 'codes'>): string {
  const { kk, ru } = e.names;
  const forms = [kk.nominative, kk.genitive, kk.dative, kk.locative, ru.nominative, ru.genitive, ru.instrumental];
  forms.push(ru.prepositional);
  return [...forms, e.codes.bin, e.codes.bik, e.codes.courtCode].filter((v) => v !== undefined && v !== '').join(' ');
}
