/**
 * Helpers for the resume page tests: antd-mini's real Form class for jest, form items as the platform
 * registers them, a signed-in seeker, and direct calls to the mock backend to read what it stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createFakeMy } from '../../runtime/harness/fake-my';
import { createRuntime, PROJECT_ROOT, type PageHandle, type Runtime } from '../../runtime/harness/runtime';

/**
 * antd-mini ships its Form as ES modules, which jest does not transform; the app's build bundles it to
 * CommonJS, and so does this (the same file, the same bundler). Use in a test file:
 * `jest.mock('antd-mini/es/Form/form', () => jest.requireActual('./resume-support').antdFormModule())`.
 */
export function antdFormModule(): unknown {
  const cache = globalThis as { __antdFormBundle?: string };
  if (!cache.__antdFormBundle) {
    const result = buildSync({
      entryPoints: [path.join(PROJECT_ROOT, 'node_modules/antd-mini/es/Form/form.js')],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'es2017',
      logLevel: 'silent',
    });
    cache.__antdFormBundle = result.outputFiles[0].text;
  }
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', cache.__antdFormBundle)(module, module.exports, require);
  return module.exports;
}

type Trigger = 'onChange' | 'didUnmount' | 'deriveDataFromProps';
type Listener = (trigger: Trigger, value?: unknown) => unknown;

/**
 * A form item as antd-mini's form components present themselves to `Form.addItem` (their `createForm`
 * mixin): props, `formData` (value, status, errors, required), and `emit` to report what the user did.
 * `formData.errors[0]` is what the item shows under the field.
 */
export class FakeFormItem {
  formData: { value?: unknown; status: string; errors: string[]; required?: boolean } = {
    value: undefined,
    status: 'default',
    errors: [],
  };
  private listener: Listener = () => undefined;

  constructor(readonly props: { name: string; label: string }) {}

  on(listener: Listener): void {
    this.listener = listener;
  }
  setFormData(values: Partial<FakeFormItem['formData']>): void {
    this.formData = { ...this.formData, ...values };
  }
  getFormData(): FakeFormItem['formData'] {
    return this.formData;
  }
  getProps(): { name: string; label: string } {
    return this.props;
  }
  /** The user changed the field (typed, picked, chose): what the component emits. */
  async change(value: unknown): Promise<void> {
    await this.listener('onChange', value);
  }
  get value(): unknown {
    return this.formData.value;
  }
  /** The error shown next to the field, or ''. */
  get error(): string {
    return this.formData.status === 'error' ? (this.formData.errors[0] ?? '') : '';
  }
}

/** Fields of a page as its template declares them: elements with `ref="handleRef"` and a static `name`. */
export function templateFields(route: string): Array<{ name: string; label: string }> {
  const axml = fs.readFileSync(path.join(PROJECT_ROOT, `${route}.axml`), 'utf8');
  const fields: Array<{ name: string; label: string }> = [];
  for (const match of axml.matchAll(/<[\w-]+\s([^>]*?)\/?>/g)) {
    const attributes = match[1];
    if (!/\bref="handleRef"/.test(attributes)) continue;
    const name = /\bname="([^"{}]+)"/.exec(attributes)?.[1];
    const label = /\blabel="([^"{}]+)"/.exec(attributes)?.[1] ?? '';
    if (name) fields.push({ name, label });
  }
  return fields;
}

/** Renders the form items the template declares (once the page shows its form), as the platform would. */
export function mountFields(page: PageHandle<unknown>): Record<string, FakeFormItem> {
  const items: Record<string, FakeFormItem> = {};
  for (const props of templateFields(page.route)) {
    items[props.name] = new FakeFormItem(props);
    page.call('handleRef', items[props.name]);
  }
  return items;
}

export type MockServer = { url: string };

let userSeq = 0;

/** A fresh runtime on the mock, signed in as a new seeker (or `user`), with `storage` from an earlier launch. */
export async function launch(
  server: MockServer,
  options: { user?: string; storage?: Record<string, unknown> } = {},
): Promise<{ rt: Runtime; user: string; token: string }> {
  jest.resetModules();
  const user = options.user ?? `resume-seeker-${process.pid}-${Date.now()}-${++userSeq}`;
  const rt = createRuntime({
    my: createFakeMy({ authUser: user, storage: options.storage }),
    globals: { __API_BASE_URL__: server.url },
  });
  rt.mountApp();
  await rt.flush();
  const tokens = rt.fake.storage.get('session.tokens') as { accessToken: string } | null;
  if (!tokens) throw new Error('the app did not sign in');
  return { rt, user, token: tokens.accessToken };
}

/** Everything the device keeps, to start the next launch with (the app was killed, storage stays). */
export function storageSnapshot(rt: Runtime): Record<string, unknown> {
  return Object.fromEntries(rt.fake.storage.keys().map((key) => [key, rt.fake.storage.get(key)]));
}

/** A call to the mock backend as the seeker (test setup and checks, not through the app). */
export async function api<T = Record<string, unknown>>(
  server: MockServer,
  token: string | null,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Opens an edit page, lets it load, then renders its fields. */
export async function openForm<D = Record<string, unknown>>(
  rt: Runtime,
  route: string,
  query: Record<string, string> = {},
): Promise<{ page: PageHandle<D>; fields: Record<string, FakeFormItem> }> {
  const page = rt.mountPage<D>(route, query);
  await rt.flush();
  const fields = mountFields(page as PageHandle<unknown>);
  await rt.flush();
  return { page, fields };
}

/** Requests that would change something (anything but GET), sign-in aside. */
export function writes(rt: Runtime): Array<{ method: string; url: string; body?: string; status?: number }> {
  return rt.fake.requests.filter(
    (request) => request.method !== 'GET' && !new URL(request.url).pathname.startsWith('/auth/'),
  );
}

/** The device draft of one form (`resume.basic`), as stored. */
export function storedDraft(rt: Runtime, form: string): { values: Record<string, unknown> } | null {
  return rt.fake.storage.get(`drafts.${form}`) as { values: Record<string, unknown> } | null;
}
