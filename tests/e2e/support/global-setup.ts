import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './artifacts';
import { CHROMIUM } from './stack';

const ROOT = path.resolve(__dirname, '../../..');

/** Fresh screenshots every run; the browser and the builds (dist/, console/dist) must be there. */
export default function globalSetup(): void {
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  if (!fs.existsSync(CHROMIUM))
    execFileSync('bash', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  if (!fs.existsSync(path.join(ROOT, 'dist/app.json')))
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  // As `npm run build:console` builds it: jest sets NODE_ENV=test, under which React and antd keep their
  // development warnings, and the journeys would fail on them (hr.consoleErrors).
  if (!fs.existsSync(path.join(ROOT, 'console/dist/index.html')))
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'console/vite.config.ts'],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
}
