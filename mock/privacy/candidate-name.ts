/**
 * The one rule for what a company sees of a seeker who hid their resume from it (隐私设置 → 屏蔽公司), as SQL
 * so lists name their candidates in one query.
 */

/** SQL: true when the seeker `userId` hid their resume from the company `companyId` (column names or `?`). */
export function hiddenFromCompanySql(userId: string, companyId: string): string {
  return `EXISTS (SELECT 1 FROM privacy_hidden_companies p WHERE p.user_id = ${userId} AND p.company_id = ${companyId})`;
}

/**
 * SQL: how the company names the candidate: the resume's name, or the Alipay nickname only when the resume is
 * hidden from the company (or has no name).
 */
export function candidateNameSql(columns: {
  userId: string;
  companyId: string;
  nickname: string;
  resumeName: string;
}): string {
  return `CASE WHEN ${hiddenFromCompanySql(columns.userId, columns.companyId)} THEN ${columns.nickname}
    ELSE coalesce(${columns.resumeName}, ${columns.nickname}) END`;
}
