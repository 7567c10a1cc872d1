/**
 * Builds the mini-program into dist/ (`npm run build`), or keeps rebuilding it on change (`--watch`).
 * The Alipay IDE opens dist/ through mini.project.json.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { buildMiniProgram } from './build/mini-program';
import { BuildError, projectRoot } from './build/paths';

const distDir = path.join(projectRoot, 'dist');
const SOURCES = [
  'app.ts',
  'app.json',
  'app.acss',
  'pages',
  'subpackages',
  'components',
  'services',
  'stores',
  'view-models',
  'format',
  'assets',
];

async function buildOnce(): Promise<boolean> {
  try {
    const s = await buildMiniProgram(distDir);
    console.log(
      `built dist/ in ${s.ms} ms: ${s.pages} pages, ${s.components} components, ${s.modules} modules, ${s.npmBundles} npm bundles, ${s.movedToSubpackages} files placed in the one subpackage that uses them`,
    );
    return true;
  } catch (error) {
    console.error(`build failed:\n${error instanceof BuildError ? error.message : (error as Error).stack}`);
    return false;
  }
}

async function main() {
  const ok = await buildOnce();
  if (!process.argv.includes('--watch')) {
    process.exit(ok ? 0 : 1);
  }
  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve(true);
  watch(
    SOURCES.map((s) => path.join(projectRoot, s)),
    { ignoreInitial: true },
  ).on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(buildOnce);
    }, 150);
  });
  console.log('watching for changes…');
}

void main();
