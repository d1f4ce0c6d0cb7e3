/**
 * Every label of the workplace exists in Kazakh, Russian and English, and every {{t "key"}} of the pages' templates
 * names a message that exists (a missing one would throw on the page).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../../../src/web/i18n/lang';
import { MESSAGES, translate } from '../../../src/web/i18n/messages';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');

function hbsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? hbsFiles(path) : name.endsWith('.hbs') ? [path] : [];
  });
}

describe('workplace messages', () => {
  it('every message has a non-empty text in kk, ru and en', () => {
    const missing = Object.entries(MESSAGES).flatMap(([key, text]) =>
      LANGS.filter((l) => !text[l] || !text[l].trim()).map((l) => `${key} [${l}]`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(MESSAGES).length).toBeGreaterThan(40);
  });

  it('every {{t "key"}} in templates/pages, templates/partials/web and the layout exists', () => {
    const files = [
      ...hbsFiles(join(TEMPLATES, 'pages')),
      ...hbsFiles(join(TEMPLATES, 'partials', 'web')),
      join(TEMPLATES, 'layouts', 'page.hbs'),
    ];
    const unknown: string[] = [];
    for (const file of files)
      for (const m of readFileSync(file, 'utf8').matchAll(/\{\{\s*t\s+"([^"]+)"/g))
        if (!(m[1] in MESSAGES)) unknown.push(`${file.slice(TEMPLATES.length + 1)}: ${m[1]}`);
    expect(unknown).toEqual([]);
  });

  it('fills placeholders and refuses an unknown key', () => {
    expect(translate('ru', 'nav.signedInAs', { name: 'Абенова Г. С.' })).toBe('Вы вошли как Абенова Г. С.');
    expect(() => translate('kk', 'no.such.key')).toThrow(/Unknown workplace message/);
  });
});
