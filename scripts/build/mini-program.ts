import fs from 'node:fs';
import path from 'node:path';
import { bundleNpmSpecifier, compileModule, type Placement } from './compile-js';
import {
  BuildError,
  NPM_DIR,
  isBareSpecifier,
  nodeModules,
  npmBundlePath,
  projectRoot,
  sourceMapDir,
  toPosix,
} from './paths';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  usingComponents?: Record<string, string>;
  tabBar?: { items?: Array<{ icon?: string; activeIcon?: string }> };
}

interface ViewJson {
  usingComponents?: Record<string, string>;
}

export interface BuildSummary {
  pages: number;
  components: number;
  modules: number;
  npmBundles: number;
  /** Files placed inside the one subpackage that uses them instead of the main package. */
  movedToSubpackages: number;
  ms: number;
}

/**
 * One thing the build emits. `module` is a script (for a page or component also its view files),
 * `npm` a bundled npm specifier, `template`/`style` a file whose references are rewritten, `file` a copy.
 */
interface BuildNode {
  kind: 'module' | 'npm' | 'template' | 'style' | 'file';
  /** Absolute source path, or the npm specifier. */
  source: string;
  /** What it uses: ids of other nodes. */
  uses: Set<string>;
  /** For a page's or component's script: the view base path (without extension) whose files go beside it. */
  viewBase?: string;
  /** The package roots that reach it ('' is the main package). */
  owners: Set<string>;
}

const npmId = (specifier: string) => `npm:${specifier}`;

/**
 * Builds the mini-program at `root` (default: the project root) into `distDir`: what the Alipay IDE opens and
 * what ships. Another root builds another mini-program the same way (antd-mini's demos: check-antd-demos).
 * Two passes: the first finds what every page reaches, the second writes each file where it belongs.
 * A file reached from one subpackage only is placed inside it, so the main package (downloaded before the
 * first screen) carries only what the main package or several subpackages need.
 */
