/**
 * One spelling for search, applied to names when they are indexed and to the words a user types, so that
 * Kazakh and Russian spellings of the same name meet: «Жұмабеков», «Жумабеков» and «ЖУМАБЕКОВ» all become
 * «жумабеков». Kazakh-specific letters fold to the Russian letter a clerk would type on a Russian keyboard
 * (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х, і→и), ё→е, and Latin letters lose their diacritics (Kazakh Latin
 * ä, ğ, ñ, ö, ū, ü, ı). Pure: no locale, no I/O.
 */
const CYRILLIC_FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
  ı: 'i',
};

/** Folded Cyrillic → Latin, one common scheme (passport style), so «Zhumabekov» finds «Жұмабеков» too. */
const TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Lower-case, Kazakh letters folded to Russian ones, diacritics of Latin letters removed. */
export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    const folded = CYRILLIC_FOLD[ch];
    if (folded !== undefined) out += folded;
    else if (ch >= '\u00c0' && ch <= '\u024f') out += ch.normalize('NFD').replace(/\p{M}/gu, '');
    else out += ch;
  }
  return out;
}

/** The words of a text, folded: letters and digits; everything else separates words. */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The Latin spelling of a folded Cyrillic word, or null when it has no Cyrillic letter. */
export function transliterate(word: string): string | null {
  if (!/[а-я]/.test(word)) return null;
  let out = '';
  for (const ch of word) out += TO_LATIN[ch] ?? ch;
  return out;
}

/**
 * What the search index holds for a case: the folded words of the names and the case number, each Cyrillic
 * word also in Latin letters. Never an ИИН (those are matched exactly through their own indexed column).
 */
export function searchDocument(texts: string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    for (const w of searchWords(text)) {
      words.add(w);
      const latin = transliterate(w);
      if (latin) words.add(latin);
    }
  }
  return [...words].join(' ');
}
