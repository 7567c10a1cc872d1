/**
 * Checks the built mini-program in dist/ the way Alipay's IDE and upload would find it: pages and
 * components exist, every require and template reference resolves inside dist, shipped JS is ES2017
 * without the globals Alipay forbids, images and packages fit Alipay's limits.
 *
 * Usage: tsx scripts/check-dist.ts [distDir]   (default: dist; exits 1 on any error)
 */
import path from 'node:path';
import * as acorn from 'acorn';
import { crossPackageProblem, packageRootOf, readAppConfig, type AppConfig } from './lib/app-config';
import { forEachElement, lineOf, parseAxml, staticValue } from './lib/axml';
import {
  fileSize,
  isDir,
  isFile,
  isImage,
  isObject,
  listFiles,
  readJson,
  readText,
  usingComponentsOf,
} from './lib/dist-files';
import { analyzeJs, SHIPPED_ECMA_VERSION, type AstNode } from './lib/js-ast';
import { referenceKind, resolveComponent, resolveFile, resolveRequire } from './lib/resolve';

const KB = 1024;
const MB = 1024 * KB;
/** This project's budgets, enforced: the main package loads before the first screen, so it gets the tightest. */
export const MAIN_PACKAGE_BUDGET_BYTES = 450 * KB;
/** Each subpackage (Alipay's older self-audit asked for 1 MB a package). */
export const SUBPACKAGE_BUDGET_BYTES = 1 * MB;
/** Alipay: the main package and each subpackage ≤ 2 MB, all together ≤ 8 MB (mini/framework/subpackages). */
export const PACKAGE_LIMIT_BYTES = 2 * MB;
export const TOTAL_LIMIT_BYTES = 8 * MB;
/** Alipay: each image in the package ≤ 100 KB. */
export const IMAGE_LIMIT_BYTES = 100 * KB;

export interface PackageSize {
  /** `main`, or the subpackage root. */
  name: string;
  /** '' for the main package. */
  root: string;
  bytes: number;
  files: number;
  budget: number;
}

export interface DistCheckResult {
  errors: string[];
  warnings: string[];
  packages: PackageSize[];
}

const TEXT_EXTENSIONS = ['.js', '.json', '.axml', '.acss', '.sjs', '.css', '.html'];

/** Checks a built dist folder. Every message starts with the dist-relative file it is about. */
export function checkDist(distDir: string): DistCheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isDir(distDir, '')) {
    return { errors: [`${distDir}: dist folder does not exist (run the build first)`], warnings, packages: [] };
  }
  const files = listFiles(distDir);
  const { config, errors: configErrors } = readAppConfig(distDir);
  errors.push(...configErrors);
  if (!isFile(distDir, 'app.js')) errors.push('app.js: missing (Alipay needs app.js beside app.json)');
  const roots = config?.subPackages.map((s) => s.root) ?? [];

  if (config) {
    checkPackagesConfig(distDir, config, errors);
    checkComponentDeclarations(distDir, files, config, errors);
  }
  for (const rel of files) {
    const ext = path.posix.extname(rel).toLowerCase();
    if (ext === '.json' && rel !== 'app.json') {
      const { error } = readJson(distDir, rel);
      if (error) errors.push(error);
    } else if (ext === '.js') checkJs(distDir, rel, roots, errors, warnings);
    else if (ext === '.axml') checkAxmlReferences(distDir, rel, roots, errors);
    else if (ext === '.sjs') checkSjsImports(distDir, rel, roots, errors);
    else if (ext === '.acss') checkAcssImports(distDir, rel, roots, errors);
  }
  checkImages(distDir, files, errors, warnings);
  const packages = measurePackages(distDir, files, roots, errors);
  return { errors, warnings, packages };
}

const describePage = (page: string) => `page "${page}"`;

