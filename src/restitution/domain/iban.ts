/**
 * IBAN (ISO 13616): country code, two check digits, up to 30 letters and digits; at most 34 in all.
 * Kazakhstan's are 20 characters (KZ + 2 + 16). The check digits catch a mistyped account before the victim's
 * money goes to a stranger: the number written into an agreement must be the number the victim gave.
 * Pure: no framework imports.
 */
export const IBAN_MAX_LENGTH = 34;

const SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/;

/** Uppercase letters and digits only, as printed on a bank's certificate (no spaces). */
export function isValidIban(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > IBAN_MAX_LENGTH || !SHAPE.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  // mod 97 over the digits (A = 10 … Z = 35), piecewise to stay within safe integers.
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = Number(`${rest}${code}`) % 97;
  }
  return rest === 1;
}
