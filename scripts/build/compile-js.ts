import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { BuildError, isBareSpecifier, nodeModules, relativeRequire, sourceMapDir } from './paths';

/** The syntax level shipped JS stays at: iOS JavaScriptCore and Alipay's V8 run ES2017 natively (async/await included). */
export const TARGET = 'es2017';

/** The backend the built app talks to: API_BASE_URL, else the local mock on its default port. */
export const apiBaseUrl = () => process.env.API_BASE_URL ?? `http://127.0.0.1:${process.env.MOCK_PORT ?? 3780}`;

const RESOLVE_EXTENSIONS = ['.ts', '.js', '/index.ts', '/index.js'];

export function resolveLocalModule(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  if (/\.(ts|js)$/.test(base) && fs.existsSync(base)) return base;
  for (const ending of RESOLVE_EXTENSIONS) {
    if (fs.existsSync(base + ending)) return base + ending;
  }
  return undefined;
}

/** Where each script and npm bundle lands in dist (absolute paths), so requires point at the right file. */
export interface Placement {
  moduleOut(source: string): string;
  npmOut(specifier: string): string;
}

export interface CompiledModule {
  /** Local modules it imports (absolute source paths). */
  localImports: string[];
  /** npm specifiers it imports. */
  bareImports: string[];
}

/**
 * Compiles one module to minified CommonJS at TARGET without bundling its imports: local imports stay
 * separate files (so a store is one instance across pages) and npm imports point at dist/npm. Its
 * source map is written to the same place under `sourceMapDir`.
 */
export async function compileModule(
  sourceFile: string,
  outFile: string,
  distDir: string,
  placement: Placement,
  write: boolean,
): Promise<CompiledModule> {
  const localImports: string[] = [];
  const bareImports: string[] = [];
  const result = await esbuild
    .build({
      entryPoints: [sourceFile],
      bundle: true,
      write: false,
      outfile: outFile,
      minify: true,
      sourcemap: 'external',
      legalComments: 'none',
      format: 'cjs',
      target: TARGET,
      platform: 'neutral',
      charset: 'utf8',
      logLevel: 'silent',
      define: { __API_BASE_URL__: JSON.stringify(apiBaseUrl()) },
      plugins: [
        {
          name: 'keep-modules-separate',
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              if (isBareSpecifier(args.path)) {
                bareImports.push(args.path);
                return { path: relativeRequire(outFile, placement.npmOut(args.path)), external: true };
              }
              const resolved = resolveLocalModule(args.importer, args.path);
              if (!resolved) {
                throw new BuildError(`${args.importer}: cannot resolve '${args.path}'`);
              }
              localImports.push(resolved);
              // Point at the placed file, so `./contracts` becomes `./contracts/index` as the engine needs.
              return { path: relativeRequire(outFile, placement.moduleOut(resolved)), external: true };
            });
          },
        },
      ],
    })
    .catch((failure: esbuild.BuildFailure | Error) => {
      throw new BuildError(describeFailure(failure, sourceFile));
    });
  if (!write) return { localImports, bareImports };
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'))!;
  const mapFile = path.join(sourceMapDir(distDir), path.relative(distDir, outFile)) + '.map';
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.mkdirSync(path.dirname(mapFile), { recursive: true });
  fs.writeFileSync(outFile, code.text);
  fs.writeFileSync(mapFile, map.text);
  return { localImports, bareImports };
}

/** Bundles one npm specifier into dist/npm, leaving other npm specifiers as separate shared bundles. */
export async function bundleNpmSpecifier(specifier: string, placement: Placement, write: boolean): Promise<string[]> {
  const outFile = placement.npmOut(specifier);
  const otherSpecifiers: string[] = [];
  const entry = require.resolve(specifier, { paths: [nodeModules] });
  await esbuild
    .build({
      entryPoints: [entry],
      outfile: outFile,
      write,
      bundle: true,
      minify: true,
      format: 'cjs',
      target: TARGET,
      platform: 'browser',
      charset: 'utf8',
      logLevel: 'silent',
      legalComments: 'none',
      define: {
        'process.env.NODE_ENV': '"production"',
        globalThis: '__miniGlobal',
        global: '__miniGlobal',
      },
      inject: [path.join(__dirname, 'mini-global.js')],
      plugins: [
        {
          name: 'share-other-packages',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, (args) => {
              if (args.kind === 'entry-point' || args.path === specifier) return undefined;
              otherSpecifiers.push(args.path);
              return { path: relativeRequire(outFile, placement.npmOut(args.path)), external: true };
            });
          },
        },
      ],
    })
    .catch((failure: esbuild.BuildFailure | Error) => {
      throw new BuildError(describeFailure(failure, `npm package '${specifier}'`));
    });
  return otherSpecifiers;
}

function describeFailure(failure: esbuild.BuildFailure | Error, what: string): string {
  const errors = (failure as esbuild.BuildFailure).errors;
  if (!errors?.length) return `${what}: ${failure.message}`;
  return errors
    .map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : `${what}: ${e.text}`))
    .join('\n');
}
