import fs from 'node:fs';
import path from 'node:path';
import { bundleNpmSpecifier, compileModule } from './compile-js';
import { BuildError, NPM_DIR, isBareSpecifier, nodeModules, projectRoot, sourceMapDir, toPosix } from './paths';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  usingComponents?: Record<string, string>;
  tabBar?: { items?: Array<{ icon?: string; activeIcon?: string }> };
}

export interface BuildSummary {
  pages: number;
  components: number;
  modules: number;
  npmBundles: number;
  ms: number;
}

/** Builds the mini-program at the project root into `distDir`: what the Alipay IDE opens and what ships. */
export async function buildMiniProgram(distDir: string): Promise<BuildSummary> {
  const started = Date.now();
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.rmSync(sourceMapDir(distDir), { recursive: true, force: true });
  fs.mkdirSync(distDir, { recursive: true });

  const outPathFor = (source: string): string => {
    const fromNodeModules = path.relative(nodeModules, source);
    if (!fromNodeModules.startsWith('..')) return path.join(distDir, NPM_DIR, fromNodeModules);
    return path.join(distDir, path.relative(projectRoot, source));
  };

  const copiedViews = new Set<string>();
  const compiledModules = new Set<string>();
  const moduleQueue: string[] = [];
  const npmSpecifiers = new Set<string>();

  const queueModule = (source: string) => {
    if (!compiledModules.has(source)) {
      compiledModules.add(source);
      moduleQueue.push(source);
    }
  };

  const copyFile = (source: string) => {
    const target = outPathFor(source);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
  };

  const rewriteUsingComponents = (jsonFile: string, components: Record<string, string> | undefined) => {
    if (!components) return;
    for (const [tag, spec] of Object.entries(components)) {
      if (spec.startsWith('plugin://')) continue;
      const base = isBareSpecifier(spec)
        ? path.join(nodeModules, spec)
        : spec.startsWith('/')
          ? path.join(projectRoot, spec)
          : path.resolve(path.dirname(jsonFile), spec);
      copyView(base, `component <${tag}> used by ${path.relative(projectRoot, jsonFile)}`);
      if (isBareSpecifier(spec)) components[tag] = '/' + toPosix(path.relative(distDir, outPathFor(base)));
    }
  };

  /** Copies a page or component: .axml, .acss, .json, its script and what its template imports. */
  const copyView = (named: string, what: string) => {
    // A component may be named by its folder (`../Loading`), meaning the folder's index.
    const folderIndex = path.join(named, 'index');
    const base = !fs.existsSync(named + '.axml') && fs.existsSync(folderIndex + '.axml') ? folderIndex : named;
    if (copiedViews.has(base)) return;
    copiedViews.add(base);
    const rel = path.relative(projectRoot, base);
    for (const ending of ['.axml', '.json']) {
      if (!fs.existsSync(base + ending)) throw new BuildError(`${what}: missing ${rel}${ending}`);
    }
    const script = ['.ts', '.js'].map((e) => base + e).find((f) => fs.existsSync(f));
    if (!script) throw new BuildError(`${what}: missing ${rel}.ts`);
    queueModule(script);
    copyTemplate(base + '.axml');
    if (fs.existsSync(base + '.acss')) copyStyle(base + '.acss');
    const json = JSON.parse(fs.readFileSync(base + '.json', 'utf8')) as { usingComponents?: Record<string, string> };
    rewriteUsingComponents(base + '.json', json.usingComponents);
    writeJson(outPathFor(base + '.json'), json);
  };

  /** Copies a stylesheet and, recursively, the stylesheets it `@import`s. */
  const copiedStyles = new Set<string>();
  const copyStyle = (acssFile: string) => {
    if (copiedStyles.has(acssFile)) return;
    copiedStyles.add(acssFile);
    copyFile(acssFile);
    const text = fs.readFileSync(acssFile, 'utf8');
    for (const match of text.matchAll(/@import\s+["']([^"']+)["']/g)) {
      const ref = match[1];
      const target = ref.startsWith('/') ? path.join(projectRoot, ref) : path.resolve(path.dirname(acssFile), ref);
      if (!fs.existsSync(target)) {
        throw new BuildError(`${path.relative(projectRoot, acssFile)}: @import points at missing ${ref}`);
      }
      copyStyle(target);
    }
  };

  const copiedTemplates = new Set<string>();
  const copyTemplate = (axmlFile: string) => {
    if (copiedTemplates.has(axmlFile)) return;
    copiedTemplates.add(axmlFile);
    const text = fs.readFileSync(axmlFile, 'utf8');
    copyFile(axmlFile);
    for (const match of text.matchAll(/<(import-sjs|import|include)\b[^>]*?\b(from|src)\s*=\s*["']([^"']+)["']/g)) {
      const [, tag, , ref] = match;
      const target = ref.startsWith('/') ? path.join(projectRoot, ref) : path.resolve(path.dirname(axmlFile), ref);
      if (!fs.existsSync(target)) {
        throw new BuildError(`${path.relative(projectRoot, axmlFile)}: <${tag}> points at missing ${ref}`);
      }
      if (target.endsWith('.axml')) copyTemplate(target);
      else copyFile(target);
    }
  };

  // App shell
  const appJsonFile = path.join(projectRoot, 'app.json');
  const appJson = JSON.parse(fs.readFileSync(appJsonFile, 'utf8')) as AppJson;
  queueModule(path.join(projectRoot, 'app.ts'));
  if (fs.existsSync(path.join(projectRoot, 'app.acss'))) copyStyle(path.join(projectRoot, 'app.acss'));
  rewriteUsingComponents(appJsonFile, appJson.usingComponents);
  for (const item of appJson.tabBar?.items ?? []) {
    for (const icon of [item.icon, item.activeIcon]) if (icon) copyFile(path.join(projectRoot, icon));
  }
  const pageRoutes = [
    ...appJson.pages,
    ...(appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ];
  for (const route of pageRoutes) copyView(path.join(projectRoot, route), `page '${route}' in app.json`);
  writeJson(path.join(distDir, 'app.json'), appJson);

  // Scripts, then the npm packages they use (each bundled once, shared by every importer).
  while (moduleQueue.length) {
    const source = moduleQueue.shift()!;
    const { localImports, bareImports } = await compileModule(
      source,
      outPathFor(source).replace(/\.ts$/, '.js'),
      distDir,
    );
    localImports.forEach(queueModule);
    bareImports.forEach((s) => npmSpecifiers.add(s));
  }
  const bundled = new Set<string>();
  const npmQueue = [...npmSpecifiers];
  while (npmQueue.length) {
    const specifier = npmQueue.shift()!;
    if (bundled.has(specifier)) continue;
    bundled.add(specifier);
    npmQueue.push(...(await bundleNpmSpecifier(specifier, distDir)));
  }

  return {
    pages: pageRoutes.length,
    components: copiedViews.size - pageRoutes.length,
    modules: compiledModules.size,
    npmBundles: bundled.size,
    ms: Date.now() - started,
  };
}

function writeJson(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