export async function buildMiniProgram(distDir: string, root = projectRoot): Promise<BuildSummary> {
  const started = Date.now();
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.rmSync(sourceMapDir(distDir), { recursive: true, force: true });
  fs.mkdirSync(distDir, { recursive: true });

  const appJsonFile = path.join(root, 'app.json');
  const appJson = JSON.parse(fs.readFileSync(appJsonFile, 'utf8')) as AppJson;
  const graph = new Map<string, BuildNode>();
  const viewJsons = new Map<string, ViewJson>();

  const node = (kind: BuildNode['kind'], source: string, id = source): { node: BuildNode; isNew: boolean } => {
    const existing = graph.get(id);
    if (existing) return { node: existing, isNew: false };
    const created: BuildNode = { kind, source, uses: new Set(), owners: new Set() };
    graph.set(id, created);
    return { node: created, isNew: true };
  };

  // ---- Pass 1: what uses what -------------------------------------------------------------------------
  const moduleQueue: BuildNode[] = [];
  const npmQueue: BuildNode[] = [];

  const addModule = (source: string): string => {
    const { node: added, isNew } = node('module', source);
    if (isNew) moduleQueue.push(added);
    return source;
  };

  const addNpm = (specifier: string): string => {
    const { node: added, isNew } = node('npm', specifier, npmId(specifier));
    if (isNew) npmQueue.push(added);
    return npmId(specifier);
  };

  /** A component named in usingComponents → its view base (a folder means its index). */
  const componentBase = (jsonFile: string, spec: string): string => {
    const named = isBareSpecifier(spec)
      ? path.join(nodeModules, spec)
      : spec.startsWith('/')
        ? path.join(root, spec)
        : path.resolve(path.dirname(jsonFile), spec);
    const folderIndex = path.join(named, 'index');
    return !fs.existsSync(named + '.axml') && fs.existsSync(folderIndex + '.axml') ? folderIndex : named;
  };

  /** A page or component: its script node, which carries the view's files and what they use. */
  const addView = (base: string, what: string): string => {
    const rel = path.relative(root, base);
    for (const ending of ['.axml', '.json']) {
      if (!fs.existsSync(base + ending)) throw new BuildError(`${what}: missing ${rel}${ending}`);
    }
    const script = ['.ts', '.js'].map((e) => base + e).find((f) => fs.existsSync(f));
    if (!script) throw new BuildError(`${what}: missing ${rel}.ts`);
    addModule(script);
    const view = graph.get(script)!;
    if (view.viewBase) return script;
    view.viewBase = base;
    // The view's own template and stylesheet go beside its script; what they reference is a node.
    for (const ref of templateRefs(base + '.axml')) view.uses.add(addTemplateRef(ref.target));
    if (fs.existsSync(base + '.acss')) for (const ref of styleRefs(base + '.acss')) view.uses.add(addStyle(ref.target));
    const json = JSON.parse(fs.readFileSync(base + '.json', 'utf8')) as ViewJson;
    viewJsons.set(base, json);
    for (const [tag, spec] of Object.entries(json.usingComponents ?? {})) {
      if (spec.startsWith('plugin://')) continue;
      view.uses.add(addView(componentBase(base + '.json', spec), `component <${tag}> used by ${rel}.json`));
    }
    return script;
  };

  /** A file a template names: another template (whose references are followed) or an SJS module. */
  const addTemplateRef = (target: string): string => {
    if (!target.endsWith('.axml')) return node('file', target).node.source;
    const { node: template, isNew } = node('template', target);
    if (isNew) for (const ref of templateRefs(target)) template.uses.add(addTemplateRef(ref.target));
    return target;
  };

  const addStyle = (acssFile: string): string => {
    const { node: style, isNew } = node('style', acssFile);
    if (!isNew) return acssFile;
    for (const ref of styleRefs(acssFile)) style.uses.add(addStyle(ref.target));
    return acssFile;
  };

  // Pages are the roots; each belongs to its package.
  const pageRoots: Array<{ script: string; owner: string }> = [];
  const appScript = addModule(path.join(root, 'app.ts'));
  pageRoots.push({ script: appScript, owner: '' });
  if (fs.existsSync(path.join(root, 'app.acss'))) {
    graph.get(appScript)!.uses.add(addStyle(path.join(root, 'app.acss')));
  }
  for (const [tag, spec] of Object.entries(appJson.usingComponents ?? {})) {
    const script = addView(componentBase(appJsonFile, spec), `component <${tag}> used by app.json`);
    pageRoots.push({ script, owner: '' });
  }
  for (const item of appJson.tabBar?.items ?? []) {
    for (const icon of [item.icon, item.activeIcon]) {
      if (icon) graph.get(appScript)!.uses.add(node('file', path.join(root, icon)).node.source);
    }
  }
  const pageRoutes = [
    ...appJson.pages.map((page) => ({ route: page, owner: '' })),
    ...(appJson.subPackages ?? []).flatMap((sub) =>
      sub.pages.map((page) => ({ route: `${sub.root}/${page}`, owner: sub.root })),
    ),
  ];
  for (const { route, owner } of pageRoutes) {
    pageRoots.push({ script: addView(path.join(root, route), `page '${route}' in app.json`), owner });
  }

  // Scripts and npm bundles: compiling them (output discarded) is how their imports are found.
  const provisional: Placement = {
    moduleOut: (source) => path.join(distDir, path.basename(source)),
    npmOut: (specifier) => npmBundlePath(distDir, specifier),
  };
  while (moduleQueue.length || npmQueue.length) {
    const script = moduleQueue.shift();
    if (script) {
      const { localImports, bareImports } = await compileModule(
        script.source,
        provisional.moduleOut(script.source),
        distDir,
        provisional,
        false,
      );
      for (const local of localImports) script.uses.add(addModule(local));
      for (const specifier of bareImports) script.uses.add(addNpm(specifier));
      continue;
    }
    const bundle = npmQueue.shift()!;
    const others = await bundleNpmSpecifier(bundle.source, provisional, false);
    for (const specifier of others) bundle.uses.add(addNpm(specifier));
  }

  // Every node learns which packages reach it.
  for (const { script, owner } of pageRoots) {
    const stack = [script];
    while (stack.length) {
      const current = graph.get(stack.pop()!)!;
      if (current.owners.has(owner)) continue;
      current.owners.add(owner);
      stack.push(...current.uses);
    }
  }

  // ---- Pass 2: write each node where it belongs -------------------------------------------------------
  const homeOf = (owners: Set<string>): string => (owners.size === 1 ? [...owners][0] : '');
  /** Where a source file goes in dist (relative), before placing it in a subpackage. */
  const sharedRel = (source: string): string => {
    const fromNodeModules = path.relative(nodeModules, source);
    return fromNodeModules.startsWith('..') ? path.relative(root, source) : path.join(NPM_DIR, fromNodeModules);
  };
  const placeIn = (home: string, rel: string): string =>
    path.join(distDir, !home || toPosix(rel).startsWith(`${home}/`) ? rel : path.join(home, rel));
  const outOf = (id: string): string => {
    const target = graph.get(id);
    if (!target) throw new BuildError(`internal: ${id} was not discovered`);
    if (target.kind === 'npm')
      return placeIn(homeOf(target.owners), path.relative(distDir, npmBundlePath(distDir, target.source)));
    return placeIn(homeOf(target.owners), sharedRel(target.source));
  };
  const placement: Placement = {
    moduleOut: (source) => outOf(source).replace(/\.ts$/, '.js'),
    npmOut: (specifier) => outOf(npmId(specifier)),
  };
  let moved = 0;
  for (const [id, current] of graph) {
    const home = homeOf(current.owners);
    if (home && (current.kind === 'npm' || !toPosix(sharedRel(current.source)).startsWith(`${home}/`))) moved++;
    switch (current.kind) {
      case 'module': {
        const outFile = placement.moduleOut(current.source);
        await compileModule(current.source, outFile, distDir, placement, true);
        if (current.viewBase) writeView(current, outFile);
        break;
      }
      case 'npm': {
        await bundleNpmSpecifier(current.source, placement, true);
        break;
      }
      case 'template':
        writeWithRefs(current.source, outOf(id), templateRefs(current.source));
        break;
      case 'style':
        writeWithRefs(current.source, outOf(id), styleRefs(current.source));
        break;
      case 'file':
        copyTo(current.source, outOf(id));
        break;
    }
  }

  /**
   * A page's or component's template and stylesheet beside its script, and its .json with every component
   * named by its absolute place in dist.
   */
  function writeView(view: BuildNode, scriptOut: string) {
    const base = view.viewBase!;
    const outBase = scriptOut.replace(/\.js$/, '');
    writeWithRefs(base + '.axml', outBase + '.axml', templateRefs(base + '.axml'));
    if (fs.existsSync(base + '.acss')) writeWithRefs(base + '.acss', outBase + '.acss', styleRefs(base + '.acss'));
    const json = structuredClone(viewJsons.get(base)!);
    for (const [tag, spec] of Object.entries(json.usingComponents ?? {})) {
      if (spec.startsWith('plugin://')) continue;
      const childScript = [...view.uses].find((id) => graph.get(id)!.viewBase === componentBase(base + '.json', spec))!;
      json.usingComponents![tag] =
        '/' + toPosix(path.relative(distDir, placement.moduleOut(childScript))).replace(/\.js$/, '');
    }
    writeJson(outBase + '.json', json);
  }

  /** Copies a template or stylesheet, pointing each reference at where its target landed. */
  function writeWithRefs(source: string, outFile: string, refs: FileRef[]) {
    let text = fs.readFileSync(source, 'utf8');
    for (const ref of [...refs].reverse()) {
      let rel = toPosix(path.relative(path.dirname(outFile), outOf(ref.target)));
      if (!rel.startsWith('.')) rel = `./${rel}`;
      text = text.slice(0, ref.start) + rel + text.slice(ref.end);
    }
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, text);
  }

  writeJson(path.join(distDir, 'app.json'), appJson);

  const counts = { components: 0, modules: 0, npmBundles: 0 };
  for (const current of graph.values()) {
    if (current.kind === 'module') counts.modules++;
    if (current.kind === 'npm') counts.npmBundles++;
    if (current.viewBase) counts.components++;
  }
  return {
    pages: pageRoutes.length,
    components: counts.components - pageRoutes.length,
    modules: counts.modules,
    npmBundles: counts.npmBundles,
    movedToSubpackages: moved,
    ms: Date.now() - started,
  };
}

