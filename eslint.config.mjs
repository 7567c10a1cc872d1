import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** One forbidden import: a regex over the import string (all app imports are relative) and why. */
const forbid = (regex, message) => ({ regex, message });
const NO_MOCK = forbid('(^|/)mock/', 'The mock backend is never imported by app code.');
const NO_VIEWS = forbid('(^|/)(pages|subpackages|components)/', 'Data flows page → store, never back.');
const SERVICES_ONLY_CONTRACTS_AND_PLATFORM = forbid(
  '(^|/)services/(?!contracts/|platform/)',
  'Pages and components reach the backend through a store, never a service.',
);

/** The one-direction flow (pages/components → stores → services → backend), per folder. */
const layers = [
  {
    files: ['pages/**', 'subpackages/**', 'components/**'],
    patterns: [NO_MOCK, SERVICES_ONLY_CONTRACTS_AND_PLATFORM],
  },
  { files: ['stores/**'], patterns: [NO_MOCK, NO_VIEWS] },
  {
    files: ['services/**'],
    ignores: ['services/contracts/**'],
    patterns: [NO_MOCK, NO_VIEWS, forbid('(^|/)(stores|utils)/', 'Services know nothing of stores or view models.')],
  },
  {
    files: ['services/contracts/**'],
    patterns: [forbid('^\\.\\./', 'Contracts are shared with the mock and the console: they import only contracts.')],
  },
  {
    files: ['view-models/**', 'format/**'],
    patterns: [
      NO_MOCK,
      NO_VIEWS,
      forbid('(^|/)stores/', 'View models are pure.'),
      SERVICES_ONLY_CONTRACTS_AND_PLATFORM,
    ],
  },
  {
    files: ['console/**'],
    patterns: [
      NO_MOCK,
      NO_VIEWS,
      forbid('(^|/)(stores|utils|simulator)/', 'The console shares only the contracts with the app.'),
      forbid('(^|/)services/(?!contracts/)', 'The console shares only the contracts with the app.'),
    ],
  },
  {
    files: ['mock/**'],
    patterns: [
      NO_VIEWS,
      forbid('(^|/)(stores|utils|simulator)/', 'The mock imports only the shared contracts.'),
      forbid('(^|/)services/(?!contracts/)', 'The mock imports only the shared contracts.'),
    ],
  },
].map(({ files, ignores, patterns }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

/** Folders whose code ships to phones. */
const APP_CODE = [
  'app.ts',
  'pages/**',
  'subpackages/**',
  'components/**',
  'stores/**',
  'services/**',
  'view-models/**',
  'format/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-sourcemaps/',
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
    files: APP_CODE,
    ignores: ['services/platform/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        'globalThis',
        'global',
        { name: 'my', message: 'Call my.* only through the typed wrappers in services/platform/.' },
      ],
    },
  },
  ...layers,
  {
    files: ['mock/**', 'runtime/harness/**', 'scripts/**', 'tests/**', 'console/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The HR console (React).
    files: ['console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // antd 5 deprecates input addons (a warning on every render in development): a unit goes in `suffix`.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^addon(After|Before)$/]',
          message: 'antd deprecates addonAfter/addonBefore: put the unit in `suffix` (or use Space.Compact).',
        },
      ],
    },
  },
);
