import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'artifacts/',
      'coverage/',
      'jest.config.js',
      'tests/summary-reporter.js',
      'scripts/build/mini-global.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Alipay's engine forbids these names in shipped code.
      'no-restricted-globals': ['error', 'globalThis', 'global'],
    },
  },
  {
    files: ['mock/**', 'runtime/harness/**', 'scripts/**', 'tests/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
