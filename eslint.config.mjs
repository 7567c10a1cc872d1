import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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
      'console/dist/',
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
    files: ['mock/**', 'scripts/**', 'tests/**', 'console/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The HR console (React).
    files: ['console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
