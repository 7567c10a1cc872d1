import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** What ESLint reports (`rule: message`) for `code` placed at `file`, with the project's real config. */
function violations(file: string, code: string): string[] {
  // In a child process: jest's VM cannot load the ESM config file.
  const run = spawnSync(
    path.join(ROOT, 'node_modules/.bin/eslint'),
    ['--format', 'json', '--stdin', '--stdin-filename', file],
    {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/** A module that imports `name` from `from` and re-exports it, so nothing but the import can be wrong. */
const importing = (name: string, from: string) => `import { ${name} } from '${from}';\nexport { ${name} };\n`;

describe('the linter keeps the layers', () => {
  it('refuses my.* outside services/platform, and allows it there', () => {
    expect(violations('pages/jobs/planted.ts', "my.request({ url: '/jobs' });\n")).toEqual([
      "no-restricted-globals: Unexpected use of 'my'. Call my.* only through the typed wrappers in services/platform/.",
    ]);
    expect(violations('stores/planted.ts', 'my.setStorageSync({ key: "a", data: 1 });\n')).toHaveLength(1);
    expect(violations('services/platform/planted.ts', "my.request({ url: '/jobs' });\n")).toEqual([]);
  });

  it.each([
    [
      'a page importing a service',
      'pages/jobs/planted.ts',
      importing('searchJobs', '../../services/jobs'),
      'through a store',
    ],
    [
      'a component importing http',
      'components/job-card/planted.ts',
      importing('request', '../../services/http'),
      'through a store',
    ],
    [
      'a service importing a store',
      'services/planted.ts',
      importing('searchStore', '../stores/search'),
      'know nothing of stores',
    ],
    [
      'a store importing a page',
      'stores/planted.ts',
      importing('x', '../pages/jobs/index'),
      'page → store, never back',
    ],
    [
      'contracts importing http',
      'services/contracts/planted.ts',
      importing('request', '../http'),
      'import only contracts',
    ],
    [
      'a view model importing a store',
      'view-models/planted.ts',
      importing('jobsStore', '../stores/jobs'),
      'View models are pure',
    ],
    [
      'the mock importing a store',
      'mock/planted.ts',
      importing('jobsStore', '../stores/jobs'),
      'only the shared contracts',
    ],
    [
      'a subpackage importing the mock',
      'subpackages/chat/planted.ts',
      importing('x', '../../mock/server'),
      'never imported by app code',
    ],
    [
      'the console importing a service',
      'console/src/planted.ts',
      importing('request', '../../services/http'),
      'only the contracts',
    ],
  ])('refuses %s', (_what, file, code, why) => {
    expect(violations(file, code)).toEqual([expect.stringContaining(why)]);
  });

  it.each([
    [
      'a page importing a store, contracts and platform',
      'pages/jobs/planted.ts',
      importing('jobsStore', '../../stores/jobs') +
        importing('showToast', '../../services/platform/ui') +
        importing('Job', '../../services/contracts/jobs'),
    ],
    ['a store importing a service', 'stores/planted.ts', importing('searchJobs', '../services/jobs')],
    ['contracts importing contracts', 'services/contracts/planted.ts', importing('Job', './jobs')],
    ['the mock importing contracts', 'mock/planted.ts', importing('Job', '../services/contracts/jobs')],
    ['the console importing contracts', 'console/src/planted.ts', importing('Job', '../../services/contracts/jobs')],
  ])('allows %s', (_what, file, code) => {
    expect(violations(file, code)).toEqual([]);
  });
});
