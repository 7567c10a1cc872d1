import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMiniProgram } from '../../scripts/build/mini-program';
import { checkDist } from '../../scripts/check-dist';
import { checkTemplates } from '../../scripts/check-templates';

let dist: string;
beforeAll(async () => {
  dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'build-placement-')), 'dist');
  await buildMiniProgram(dist);
}, 60_000);
afterAll(() => fs.rmSync(path.dirname(dist), { recursive: true, force: true }));

const exists = (rel: string) => fs.existsSync(path.join(dist, rel));
const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');

describe('the build places code in the one package that uses it', () => {
  it('puts what only the resume pages use inside the resume subpackage', () => {
    expect(exists('subpackages/resume/npm/antd-mini/es/Picker/index.js')).toBe(true);
    expect(exists('npm/antd-mini/es/Picker/index.js')).toBe(false);
    expect(exists('subpackages/resume/stores/resume-forms.js')).toBe(true);
    expect(exists('stores/resume-forms.js')).toBe(false);
  });

  it('keeps in the main package what the main package or several subpackages use', () => {
    expect(exists('npm/antd-mini/es/Button/index.js')).toBe(true);
    expect(exists('npm/mobx/index.js')).toBe(true);
    expect(exists('stores/bind.js')).toBe(true);
  });

  it('points every reference at where its target landed', () => {
    const basic = JSON.parse(read('subpackages/resume/pages/basic/index.json')) as {
      usingComponents: Record<string, string>;
    };
    for (const component of Object.values(basic.usingComponents))
      expect(exists(component.slice(1) + '.axml')).toBe(true);
    expect(read('subpackages/resume/stores/resume-forms.js')).toMatch(
      /require\("\.\.\/\.\.\/\.\.\/stores\/bind"\)|require\("\.\.\/\.\.\/\.\.\/services\//,
    );
  });

  it('passes the dist and template checks, the main package within its budget', () => {
    const result = checkDist(dist);
    expect(result.errors).toEqual([]);
    expect(checkTemplates(dist).errors).toEqual([]);
    const main = result.packages.find((p) => p.name === 'main')!;
    expect(main.bytes).toBeLessThanOrEqual(main.budget);
  });

  it('writes source maps beside dist, not in it', () => {
    expect(exists('app.js.map')).toBe(false);
    expect(fs.existsSync(path.join(`${dist}-sourcemaps`, 'app.js.map'))).toBe(true);
    expect(read('app.js')).not.toMatch(/sourceMappingURL/);
  });
});