function checkPackagesConfig(distDir: string, config: AppConfig, errors: string[]): void {
  const roots = config.subPackages.map((s) => s.root);
  for (const { root } of config.subPackages) {
    if (!isDir(distDir, root)) errors.push(`app.json: subpackage root "${root}" is not a folder in dist`);
    const outer = roots.find((other) => other !== root && root.startsWith(`${other}/`));
    if (outer) errors.push(`app.json: subpackage root "${root}" lies inside subpackage "${outer}"`);
    if (roots.filter((r) => r === root).length > 1)
      errors.push(`app.json: subpackage root "${root}" is declared twice`);
  }

  for (const page of config.allPages) {
    const missing = ['.axml', '.js', '.json'].map((ext) => page + ext).filter((f) => !isFile(distDir, f));
    if (missing.length)
      errors.push(`${missing[0]}: ${describePage(page)} listed in app.json is missing ${missing.join(', ')}`);
  }
  for (const page of config.mainPages) {
    const root = packageRootOf(page, roots);
    if (root) errors.push(`app.json: ${describePage(page)} is in "pages" but lies under subpackage root "${root}"`);
  }

  // Alipay: the launch page and every tabBar page must be in the main package.
  const launch = config.launchPage;
  if (launch) {
    const root = packageRootOf(launch, roots);
    if (root)
      errors.push(
        `app.json: launch ${describePage(launch)} is in subpackage "${root}"; it must be in the main package`,
      );
    else if (!config.mainPages.includes(launch))
      errors.push(`app.json: entryPagePath "${launch}" is not listed in "pages"`);
  }
  for (const page of config.tabBarPages) {
    const root = packageRootOf(page, roots);
    if (root)
      errors.push(`app.json: tabBar ${describePage(page)} is in subpackage "${root}"; it must be in the main package`);
    else if (!config.mainPages.includes(page))
      errors.push(`app.json: tabBar ${describePage(page)} is not listed in "pages"`);
  }
  for (const icon of config.tabBarIcons) {
    if (!isFile(distDir, icon)) errors.push(`app.json: tabBar icon "${icon}" is missing from dist`);
  }

  for (const [page, rule] of Object.entries(config.preloadRule)) {
    if (!config.allPages.includes(page.replace(/^\/+/, ''))) {
      errors.push(`app.json: preloadRule names "${page}", which is not a page`);
    }
    const packages = isObject(rule) && Array.isArray(rule.packages) ? rule.packages : [];
    for (const pkg of packages) {
      if (typeof pkg !== 'string' || !roots.includes(pkg.replace(/^\/+|\/+$/g, ''))) {
        errors.push(`app.json: preloadRule for "${page}" names "${String(pkg)}", which is not a subpackage root`);
      }
    }
  }
}

/** Every usingComponents entry (app.json, pages, components, npm components) names a complete component. */
function checkComponentDeclarations(distDir: string, files: string[], config: AppConfig, errors: string[]): void {
  const roots = config.subPackages.map((s) => s.root);
  const declarers: Array<[string, Record<string, string>]> = [['app.json', config.usingComponents]];
  for (const rel of files) {
    if (!rel.endsWith('.json') || rel === 'app.json') continue;
    const { value } = readJson(distDir, rel);
    if (isObject(value) && value.usingComponents !== undefined) declarers.push([rel, usingComponentsOf(value)]);
  }
  const notComponent = new Set<string>();
  for (const [jsonRel, using] of declarers) {
    for (const [tag, spec] of Object.entries(using)) {
      const kind = referenceKind(spec);
      if (kind === 'plugin') continue;
      const where = `${jsonRel}: usingComponents "${tag}": "${spec}"`;
      if (kind === 'remote' || kind === 'dynamic') {
        errors.push(`${where} is not a component path`);
        continue;
      }
      const { base, missing, error } = resolveComponent(distDir, jsonRel, spec);
      if (error || base === undefined) {
        errors.push(`${where}: ${error}`);
        continue;
      }
      if (missing?.length) {
        const hint = kind === 'bare' ? ' (a bare path is read from node_modules, which dist lacks)' : '';
        errors.push(`${where} is missing ${missing.join(', ')}${hint}`);
        continue;
      }
      const crossing = crossPackageProblem(jsonRel, base, roots);
      if (crossing) errors.push(`${where}: ${crossing}`);
      const { value } = readJson(distDir, `${base}.json`);
      if (isObject(value) && value.component !== true && !notComponent.has(base)) {
        notComponent.add(base);
        errors.push(`${base}.json: used as a component by ${jsonRel} but lacks "component": true`);
      }
    }
  }
}

