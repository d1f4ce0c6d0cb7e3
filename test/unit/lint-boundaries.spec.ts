import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Pure code is fenced by ESLint (eslint.config.mjs, STYLE.md principle 9): machines/ and every feature's domain/
 * import no framework, database, template engine or I/O, and read no clock. These tests lint snippets placed at
 * such paths with the project's own configuration, so the fence cannot silently stop working.
 */
const root = join(__dirname, '../..');
const BOUNDARY_RULES = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'];

interface Snippet {
  path: string;
  code: string;
}
interface Linted {
  rules: string[];
  fatal: string[];
}

// ESLint loads its config with import(), which Jest's module sandbox refuses, so it runs in a child Node.
// Snippets have no file on disk, so they are linted without type information (the boundary rules need none).
const LINT = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { snippets, files } = JSON.parse(input);
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const linted = [];
for (const { path, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path });
  linted.push({
    rules: result.messages.map((m) => m.ruleId).filter(Boolean),
    fatal: result.messages.filter((m) => m.fatal || !m.ruleId).map((m) => m.message),
  });
}
const configured = [];
for (const file of files) {
  const config = await eslint.calculateConfigForFile(file);
  configured.push(${JSON.stringify(BOUNDARY_RULES)}.filter((rule) => [2, 'error'].includes(config.rules?.[rule]?.[0])));
}
process.stdout.write(JSON.stringify({ linted, configured }));
`;

function lint(snippets: Snippet[], files: string[]): { linted: Linted[]; configured: string[][] } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT], {
    cwd: root,
    input: JSON.stringify({ snippets, files }),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const PURE_PATHS = ['machines/probe.ts', 'src/probe/domain/probe.ts'];
const IMPURE_PATH = 'src/probe/probe.service.ts';

/** Each must be reported in pure code by the named rule, and pass in a service. */
const FORBIDDEN: [string, string, string][] = [
  ['Nest', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n", 'no-restricted-imports'],
  [
    'swagger, even type-only',
    "import type { ApiPropertyOptions } from '@nestjs/swagger';\nexport type O = ApiPropertyOptions;\n",
    'no-restricted-imports',
  ],
  ['TypeORM', "import { Repository } from 'typeorm';\nexport const r = Repository;\n", 'no-restricted-imports'],
  ['the SQLite driver', "import sqlite3 from 'sqlite3';\nexport const s = sqlite3;\n", 'no-restricted-imports'],
  [
    'class-validator',
    "import { IsString } from 'class-validator';\nexport const v = IsString;\n",
    'no-restricted-imports',
  ],
  ['Handlebars', "import Handlebars from 'handlebars';\nexport const h = Handlebars;\n", 'no-restricted-imports'],
  ['node:fs', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
  ['fs', "import * as fs from 'fs';\nexport const f = fs;\n", 'no-restricted-imports'],
  ['node:http', "import { request } from 'node:http';\nexport const f = request;\n", 'no-restricted-imports'],
  ['net', "import { connect } from 'net';\nexport const f = connect;\n", 'no-restricted-imports'],
  [
    'a service',
    "import { CasesService } from '../cases/cases.service';\nexport const s = CasesService;\n",
    'no-restricted-imports',
  ],
  [
    'an entity',
    "import { CaseEntity } from '../cases/entities/case.entity';\nexport const e = CaseEntity;\n",
    'no-restricted-imports',
  ],
  ['a dynamic import', "export const load = () => import('./other');\n", 'no-restricted-syntax'],
  ['the clock: Date.now()', 'export const now = () => Date.now();\n', 'no-restricted-syntax'],
  ['the clock: new Date()', 'export const now = () => new Date();\n', 'no-restricted-syntax'],
  ['the clock: Date()', 'export const now = () => Date();\n', 'no-restricted-syntax'],
  ['randomness', 'export const pick = () => Math.random();\n', 'no-restricted-syntax'],
  ['the environment', 'export const port = () => process.env.PORT;\n', 'no-restricted-globals'],
  ['timers', 'export const later = (f: () => void) => setTimeout(f, 10);\n', 'no-restricted-globals'],
];

/** Machines only: persisted machines have no timers or invoked actors, and no Date at all. */
const MACHINE_ONLY: [string, string][] = [
  ['an `after` delay', "export const config = { states: { invited: { after: { 864000000: 'silent' } } } };\n"],
  ['an invoked actor', "export const config = { states: { saving: { invoke: { src: 'save' } } } };\n"],
  ['a Date computed from input', 'export const at = (iso: string) => new Date(iso);\n'],
];

/** Pure code as it is written today: no boundary finding. */
const ALLOWED = [
  "import { assign, setup } from 'xstate';\nexport const m = { assign, setup };\n",
  "import { addDays, type LocalDate } from '../../src/common/local-date';\nexport const next = (d: LocalDate) => addDays(d, 1);\n",
  "import type { CasesService } from '../cases/cases.service';\nexport type S = CasesService;\n",
  'export const dueDates = (from: string) => [from];\n',
];

function pureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pureFiles(path);
    return entry.name.endsWith('.ts') && (path.includes('/domain/') || relative(root, path).startsWith('machines/'))
      ? [path]
      : [];
  });
}
const realPureFiles = [...pureFiles(join(root, 'machines')), ...pureFiles(join(root, 'src'))].map((f) =>
  relative(root, f),
);

const snippets: Snippet[] = [
  ...FORBIDDEN.flatMap(([, code]) => [...PURE_PATHS, IMPURE_PATH].map((path) => ({ path, code }))),
  ...MACHINE_ONLY.flatMap(([, code]) => [
    { path: 'machines/probe.ts', code },
    { path: 'src/probe/domain/probe.ts', code },
  ]),
  ...ALLOWED.map((code) => ({ path: 'machines/probe.ts', code })),
];
let linted: Linted[];
let configured: string[][];

beforeAll(() => {
  ({ linted, configured } = lint(snippets, realPureFiles));
}, 60_000);

const boundaryFindings = (i: number) => linted[i].rules.filter((r) => BOUNDARY_RULES.includes(r));

describe('ESLint fences pure code (machines/, src/*/domain/)', () => {
  it('lints every snippet without a parsing error', () => {
    expect(linted.flatMap((l) => l.fatal)).toEqual([]);
  });

  describe.each(FORBIDDEN.map(([what, , rule], n) => [what, rule, n * 3] as const))('%s', (_what, rule, first) => {
    it.each(PURE_PATHS.map((path, k) => [path, first + k]))(`is reported in %s by ${rule}`, (_path, i) => {
      expect(boundaryFindings(i).map((r) => r.replace('@typescript-eslint/', ''))).toContain(rule);
    });
    it(`is allowed in a service (${IMPURE_PATH})`, () => {
      expect(boundaryFindings(first + 2)).toEqual([]);
    });
  });

  const machineStart = FORBIDDEN.length * 3;
  it.each(MACHINE_ONLY.map(([what], n) => [what, machineStart + n * 2]))(
    '%s is reported in machines/ only',
    (_what, i) => {
      expect(boundaryFindings(i)).toEqual(['no-restricted-syntax']);
      expect(boundaryFindings(i + 1)).toEqual([]);
    },
  );

  const allowedStart = machineStart + MACHINE_ONLY.length * 2;
  it.each(ALLOWED.map((code, n) => [code.split('\n')[0], allowedStart + n]))('allows %s', (_code, i) => {
    expect(boundaryFindings(i)).toEqual([]);
  });

  it('applies to every file of machines/ and of each domain/', () => {
    expect(realPureFiles.length).toBeGreaterThan(15);
    const missing = realPureFiles.filter((_file, i) => configured[i].length !== BOUNDARY_RULES.length);
    expect(missing).toEqual([]);
  });
});
