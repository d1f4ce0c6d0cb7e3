// @nestjs/* 12 are ESM-only and Jest cannot require() ESM on Node 20: swc compiles them to CommonJS.
const swcForNodeModules = { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } };
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/machines'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.m?js$': ['@swc/jest', swcForNodeModules],
  },
  // content-disposition (under @fastify/static, which serves the Swagger UI) is ESM-only as well; @fastify/cookie
  // loads the ESM-only `cookie` with a dynamic import(), which Jest's CommonJS runtime cannot run: swc turns it
  // into require().
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs/|content-disposition/|@fastify/static/node_modules/content-disposition/|@fastify/cookie/|cookie/))',
  ],
  testTimeout: 30000,
};