function checkJs(distDir: string, rel: string, roots: string[], errors: string[], warnings: string[]): void {
  const facts = analyzeJs(readText(distDir, rel));
  if (facts.syntaxError) {
    const { line, column, message } = facts.syntaxError;
    errors.push(`${rel}:${line}:${column}: does not parse as ES${SHIPPED_ECMA_VERSION} script (${message})`);
  }
  for (const { name, line } of facts.forbiddenGlobals) {
    errors.push(`${rel}:${line}: references \`${name}\`, which Alipay's engine forbids`);
  }
  for (const { what, line } of facts.dynamicCode) {
    errors.push(`${rel}:${line}: uses ${what}, which Alipay's engine does not run`);
  }
  for (const line of facts.dynamicRequireLines) {
    warnings.push(`${rel}:${line}: require() with a computed path cannot be checked`);
  }
  for (const { spec, line } of facts.requires) {
    const resolved = resolveRequire(distDir, rel, spec);
    if (!resolved.rel) {
      errors.push(`${rel}:${line}: ${resolved.error}`);
      continue;
    }
    const crossing = crossPackageProblem(rel, resolved.rel, roots);
    if (crossing) errors.push(`${rel}:${line}: require('${spec}'): ${crossing}`);
  }
}

function checkReference(
  distDir: string,
  rel: string,
  line: number | undefined,
  what: string,
  spec: string,
  defaultExtension: string,
  roots: string[],
  errors: string[],
): void {
  const kind = referenceKind(spec);
  if (kind === 'dynamic' || kind === 'plugin') return;
  const where = `${rel}${line ? `:${line}` : ''}: ${what}`;
  const resolved = resolveFile(distDir, rel, spec, defaultExtension);
  if (!resolved.rel) {
    errors.push(`${where}: ${resolved.error}`);
    return;
  }
  const crossing = crossPackageProblem(rel, resolved.rel, roots);
  if (crossing) errors.push(`${where}: ${crossing}`);
}

function checkAxmlReferences(distDir: string, rel: string, roots: string[], errors: string[]): void {
  const doc = parseAxml(readText(distDir, rel));
  forEachElement(doc.body, (element) => {
    const refs: Array<[string, string, string]> = [
      ['import-sjs', 'from', '.sjs'],
      ['import', 'src', '.axml'],
      ['include', 'src', '.axml'],
    ];
    for (const [tag, key, ext] of refs) {
      if (element.name !== tag) continue;
      const spec = staticValue(element, key);
      if (spec === undefined) errors.push(`${rel}:${lineOf(element) ?? 0}: <${tag}> needs a static "${key}"`);
      else checkReference(distDir, rel, lineOf(element), `<${tag} ${key}="${spec}">`, spec, ext, roots, errors);
    }
  });
}

function checkSjsImports(distDir: string, rel: string, roots: string[], errors: string[]): void {
  let ast: AstNode;
  try {
    ast = acorn.parse(readText(distDir, rel), {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
    }) as unknown as AstNode;
  } catch (e) {
    errors.push(`${rel}: does not parse as SJS (${(e as Error).message})`);
    return;
  }
  for (const statement of ast.body as AstNode[]) {
    const source = statement.source as AstNode | undefined | null;
    if (!source || typeof source.value !== 'string') continue;
    const line = statement.loc?.start.line;
    checkReference(distDir, rel, line, `import '${source.value}'`, source.value, '.sjs', roots, errors);
  }
}

function checkAcssImports(distDir: string, rel: string, roots: string[], errors: string[]): void {
  const source = readText(distDir, rel);
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const pattern = /@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1\s*\)?/g;
  for (const match of withoutComments.matchAll(pattern)) {
    const line = withoutComments.slice(0, match.index).split('\n').length;
    checkReference(distDir, rel, line, `@import "${match[2]}"`, match[2], '.acss', roots, errors);
  }
}

