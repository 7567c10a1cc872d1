/* global module, process */
/**
 * Browser journeys: the built mini-program (dist/) in the simulator, driven by Playwright with Debian's
 * Chromium (scripts/ensure-chromium.sh installs it). Run: npx jest -c tests/e2e/jest.config.js
 * Screenshots of every page visited: artifacts/e2e/index.html.
 * @type {import('jest').Config}
 */
process.env.TZ = 'Asia/Shanghai';

module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  testEnvironment: 'node',
  // One browser at a time: the machine has 2 cores and the journeys measure nothing in parallel.
  maxWorkers: 1,
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
