/**
 * Jest: one project per suite, so each runs alone (`npm run test:unit`, `test:page`, `test:integration`,
 * `test:checks`, `test:simulator`, `test:runtime`) and `npm run test:jest` runs them all.
 * Dates are formatted in China's time zone, as users see them.
 */
process.env.TZ = 'Asia/Shanghai';

const fs = require('node:fs');
const path = require('node:path');

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  // App code reads this build-time constant; tests point it at the mock they start.
  globals: { __API_BASE_URL__: 'http://127.0.0.1:3780' },
};
/** Every folder of tests/ is a suite, so a new one cannot be left out; browser journeys run apart. */
const NOT_SUITES = ['e2e', 'support'];
const suites = fs
  .readdirSync(path.join(__dirname, 'tests'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_SUITES.includes(entry.name))
  .map((entry) => entry.name);

/** @type {import('jest').Config} */
module.exports = {
  projects: suites.map((name) => ({ ...shared, displayName: name, roots: [`<rootDir>/tests/${name}`] })),
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
