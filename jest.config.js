/**
 * Jest: one project per suite, so each runs alone (`npm run test:unit`, `test:page`, `test:integration`,
 * `test:checks`, `test:simulator`, `test:runtime`) and `npm run test:jest` runs them all.
 * Dates are formatted in China's time zone, as users see them.
 */
process.env.TZ = 'Asia/Shanghai';

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  // App code reads this build-time constant; tests point it at the mock they start.
  globals: { __API_BASE_URL__: 'http://127.0.0.1:3780' },
};
const suites = ['unit', 'page', 'integration', 'checks', 'simulator', 'runtime'];

/** @type {import('jest').Config} */
module.exports = {
  projects: suites.map((name) => ({ ...shared, displayName: name, roots: [`<rootDir>/tests/${name}`] })),
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
