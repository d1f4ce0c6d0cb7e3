// ESLint for the TypeScript of src/, machines/ and test/: typescript-eslint's recommended rules, no unused names,
// and the fence around pure code (STYLE.md principle 9) that test/unit/lint-boundaries.spec.ts keeps working.
import { defineConfig } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// ESLint's own recommended rules (what @eslint/js's `recommended` lists), read from the installed ESLint.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

/** Pure code: the machines and every feature's domain/. */
export const PURE_FILES = ['machines/**/*.ts', 'src/**/domain/**/*.ts'];

/** What pure code must not import: frameworks, persistence, templates, PDF, logging, and I/O of the runtime. */
const IMPURE_PACKAGES = [
  { group: ['@nestjs/*', 'reflect-metadata', 'rxjs', 'rxjs/*'], message: 'Pure code imports no Nest.' },
  { group: ['express', 'fastify', '@fastify/*'], message: 'Pure code knows no HTTP server.' },
  { group: ['typeorm', 'typeorm/*', 'sqlite3', 'pg', 'pg/*'], message: 'Pure code reaches no database.' },
  {
    group: ['class-validator', 'class-transformer'],
    message: 'Validation at the edges lives in the DTOs, not in pure code.',
  },
  { group: ['handlebars', 'puppeteer', 'puppeteer-core'], message: 'Pure code renders no templates or PDF.' },
  { group: ['pino', 'pino-*'], message: 'Pure code does not log.' },
  {
    group: [
      'fs',
      'fs/*',
      'net',
      'http',
      'https',
      'http2',
      'child_process',
      'cluster',
      'dgram',
      'dns',
      'dns/*',
      'tls',
      'worker_threads',
      'os',
      'readline',
      'timers',
      'timers/*',
    ].flatMap((m) => [m, `node:${m}`]),
    message: 'Pure code does no I/O: no files, network, processes or timers.',
  },
  // Nest-layer files of the service, by their names. A type-only import is erased and allowed.
  {
    group: [
      '**/*.service',
      '**/*.controller',
      '**/*.module',
      '**/*.entity',
      '**/*.repository',
      '**/*.filter',
      '**/*.pipe',
      '**/database/**',
    ],
    allowTypeImports: true,
    message: 'Pure code imports no services, controllers, modules, entities or repositories.',
  },
];

/** No clock, no randomness, no timers, no environment: time and input are passed in. */
const IMPURE_SYNTAX = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Pure code reads no clock: take the date as input.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Pure code reads no clock: take the date as input.',
  },
  { selector: "CallExpression[callee.name='Date']", message: 'Pure code reads no clock: take the date as input.' },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Pure code is deterministic: no Math.random.',
  },
  { selector: 'ImportExpression', message: 'Pure code imports statically.' },
];

/** Persisted machines: dates are calendar dates from local-date, deadlines are data (STYLE.md facts 1 and 2). */
const MACHINE_SYNTAX = [
  {
    selector: "NewExpression[callee.name='Date']",
    message: 'Machines compute dates with src/common/local-date, not Date.',
  },
  {
    selector: "Property[key.name='after'][value.type='ObjectExpression']",
    message: 'Deadlines are data: XState does not restore `after` timers from a snapshot.',
  },
  {
    selector: "Property[key.name='invoke']",
    message: 'Persisted machines do not invoke: an invoked actor runs again on restore.',
  },
];

const IMPURE_GLOBALS = [
  'process',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'fetch',
].map((name) => ({
  name,
  message: 'Pure code has no runtime access: pass what it needs in.',
}));

export default defineConfig(
  { ignores: ['dist/**', 'coverage/**', 'data/**', 'tmp/**', 'node_modules/**'] },
  {
    files: ['**/*.ts'],
    // typescript-eslint's set comes second: it turns off the core rules that TypeScript itself checks.
    // Type-aware (the type checker's view of each file): `npm run lint` takes about 25 s here.
    extends: [{ rules: eslintRecommended }, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'all',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests read untyped JSON bodies (supertest's `body` is `any`) and poke at internals; `any` there says so.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: PURE_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: IMPURE_PACKAGES }],
      'no-restricted-syntax': ['error', ...IMPURE_SYNTAX],
      'no-restricted-globals': ['error', ...IMPURE_GLOBALS],
    },
  },
  {
    files: ['machines/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...IMPURE_SYNTAX, ...MACHINE_SYNTAX] },
  },
  prettier,
);
