/**
 * Turns antd-mini's demo pages (its repository's `demo/` and `copilot-demo/` at a release tag) into a
 * mini-program our own build can build: Alipay's side of the `#if ALIPAY / #if WECHAT` blocks, JSON5 page
 * configs as JSON, LESS as ACSS, `.sjs.ts` as SJS, and the demos' `../src/<Component>` paths pointing at the
 * compiled components the app itself uses (`antd-mini/es`, `antd-mini/less` for styles).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import JSON5 from 'json5';
import less from 'less';

const DEMO_FOLDERS = ['demo', 'copilot-demo'];

/** Keeps the lines an Alipay build keeps: `/// #if ALIPAY`, `<!-- #if WECHAT -->` … `#endif` blocks. */
export function keepAlipay(text: string): string {
  const out: string[] = [];
  const keeping: boolean[] = [];
  for (const line of text.split('\n')) {
    const directive = /^\s*(?:\/\/\/?|<!--)\s*#(if|else|endif)\b\s*([^-]*?)\s*(?:-->)?\s*$/.exec(line);
    if (directive) {
      const [, kind, condition] = directive;
      if (kind === 'if') keeping.push(/\bALIPAY\b/.test(condition) && !/!\s*ALIPAY/.test(condition));
      else if (kind === 'else') keeping.push(!keeping.pop());
      else keeping.pop();
      continue;
    }
    if (keeping.every(Boolean)) out.push(line);
  }
  return out.join('\n');
}

/** `../../../src/Button/index` → `antd-mini/es/Button/index` (the compiled component the app uses too). */
function toPackage(spec: string, kind: 'es' | 'less'): string {
  const match = /^(?:\.\.\/)+(?:src|copilot)\/(.+)$/.exec(spec);
  return match ? `antd-mini/${kind}/${match[1]}` : spec;
}

function rewriteUsing(json: Record<string, unknown>): Record<string, unknown> {
  const using = json.usingComponents as Record<string, string> | undefined;
  if (using) for (const [tag, spec] of Object.entries(using)) using[tag] = toPackage(spec, 'es');
  return json;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

export interface StagedDemos {
  /** Routes of the demo pages, as app.json lists them. */
  pages: string[];
}

/**
 * Extracts the demos of `tag` from the git repository `gitDir` and stages them in `stageDir` (emptied first)
 * with an app.json listing every demo page. `nodeModules` is where antd-mini's package is.
 */
export async function stageDemos(
  gitDir: string,
  tag: string,
  stageDir: string,
  nodeModules: string,
): Promise<StagedDemos> {
  fs.rmSync(stageDir, { recursive: true, force: true });
  fs.mkdirSync(stageDir, { recursive: true });
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', tag, ...DEMO_FOLDERS], {
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', stageDir], { input: archive });
  const lessRoot = path.join(nodeModules, 'antd-mini', 'less');
  const pages: string[] = [];
  for (const file of DEMO_FOLDERS.flatMap((folder) => walk(path.join(stageDir, folder)))) {
    const rel = path.relative(stageDir, file).split(path.sep).join('/');
    const text = () => keepAlipay(fs.readFileSync(file, 'utf8'));
    const replace = (ending: string, content: string) => {
      fs.rmSync(file);
      fs.writeFileSync(file.slice(0, file.length - path.extname(file).length) + ending, content);
    };
    if (file.endsWith('.json5') || file.endsWith('.json'))
      replace('.json', JSON.stringify(rewriteUsing(JSON5.parse(text()) as Record<string, unknown>), null, 2));
    else if (file.endsWith('.sjs.ts')) {
      const { code } = await esbuild.transform(text(), { loader: 'ts', format: 'esm', target: 'es2015' });
      fs.rmSync(file);
      fs.writeFileSync(file.replace(/\.sjs\.ts$/, '.sjs'), code);
    } else if (file.endsWith('.ts'))
      fs.writeFileSync(
        file,
        text().replace(
          /(from\s+['"])((?:\.\.\/)+(?:src|copilot)\/[^'"]+)(['"])/g,
          (_m, a, spec, b) => a + toPackage(spec, 'es') + b,
        ),
      );
    else if (file.endsWith('.less')) {
      const source = text().replace(/(@import\s+(?:\([^)]*\)\s*)?['"])((?:\.\.\/)+src\/)/g, `$1${lessRoot}/`);
      const { css } = await less.render(source, { filename: file, javascriptEnabled: true });
      replace('.acss', css);
    } else if (file.endsWith('.axml')) {
      fs.writeFileSync(file, text());
      if (/\/pages\/.+\/index\.axml$/.test(rel)) pages.push(rel.replace(/\.axml$/, ''));
    }
  }
  pages.sort();
  const appJson = {
    pages,
    window: { defaultTitle: 'antd-mini 演示', titleBarColor: '#ffffff' },
  };
  fs.writeFileSync(path.join(stageDir, 'app.json'), JSON.stringify(appJson, null, 2));
  fs.writeFileSync(path.join(stageDir, 'app.ts'), 'App({});\n');
  return { pages };
}