function checkImages(distDir: string, files: string[], errors: string[], warnings: string[]): void {
  const images = files.filter(isImage);
  if (!images.length) return;
  const texts = files
    .filter((f) => TEXT_EXTENSIONS.includes(path.posix.extname(f).toLowerCase()))
    .map((f) => readText(distDir, f))
    .join('\n');
  for (const image of images) {
    const bytes = fileSize(distDir, image);
    if (bytes > IMAGE_LIMIT_BYTES) {
      errors.push(`${image}: image is ${formatKb(bytes)}, above Alipay's ${formatKb(IMAGE_LIMIT_BYTES)} per image`);
    }
    if (!texts.includes(path.posix.basename(image))) {
      warnings.push(`${image}: image is not referenced by any file in dist (Alipay asks for no unused assets)`);
    }
  }
}

function measurePackages(distDir: string, files: string[], roots: string[], errors: string[]): PackageSize[] {
  const packages: PackageSize[] = [
    { name: 'main', root: '', bytes: 0, files: 0, budget: MAIN_PACKAGE_BUDGET_BYTES },
    ...roots.map((root) => ({ name: root, root, bytes: 0, files: 0, budget: SUBPACKAGE_BUDGET_BYTES })),
  ];
  for (const rel of files) {
    const root = packageRootOf(rel, roots) ?? '';
    const pkg = packages.find((p) => p.root === root)!;
    pkg.bytes += fileSize(distDir, rel);
    pkg.files += 1;
  }
  for (const pkg of packages) {
    const label = pkg.root ? `${pkg.root}/` : 'main package';
    if (pkg.bytes > PACKAGE_LIMIT_BYTES) {
      errors.push(`${label}: ${formatKb(pkg.bytes)}, above Alipay's ${formatKb(PACKAGE_LIMIT_BYTES)} per package`);
    } else if (pkg.bytes > pkg.budget) {
      errors.push(`${label}: ${formatKb(pkg.bytes)}, above this project's ${formatKb(pkg.budget)} budget`);
    }
  }
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  if (total > TOTAL_LIMIT_BYTES) {
    errors.push(
      `${distDir}: all packages together are ${formatKb(total)}, above Alipay's ${formatKb(TOTAL_LIMIT_BYTES)}`,
    );
  }
  return packages;
}

const formatKb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

/** The size table the CLI prints. */
export function formatSizeTable(packages: PackageSize[]): string {
  const rows = packages.map((p) => [
    p.name,
    String(p.files),
    String(p.bytes),
    formatKb(p.bytes),
    formatKb(p.budget),
    p.bytes > PACKAGE_LIMIT_BYTES ? 'OVER 2 MB LIMIT' : p.bytes > p.budget ? 'over budget' : 'ok',
  ]);
  const total = packages.reduce((sum, p) => sum + p.bytes, 0);
  rows.push([
    'total',
    String(packages.reduce((sum, p) => sum + p.files, 0)),
    String(total),
    formatKb(total),
    formatKb(TOTAL_LIMIT_BYTES),
    total > TOTAL_LIMIT_BYTES ? 'OVER 8 MB LIMIT' : 'ok',
  ]);
  const header = ['package', 'files', 'bytes', 'KB', 'budget', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n').replace(/ +$/gm, '');
}

function main(): void {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const { errors, warnings, packages } = checkDist(distDir);
  console.log(`dist check: ${distDir}\n`);
  if (packages.length) console.log(`${formatSizeTable(packages)}\n`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  for (const error of errors) console.error(`error: ${error}`);
  if (errors.length) {
    console.error(`\ndist check failed: ${errors.length} error(s), ${warnings.length} warning(s)`);
    process.exitCode = 1;
  } else {
    console.log(`dist check passed (${warnings.length} warning(s))`);
  }
}

if (require.main === module) main();
