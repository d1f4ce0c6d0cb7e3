/**
 * ИИН (ЖСН) and БИН (БСН): 12 digits with a control digit computed in two cycles
 * (ПП РК 406, п. 3; LAW.md §8). Pure: no framework imports.
 *
 * Validity here means: 12 ASCII digits and a correct control digit (and, for a БИН, the structure of
 * ПП 406 п. 5). An ИИН is NOT rejected for an odd birth date or century digit — LAW.md §8 warns that
 * legacy numbers exist, so structure is only read (iinBirthDate, iinSex), never enforced.
 *
 * The checksum is weak (tests pin it): the 11th weight is 11 ≡ 0 mod 11, so a typo in the 11th digit
 * passes ~92 % of the time, and numbers decided by the second cycle have valid one-digit neighbours.
 * A passing checksum is not proof that the ИИН was typed right: forms should also confirm the name.
 */
import { type LocalDate, isLocalDate } from '../../common/local-date';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const TWELVE_DIGITS = /^\d{12}$/;

function weighted(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
}

/**
 * The control (12th) digit for the first 11 digits, or null when both cycles give 10:
 * such a prefix is never issued (LAW.md §8: the rules are silent, libraries treat it as invalid).
 */
export function controlDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`expected 11 digits, got «${first11}»`);
  const digits = [...first11].map(Number);
  const first = weighted(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function hasValidControlDigit(value: unknown): value is string {
  if (typeof value !== 'string' || !TWELVE_DIGITS.test(value)) return false;
  const control = controlDigit(value.slice(0, 11));
  return control !== null && control === Number(value[11]);
}

/** 12 digits with a correct control digit. A string only: a number would lose leading zeros. */
export function isValidIin(value: unknown): value is string {
  return hasValidControlDigit(value);
}

const CENTURY: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/** Birth date from digits 1–6 (YYMMDD) and the century digit 7; null if invalid or not a calendar date. */
export function iinBirthDate(iin: string): LocalDate | null {
  if (!isValidIin(iin)) return null;
  const century = CENTURY[iin[6]];
  if (century === undefined) return null;
  const date = `${century + Number(iin.slice(0, 2))}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return isLocalDate(date) ? date : null;
}

/** Digit 7: odd (1, 3, 5) male, even (2, 4, 6) female; anything else (0, 7–9, invalid number) → null. */
export function iinSex(iin: string): 'male' | 'female' | null {
  if (!isValidIin(iin) || CENTURY[iin[6]] === undefined) return null;
  return Number(iin[6]) % 2 === 1 ? 'male' : 'female';
}

export type BinKind = 'resident' | 'non_resident' | 'ie_joint';
export type BinAttribute = 'head_office' | 'branch' | 'representative_office' | 'peasant_farm';

export interface BinInfo {
  /** 'YYYY-MM' of state (re-)registration. */
  registered: string;
  kind: BinKind;
  attribute: BinAttribute;
}

const BIN_KIND: Record<string, BinKind> = { '4': 'resident', '5': 'non_resident', '6': 'ie_joint' };
const BIN_ATTRIBUTE: Record<string, BinAttribute> = {
  '0': 'head_office',
  '1': 'branch',
  '2': 'representative_office',
  '3': 'peasant_farm',
};

/**
 * Reads a БИН (ПП 406 п. 5): YYMM of registration, type (4 resident, 5 non-resident, 6 individual
 * entrepreneur in joint entrepreneurship), attribute (0 head office, 1 branch, 2 representative office,
 * 3 peasant farm), 5-digit serial, control digit (same two-cycle rule as the ИИН).
 * The two-digit year is read as 1990–2089 (BINs date from state registration after independence;
 * a fixed window keeps this pure — revisit before 2090). Null if the БИН is invalid.
 */
export function binInfo(bin: string): BinInfo | null {
  if (!hasValidControlDigit(bin)) return null;
  const kind = BIN_KIND[bin[4]];
  const attribute = BIN_ATTRIBUTE[bin[5]];
  const yy = Number(bin.slice(0, 2));
  const month = Number(bin.slice(2, 4));
  if (!kind || !attribute || month < 1 || month > 12) return null;
  const year = yy >= 90 ? 1900 + yy : 2000 + yy;
  return { registered: `${year}-${bin.slice(2, 4)}`, kind, attribute };
}

/**
 * Control digit plus the structure of ПП 406 п. 5 (primary source), so that an ИИН typed into a БИН
 * field is caught: an ИИН's 5th digit is the tens of the birth day (0–3), a БИН's is the type (4–6).
 */
export function isValidBin(value: unknown): value is string {
  return typeof value === 'string' && binInfo(value) !== null;
}
