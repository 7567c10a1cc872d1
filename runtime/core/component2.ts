/**
 * Component2 as Alipay documents it (/mini/framework/component-lifecycle, /mini/framework/mixins):
 * - creation: onInit, then deriveDataFromProps(props); didMount once the component is on the page
 * - a parent passing new props: deriveDataFromProps(nextProps), props change, then didUpdate(prevProps, prevData)
 * - the component's own setData is an update too: deriveDataFromProps(props), then didUpdate(props, prevData)
 * - didUnmount when removed. An error thrown by the component's code goes to my.onComponentError listeners
 *   and App.onError (/mini/api/oncomponenterror): Component2 has no onError hook of its own
 * - mixins (nested ones too) merge props, data and methods, the component's own last; every layer's
 *   lifecycle hooks run, mixins first
 * - `methods` entries that are not functions are copied onto the instance as they are
 */

export const COMPONENT_HOOKS = [
  'onInit',
  'deriveDataFromProps',
  'didMount',
  'didUpdate',
  'didUnmount',
  'onError',
] as const;
export type ComponentHook = (typeof COMPONENT_HOOKS)[number];
type AnyFunction = (...args: unknown[]) => unknown;
type Definition = Record<string, unknown>;

export interface ComponentDefinition {
  defaults: Record<string, unknown>;
  data: Record<string, unknown>;
  /** What `methods` puts on the instance (functions are bound to it). */
  methods: Record<string, unknown>;
  hooks: Record<ComponentHook, AnyFunction[]>;
}

function flattenMixins(mixins: unknown): Definition[] {
  if (!Array.isArray(mixins)) return [];
  const out: Definition[] = [];
  for (const mixin of mixins)
    if (mixin && typeof mixin === 'object') {
      out.push(...flattenMixins((mixin as Definition).mixins));
      out.push(mixin as Definition);
    }
  return out;
}

/** `data` of a definition (an object, or a function returning one) as a fresh JSON copy. */
export function initialData(def: Definition): Record<string, unknown> {
  const data = typeof def.data === 'function' ? (def.data as () => unknown).call(undefined) : def.data;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('data must be an object or return one');
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

export function readComponentDefinition(def: Definition): ComponentDefinition {
  const layers = [...flattenMixins(def.mixins), def];
  return {
    defaults: Object.assign({}, ...layers.map((layer) => (layer.props ?? {}) as object)) as Record<string, unknown>,
    data: Object.assign({}, ...layers.map((layer) => initialData(layer))) as Record<string, unknown>,
    methods: Object.assign({}, ...layers.map((layer) => (layer.methods ?? {}) as object)) as Record<string, unknown>,
    hooks: Object.fromEntries(
      COMPONENT_HOOKS.map((name) => [
        name,
        layers.map((layer) => layer[name]).filter((fn): fn is AnyFunction => typeof fn === 'function'),
      ]),
    ) as Record<ComponentHook, AnyFunction[]>,
  };
}

/** Puts `methods` on the instance: functions bound to it, anything else as it is. */
export function bindMethods(instance: Record<string, unknown>, methods: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(methods))
    instance[name] = typeof value === 'function' ? (value as AnyFunction).bind(instance) : value;
}

export interface Component2Host {
  /** Runs one hook (the simulator guards it and reports; the harness lets it throw). */
  run(hook: ComponentHook, fn: () => unknown): void;
  /** A hook list that is not empty is about to run (the harness's lifecycle log). */
  ran?(hook: ComponentHook): void;
}

export class Component2Lifecycle {
  phase: 'creating' | 'created' | 'mounted' | 'unmounted' = 'creating';
  /** Inside deriveDataFromProps / didUpdate: a setData there joins the running update. */
  private updating = false;

  constructor(
    private readonly definition: ComponentDefinition,
    private readonly instance: Record<string, unknown>,
    private readonly host: Component2Host,
  ) {}

  private hooks(name: ComponentHook, ...args: unknown[]): void {
    const list = this.definition.hooks[name];
    if (list.length === 0) return;
    this.host.ran?.(name);
    for (const fn of list) this.host.run(name, () => fn.apply(this.instance, args));
  }

  has(name: ComponentHook): boolean {
    return this.definition.hooks[name].length > 0;
  }

  create(): void {
    this.hooks('onInit');
    this.updating = true;
    try {
      this.hooks('deriveDataFromProps', this.instance.props);
    } finally {
      this.updating = false;
    }
    this.phase = 'created';
  }

  mount(): boolean {
    if (this.phase !== 'created') return false;
    this.phase = 'mounted';
    this.hooks('didMount');
    return true;
  }

  /** The parent rendered new props. */
  receiveProps(nextProps: Record<string, unknown>, data: Record<string, unknown>): void {
    if (this.phase === 'unmounted') return;
    const prevProps = this.instance.props;
    const prevData = { ...data };
    this.updating = true;
    try {
      this.hooks('deriveDataFromProps', nextProps);
      this.instance.props = nextProps;
      if (this.phase === 'mounted') this.hooks('didUpdate', prevProps, prevData);
    } finally {
      this.updating = false;
    }
  }

  /** After a transfer of the component's own setData (outside an update). */
  afterOwnSetData(prevData: Record<string, unknown>): void {
    if (this.phase !== 'mounted' || this.updating) return;
    this.updating = true;
    try {
      this.hooks('deriveDataFromProps', this.instance.props);
      this.hooks('didUpdate', this.instance.props, prevData);
    } finally {
      this.updating = false;
    }
  }

  unmount(): boolean {
    if (this.phase === 'unmounted') return false;
    const wasMounted = this.phase === 'mounted';
    this.phase = 'unmounted';
    if (wasMounted || this.has('didUnmount')) this.hooks('didUnmount');
    return true;
  }
}