/** A reference inside a template or stylesheet: where it stands in the text and the file it names. */
interface FileRef {
  start: number;
  end: number;
  target: string;
}

const resolveRef = (fromFile: string, ref: string) =>
  ref.startsWith('/') ? path.join(projectRoot, ref) : path.resolve(path.dirname(fromFile), ref);

/** `<import-sjs from>`, `<import src>` and `<include src>` of a template; a missing target fails the build. */
function templateRefs(axmlFile: string): FileRef[] {
  const text = fs.readFileSync(axmlFile, 'utf8');
  const refs: FileRef[] = [];
  for (const match of text.matchAll(/<(import-sjs|import|include)\b[^>]*?\b(?:from|src)\s*=\s*["']([^"']+)["']/g)) {
    const [whole, tag, ref] = match;
    const target = resolveRef(axmlFile, ref);
    if (!fs.existsSync(target)) {
      throw new BuildError(`${path.relative(projectRoot, axmlFile)}: <${tag}> points at missing ${ref}`);
    }
    const end = match.index! + whole.length - 1;
    refs.push({ start: end - ref.length, end, target });
  }
  return refs;
}

/** `@import` lines of a stylesheet; a missing target fails the build. */
function styleRefs(acssFile: string): FileRef[] {
  const text = fs.readFileSync(acssFile, 'utf8');
  const refs: FileRef[] = [];
  for (const match of text.matchAll(/@import\s+["']([^"']+)["']/g)) {
    const [whole, ref] = match;
    const target = resolveRef(acssFile, ref);
    if (!fs.existsSync(target)) {
      throw new BuildError(`${path.relative(projectRoot, acssFile)}: @import points at missing ${ref}`);
    }
    const end = match.index! + whole.length - 1;
    refs.push({ start: end - ref.length, end, target });
  }
  return refs;
}

function copyTo(source: string, outFile: string) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.copyFileSync(source, outFile);
}

function writeJson(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
