import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Machines decide, services do (STYLE.md principles 6 and 9): no framework, persistence, templates or clock.
const dir = join(__dirname, '../../../machines');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('machines/ is pure', () => {
  it('has machine files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['case.machine.ts', 'claim-mediation.machine.ts', 'restitution.machine.ts', 'procedure.ts']));
  });

  it.each(files)('%s imports no Nest, TypeORM or Handlebars and reads no clock', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from\s+['"](@nestjs\/[^'"]*|typeorm|handlebars)['"]/);
    expect(source).not.toMatch(/require\(\s*['"](@nestjs\/[^'"]*|typeorm|handlebars)['"]\s*\)/);
    expect(source).not.toMatch(/Date\.now\s*\(/);
    expect(source).not.toMatch(/new\s+Date\s*\(/);
    expect(source).not.toMatch(/from\s+['"]node:fs['"]|from\s+['"]fs['"]/);
    // Deadlines are data: no delayed transitions, no invoked actors in persisted machines.
    expect(source).not.toMatch(/\bafter\s*:\s*\{/);
    expect(source).not.toMatch(/\binvoke\s*:/);
  });
});
