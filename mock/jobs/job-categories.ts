import { ALL_INDUSTRIES } from '../seed/job-catalog';

/** Every job category of the catalog (a template's title), in catalog order. */
export const JOB_CATEGORIES: readonly string[] = [
  ...new Set(ALL_INDUSTRIES.flatMap((industry) => industry.templates.map((template) => template.title))),
];
const CATEGORY_SET = new Set(JOB_CATEGORIES);

/**
 * The category of a job title: the catalog title it was made from, undoing the variants of
 * `titleFor` (兼职服务员, 装卸工（日结）, 前端开发实习生). A title of no known category is its own category.
 */
export function categoryOfTitle(title: string): string {
  if (CATEGORY_SET.has(title)) return title;
  const candidates: string[] = [];
  if (title.startsWith('兼职')) candidates.push(title.slice(2));
  if (title.endsWith('（日结）')) candidates.push(title.slice(0, -4));
  if (title.endsWith('实习生')) {
    const stem = title.slice(0, -3);
    candidates.push(`${stem}工程师`, stem);
  }
  return candidates.find((candidate) => CATEGORY_SET.has(candidate)) ?? title;
}
