// Injected by the build wherever an npm bundle reads `globalThis` or `global`: Alipay's engine forbids
// both names, so libraries such as MobX get this object instead. It carries the built-ins they probe for.
export const __miniGlobal = { Symbol, Map, Set, WeakMap, Promise, Object, Array, Math, JSON, Date };
