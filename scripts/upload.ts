/**
 * `npm run upload`: the real release path. Builds against a production HTTPS backend, runs the dist/
 * checks, then hands the project to Alipay's minidev CLI (needs the network and a developer account,
 * so CI never runs it).
 */
import { execSync } from 'node:child_process';

const apiBaseUrl = process.env.API_BASE_URL ?? '';
if (!apiBaseUrl.startsWith('https://')) {
  console.error('upload: set API_BASE_URL to the production https:// backend; devices only call HTTPS.');
  process.exit(1);
}
const run = (command: string) => execSync(command, { stdio: 'inherit', env: process.env });
run('npm run build');
run('npm run check:dist');
run('npm run check:templates');
// The project root: mini.project.json points minidev at dist/ with component2 on.
run(`npx --yes minidev upload --project . ${process.argv.slice(2).join(' ')}`);
