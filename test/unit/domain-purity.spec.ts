import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** STYLE.md principle 9: each feature's domain/ is pure — no framework, no database, no clock. */
const root = join(__dirname, '..', '..');

function domainFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return domainFiles(path);
    return /\/domain\/[^/]+\.ts$/.test(path) ? [path] : [];
  });
}

const files = domainFiles(join(root, 'src'));

describe('pure domain modules', () => {
  it('there are domain modules to check', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports no framework, database or template engine and reads no clock', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/from ['"](@nestjs\/|typeorm|handlebars|puppeteer|sqlite3|pg['"])/);
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
});
