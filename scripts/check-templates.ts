/**
 * Template contracts for the project's own pages and components in dist/ (dist/npm is skipped): every
 * event handler is a method of its page or component, every name read in `{{ }}` is in data/props, an
 * a:for or slot-scope scope or an import-sjs name, and every tag is built in, declared or a template.
 * Methods and data come from loading the compiled JS in a sandbox (scripts/lib/mini-runtime.ts).
 *
 * Usage: tsx scripts/check-templates.ts [distDir]   (default: dist; exits 1 on any error)
 */
import path from 'node:path';
import { readAppConfig } from './lib/app-config';
import {
  attribute,
  expressionNames,
  forEachElement,
  isElement,
  lineOf,
  parseAxml,
  sjsImportNames,
  staticValue,
  type AxmlDocument,
  type AxmlNode,
  type Element,
} from './lib/axml';
import { BUILTIN_TAGS } from './lib/builtin-components';
import { isDir, isFile, isObject, listFiles, readJson, readText, usingComponentsOf } from './lib/dist-files';
import { MiniRuntime } from './lib/mini-runtime';
import { resolveFile } from './lib/resolve';

export interface TemplateCheckResult {
  errors: string[];
}

/** Folders holding npm code, not the project's own templates: at the root or inside a subpackage. */
const NPM_FOLDER = /(^|\/)(npm|node_modules|miniprogram_npm)\//;

/** An attribute binding an event: onTap, catchTap, and their capture- forms. */
const EVENT_ATTRIBUTE = /^(capture-)?(on|catch)[A-Z]/;

/** Names an expression may read without declaring them (literals true/false/null parse as literals). */
const ALWAYS_DEFINED = new Set(['undefined', 'NaN', 'Infinity']);

interface Owner {
  kind: 'page' | 'component';
  /** dist-relative path without extension, e.g. pages/jobs/index */
  path: string;
  methods: Set<string>;
  data: Set<string>;
}

interface Walk {
  /** The file the nodes being walked come from (messages name it). */
  file: string;
  owner?: Owner;
  /** Tags declared for the owner (its json and app.json). */
  components: Set<string>;
  sjs: Set<string>;
  /** Template names usable here: defined in the file or in files it imports. */
  templates: Set<string>;
  /** Inside `<template name>`: its data comes from the caller, so names are not checked. */
  inTemplate: boolean;
  /** Files being included, to stop include cycles. */
  includeChain: string[];
  /** Template names used statically with `<template is>`, and whether any `is` is dynamic. */
  usedTemplates: Set<string>;
  dynamicTemplateUse: { value: boolean };
}

const functionKeys = (value: unknown): string[] =>
  isObject(value) ? Object.keys(value).filter((k) => typeof value[k] === 'function') : [];

const dataKeys = (value: unknown, self: Record<string, unknown>): string[] => {
  if (typeof value === 'function') {
    try {
      return dataKeys((value as (this: unknown) => unknown).call(self), self);
    } catch {
      return [];
    }
  }
  return isObject(value) ? Object.keys(value) : [];
};

/** The definition plus its mixins (Alipay merges mixins' data, props and methods into the component). */
function withMixins(definition: Record<string, unknown>): Record<string, unknown>[] {
  const mixins = Array.isArray(definition.mixins) ? definition.mixins.filter(isObject) : [];
  return [definition, ...mixins.flatMap((m) => withMixins(m))];
}

function describeOwner(kind: 'page' | 'component', ownerPath: string, definition: Record<string, unknown>): Owner {
  const parts = withMixins(definition);
  const methods = new Set<string>();
  const data = new Set<string>();
  if (kind === 'page') {
    for (const part of parts) {
      functionKeys(part).forEach((k) => methods.add(k));
      dataKeys(part.data, {}).forEach((k) => data.add(k));
    }
  } else {
    const props: Record<string, unknown> = {};
    for (const part of parts) if (isObject(part.props)) Object.assign(props, part.props);
    for (const part of parts) {
      functionKeys(part.methods).forEach((k) => methods.add(k));
      dataKeys(part.data, { props, data: {} }).forEach((k) => data.add(k));
    }
    Object.keys(props).forEach((k) => data.add(k));
    data.add('$id'); // Alipay: a component's id can be rendered in its own axml
  }
  return { kind, path: ownerPath, methods, data };
}

