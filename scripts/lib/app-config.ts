import { isObject, readJson, usingComponentsOf } from './dist-files';

export interface SubPackage {
  /** Normalized root folder, no leading or trailing slash. */
  root: string;
  /** Full page paths (root + '/' + page). */
  pages: string[];
}

export interface AppConfig {
  /** Pages of the main package, as listed in `pages`. */
  mainPages: string[];
  subPackages: SubPackage[];
  /** Main and subpackage pages, full paths. */
  allPages: string[];
  /** `entryPagePath`, or the first of `pages` (Alipay's launch page rule). */
  launchPage?: string;
  tabBarPages: string[];
  /** Icon files named by tabBar items, dist-relative. */
  tabBarIcons: string[];
  usingComponents: Record<string, string>;
  preloadRule: Record<string, unknown>;
}

/** Page paths may be written with a leading slash or a file ending; the runtime ignores both. */
export const normalizePagePath = (page: string): string =>
  page
    .trim()
    .replace(/^\/+/, '')
    .replace(/\.(js|axml)$/, '');

const normalizeRoot = (root: string): string => root.trim().replace(/^\/+|\/+$/g, '');

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Reads dist/app.json. Errors name app.json and say what is malformed. */
export function readAppConfig(distDir: string): { config?: AppConfig; errors: string[] } {
  const { value, error } = readJson(distDir, 'app.json');
  if (error) return { errors: [error] };
  if (!isObject(value)) return { errors: ['app.json: must be a JSON object'] };
  const errors: string[] = [];

  if (!Array.isArray(value.pages) || value.pages.length === 0)
    errors.push('app.json: "pages" must list at least one page');
  const mainPages = strings(value.pages).map(normalizePagePath);

  // Alipay documents `subPackages`; `subpackages` is accepted too, as WeChat spells it.
  const rawSubPackages = value.subPackages ?? value.subpackages ?? [];
  const subPackages: SubPackage[] = [];
  if (!Array.isArray(rawSubPackages)) errors.push('app.json: "subPackages" must be an array');
  else {
    rawSubPackages.forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.root !== 'string' || normalizeRoot(entry.root) === '') {
        errors.push(`app.json: subPackages[${i}] needs a non-empty "root"`);
        return;
      }
      const root = normalizeRoot(entry.root);
      subPackages.push({ root, pages: strings(entry.pages).map((p) => `${root}/${normalizePagePath(p)}`) });
    });
  }

  const tabBar = isObject(value.tabBar) ? value.tabBar : undefined;
  // Alipay names the tabs `items` with `icon`/`activeIcon`; WeChat's `list`/`iconPath`/`selectedIconPath` also read.
  const tabItems = tabBar ? [tabBar.items, tabBar.list].flatMap((list) => (Array.isArray(list) ? list : [])) : [];
  const tabBarPages: string[] = [];
  const tabBarIcons: string[] = [];
  for (const item of tabItems) {
    if (!isObject(item)) continue;
    if (typeof item.pagePath === 'string') tabBarPages.push(normalizePagePath(item.pagePath));
    for (const key of ['icon', 'activeIcon', 'iconPath', 'selectedIconPath']) {
      const icon = item[key];
      if (typeof icon === 'string' && icon && !/^https?:/.test(icon)) tabBarIcons.push(icon.replace(/^\/+/, ''));
    }
  }

  const entry = typeof value.entryPagePath === 'string' ? normalizePagePath(value.entryPagePath) : undefined;
  return {
    errors,
    config: {
      mainPages,
      subPackages,
      allPages: [...mainPages, ...subPackages.flatMap((s) => s.pages)],
      launchPage: entry ?? mainPages[0],
      tabBarPages,
      tabBarIcons,
      usingComponents: usingComponentsOf(value),
      preloadRule: isObject(value.preloadRule) ? value.preloadRule : {},
    },
  };
}

/** The subpackage root a dist-relative path belongs to, or undefined for the main package. */
export function packageRootOf(rel: string, roots: string[]): string | undefined {
  // The longest root wins so a (misconfigured) nested root is still attributed somewhere sensible.
  return roots.filter((root) => rel === root || rel.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * Alipay: a subpackage may use files of the main package and its own, never another subpackage's;
 * the main package may not use a subpackage's files (it can be loaded before that subpackage).
 */
export function crossPackageProblem(fromRel: string, toRel: string, roots: string[]): string | undefined {
  const from = packageRootOf(fromRel, roots);
  const to = packageRootOf(toRel, roots);
  if (to === undefined || to === from) return undefined;
  return from === undefined
    ? `the main package cannot use ${toRel} from subpackage "${to}"`
    : `subpackage "${from}" cannot use ${toRel} from subpackage "${to}"`;
}