/** Checks the templates of a built dist folder; messages start with `file:line`. */
export function checkTemplates(distDir: string): TemplateCheckResult {
  const errors: string[] = [];
  if (!isDir(distDir, '')) return { errors: [`${distDir}: dist folder does not exist (run the build first)`] };
  const { config } = readAppConfig(distDir);
  const pages = new Set(config?.allPages ?? []);
  const globalComponents = Object.keys(config?.usingComponents ?? {});
  const runtime = new MiniRuntime(distDir);
  const report = (file: string, line: number | undefined, message: string) => {
    const text = `${file}${line ? `:${line}` : ''}: ${message}`;
    if (!errors.includes(text)) errors.push(text);
  };

  const documents = new Map<string, AxmlDocument>();
  const documentOf = (rel: string): AxmlDocument => {
    let doc = documents.get(rel);
    if (!doc) {
      doc = parseAxml(readText(distDir, rel));
      documents.set(rel, doc);
    }
    return doc;
  };
  const referencedFrom = (rel: string, element: Element, key: string): string | undefined => {
    const spec = staticValue(element, key);
    return spec === undefined ? undefined : resolveFile(distDir, rel, spec, '.axml').rel;
  };
  const importsOf = (rel: string): string[] => {
    const found: string[] = [];
    forEachElement(documentOf(rel).body, (el) => {
      const target = el.name === 'import' ? referencedFrom(rel, el, 'src') : undefined;
      if (target) found.push(target);
    });
    return found;
  };
  const templatesDefinedIn = (rel: string): Element[] => {
    const found: Element[] = [];
    forEachElement(documentOf(rel).body, (el) => {
      if (el.name === 'template' && staticValue(el, 'name')) {
        found.push(el);
        return false;
      }
    });
    return found;
  };
  const templateNamesFor = (rel: string): Set<string> =>
    new Set([rel, ...importsOf(rel)].flatMap((f) => templatesDefinedIn(f).map((t) => staticValue(t, 'name')!)));
  const sjsNamesOf = (rel: string): Set<string> => {
    const names = new Set<string>();
    forEachElement(documentOf(rel).body, (el) => {
      const name = el.name === 'import-sjs' ? attribute(el, 'name')?.value : undefined;
      if (name) sjsImportNames(name).forEach((n) => names.add(n));
    });
    return names;
  };

  const checkExpression = (walk: Walk, source: string, line: number | undefined, locals: Set<string>) => {
    const { names, error } = expressionNames(source);
    if (error) {
      report(walk.file, line, error);
      return;
    }
    if (walk.inTemplate || !walk.owner) return;
    for (const name of names) {
      if (locals.has(name) || walk.sjs.has(name) || walk.owner.data.has(name) || ALWAYS_DEFINED.has(name)) continue;
      const whose = walk.owner.kind === 'page' ? "the page's data" : "the component's data or props";
      report(
        walk.file,
        line,
        `{{${source.trim()}}} reads "${name}", which is not in ${whose} (${walk.owner.path}), an a:for scope, a slot-scope or an <import-sjs> name`,
      );
    }
  };

  const checkElement = (walk: Walk, element: Element, locals: Set<string>): void => {
    const line = lineOf(element);
    const name = element.name;
    if (!BUILTIN_TAGS.has(name) && !walk.components.has(name)) {
      report(walk.file, line, `<${name}> is neither a built-in component nor declared in usingComponents`);
    }
    if (element.endTag && element.endTag.name !== element.startTag.name) {
      report(walk.file, lineOf(element.endTag), `</${element.endTag.name}> closes <${element.startTag.name}>`);
    }
    if (name === 'import-sjs' || name === 'import') return;
    if (name === 'include') {
      const target = referencedFrom(walk.file, element, 'src');
      if (target && !walk.includeChain.includes(target)) {
        // include copies the file's content (not its templates) into this place, in this scope.
        const inner: Walk = {
          ...walk,
          file: target,
          sjs: new Set([...walk.sjs, ...sjsNamesOf(target)]),
          templates: new Set([...walk.templates, ...templateNamesFor(target)]),
          includeChain: [...walk.includeChain, target],
        };
        const body = documentOf(target).body.filter(
          (n) => !(isElement(n) && n.name === 'template' && attribute(n, 'name')),
        );
        walkNodes(inner, body, locals);
      }
      return;
    }
    if (name === 'template' && attribute(element, 'name')) {
      walkNodes({ ...walk, inTemplate: true }, element.children ?? [], locals);
      return;
    }
    if (name === 'template' && attribute(element, 'is')) {
      const is = staticValue(element, 'is');
      if (is === undefined) walk.dynamicTemplateUse.value = true;
      else {
        walk.usedTemplates.add(is);
        if (!walk.templates.has(is)) {
          report(walk.file, line, `<template is="${is}"> names no template defined here or in an imported file`);
        }
      }
    }

    const scope = new Set(locals);
    if (attribute(element, 'a:for')) {
      scope.add(staticValue(element, 'a:for-item') || 'item');
      scope.add(staticValue(element, 'a:for-index') || 'index');
    }
    const slotScope = staticValue(element, 'slot-scope');
    if (slotScope) scope.add(slotScope);

    for (const attr of element.startTag.attributes) {
      const attrLine = lineOf(attr) ?? line;
      const isDynamic = (attr.value ?? '').includes('{{');
      if ((EVENT_ATTRIBUTE.test(attr.key) || attr.key === 'ref') && !isDynamic) {
        const handler = (attr.value ?? '').trim();
        if (handler && walk.owner && !walk.owner.methods.has(handler)) {
          const where = walk.owner.kind === 'page' ? 'page' : 'component (in methods)';
          report(walk.file, attrLine, `${attr.key}="${handler}" is not a method of the ${where} ${walk.owner.path}`);
        }
        continue;
      }
      const attrScope = attr.key === 'a:for' ? locals : scope;
      for (const interpolation of attr.interpolations ?? []) {
        checkExpression(walk, interpolation.value, lineOf(interpolation) ?? attrLine, attrScope);
      }
    }
    walkNodes(walk, element.children ?? [], scope);
  };

  const walkNodes = (walk: Walk, nodes: AxmlNode[], locals: Set<string>): void => {
    for (const node of nodes) {
      if (isElement(node)) checkElement(walk, node, locals);
      else if (node.type === 'WXInterpolation') checkExpression(walk, node.value, lineOf(node), locals);
    }
  };

  const newWalk = (file: string, owner: Owner | undefined, components: Set<string>): Walk => ({
    file,
    owner,
    components,
    sjs: sjsNamesOf(file),
    templates: templateNamesFor(file),
    inTemplate: false,
    includeChain: [file],
    usedTemplates: new Set(),
    dynamicTemplateUse: { value: false },
  });

  const projectAxml = listFiles(distDir).filter((f) => f.endsWith('.axml') && !NPM_FOLDER.test(f));
  const referencedByOthers = new Set<string>();
  for (const rel of projectAxml) {
    const doc = documentOf(rel);
    for (const parseError of doc.errors)
      report(rel, parseError.loc?.start.line, `AXML parse error: ${parseError.value}`);
    forEachElement(doc.body, (el) => {
      const target = el.name === 'import' || el.name === 'include' ? referencedFrom(rel, el, 'src') : undefined;
      if (target) referencedByOthers.add(target);
    });
  }

  for (const rel of projectAxml) {
    const base = rel.replace(/\.axml$/, '');
    const json = readJson(distDir, `${base}.json`).value;
    const components = new Set([...globalComponents, ...Object.keys(usingComponentsOf(json))]);
    const isPage = pages.has(base);
    const declaredComponent = isObject(json) && json.component === true;
    let owner: Owner | undefined;
    let ownerUnknown = false;
    if (isFile(distDir, `${base}.js`)) {
      const loaded = runtime.loadDefinition(`${base}.js`);
      if (loaded.error) {
        report(`${base}.js`, undefined, `${loaded.error.replace(`${base}.js: `, '')}; its template cannot be checked`);
        ownerUnknown = true;
      } else if (loaded.kind === 'page' || loaded.kind === 'component') {
        owner = describeOwner(loaded.kind, base, loaded.definition ?? {});
      }
    }
    if (!owner && !ownerUnknown && (isPage || declaredComponent)) {
      const expected = isPage ? 'Page()' : 'Component()';
      report(`${base}.js`, undefined, `does not register with ${expected}, so ${rel} has no methods or data`);
      ownerUnknown = true;
    }
    if (!owner && !ownerUnknown && referencedByOthers.has(rel)) continue; // checked where imported or included

    const walk = newWalk(rel, owner, components);
    walkNodes(walk, documentOf(rel).body, new Set());

    // Templates from imported files run in this page or component: their handlers must exist here.
    if (!owner) continue;
    for (const imported of importsOf(rel)) {
      for (const template of templatesDefinedIn(imported)) {
        const templateName = staticValue(template, 'name')!;
        if (!walk.dynamicTemplateUse.value && !walk.usedTemplates.has(templateName)) continue;
        const inner = { ...newWalk(imported, owner, components), inTemplate: true };
        walkNodes(inner, template.children ?? [], new Set());
      }
    }
  }
  return { errors };
}

function main(): void {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const { errors } = checkTemplates(distDir);
  console.log(`template check: ${distDir}`);
  for (const error of errors) console.error(`error: ${error}`);
  if (errors.length) {
    console.error(`\ntemplate check failed: ${errors.length} error(s)`);
    process.exitCode = 1;
  } else {
    console.log('template check passed');
  }
}

if (require.main === module) main();
