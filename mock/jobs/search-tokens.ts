import { pinyin } from 'pinyin-pro';

/**
 * The tokenization behind the job search index, used both when a job is indexed and when a keyword is
 * searched, so the two always agree. SQLite's own tokenizers do not fit Chinese job titles: unicode61 keeps a
 * whole run of Chinese as one token, trigram cannot find 1- or 2-character words (厨, 司机). So the text is cut
 * here into space-separated tokens that unicode61 (the table's tokenizer) keeps whole:
 * - Chinese: bigrams everywhere, plus single characters in title, company and tags (a two-character title
 *   such as 厨师 too, so 厨 finds it);
 * - other letters and digits: lower-case words (java, c1, vue);
 * - title pinyin: the full pinyin and the initials starting at every syllable
 *   (qianduankaifa…, duankaifa…, kaifa…; qdkf…, dkf…), so a prefix query finds qianduan, kaifa or qd.
 */

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface TextRun {
  kind: 'han' | 'word';
  text: string;
}

/** Full-width letters and digits to ASCII, lower case: what a seeker types matches what a job says. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Classifies one code point; the common ranges are tested by number, the regexes only for the rest. */
function kindOf(code: number, char: string): 'han' | 'word' | null {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
      ? 'word'
      : null;
  }
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if (code >= 0x3000 && code <= 0x303f) return null; // CJK punctuation: 。，（）【】
  if (code >= 0xff00 && code <= 0xffef) return null; // full-width forms left after NFKC: punctuation
  return HAN.test(char) ? 'han' : WORD_CHAR.test(char) ? 'word' : null;
}

/** Runs of Chinese characters and runs of other letters/digits; everything else separates. */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let current = null as TextRun | null;
  for (const char of normalizeSearchText(text)) {
    const kind = kindOf(char.codePointAt(0) ?? 0, char);
    if (kind && current?.kind === kind) {
      current.text += char;
    } else {
      current = kind ? { kind, text: char } : null;
      if (current) runs.push(current);
    }
  }
  return runs;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Bigrams of a run of Chinese characters, by code point; a single character is its own token. */
export function bigrams(han: string): string[] {
  const chars = SURROGATE.test(han) ? Array.from(han) : null;
  const length = chars ? chars.length : han.length;
  if (length === 1) return [han];
  const grams: string[] = [];
  for (let i = 0; i + 1 < length; i++) grams.push(chars ? chars[i] + chars[i + 1] : han.substring(i, i + 2));
  return grams;
}

/** Tokens of a text for one index column, space-separated. */
export function indexTokens(text: string, withUnigrams: boolean): string {
  const tokens: string[] = [];
  for (const run of textRuns(text)) {
    if (run.kind === 'word') {
      tokens.push(run.text);
      continue;
    }
    const chars = Array.from(run.text);
    if (withUnigrams && chars.length > 1) tokens.push(...chars);
    tokens.push(...bigrams(run.text));
  }
  return tokens.join(' ');
}

/** Titles, company names and tag sets repeat across jobs: their tokens are computed once. */
export function createTokenMemo(withUnigrams: boolean, limit = 20000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let tokens = memo.get(text);
    if (tokens === undefined) {
      if (memo.size >= limit) memo.clear();
      tokens = indexTokens(text, withUnigrams);
      memo.set(text, tokens);
    }
    return tokens;
  };
}

export interface TitlePinyin {
  /** Syllables of the Chinese characters of the title, toneless, ü typed as v. */
  syllables: string[];
  /** "qianduankaifagongchengshi" */
  full: string;
  /** "qdkfgcs" */
  initials: string;
}

const pinyinMemo = new Map<string, TitlePinyin>();

/** Pinyin of the Chinese characters in `text` (other characters dropped), memoized: titles repeat a lot. */
export function pinyinOf(text: string): TitlePinyin {
  const cached = pinyinMemo.get(text);
  if (cached) return cached;
  const han = Array.from(text)
    .filter((char) => HAN.test(char))
    .join('');
  const syllables = han
    ? pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    : [];
  const result = {
    syllables,
    full: syllables.join(''),
    initials: syllables.map((s) => s.charAt(0)).join(''),
  };
  if (pinyinMemo.size > 50000) pinyinMemo.clear();
  pinyinMemo.set(text, result);
  return result;
}

const pinyinTokenMemo = new Map<string, string>();

/** The pinyin column: full pinyin and initials from every syllable on. */
export function pinyinTokens(title: string): string {
  const cached = pinyinTokenMemo.get(title);
  if (cached !== undefined) return cached;
  const { syllables } = pinyinOf(title);
  const tokens: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    tokens.push(syllables.slice(i).join(''));
    tokens.push(
      syllables
        .slice(i)
        .map((s) => s.charAt(0))
        .join(''),
    );
  }
  const joined = [...new Set(tokens)].join(' ');
  if (pinyinTokenMemo.size > 50000) pinyinTokenMemo.clear();
  pinyinTokenMemo.set(title, joined);
  return joined;
}

/** What jobs.title_pinyin stores: "qianduankaifagongchengshi qdkfgcs". */
export function titlePinyinColumn(title: string): string {
  const { full, initials } = pinyinOf(title);
  return full ? `${full} ${initials}` : '';
}

/** One search term: a run of Chinese characters or a word (which may be English, pinyin or initials). */
export type SearchTerm = TextRun;

/** More terms than this are dropped: 50 characters rarely make more, and each costs a join. */
export const MAX_SEARCH_TERMS = 8;

/** The keyword as terms, duplicates removed. Punctuation, emoji and FTS or SQL syntax are separators. */
export function searchTerms(keyword: string): SearchTerm[] {
  const seen = new Set<string>();
  const terms: SearchTerm[] = [];
  for (const run of textRuns(keyword)) {
    const key = `${run.kind}:${run.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(run);
  }
  return terms.slice(0, MAX_SEARCH_TERMS);
}

export type SearchColumn = 'title' | 'company' | 'tags' | 'body' | 'pinyin';
export const ALL_COLUMNS: readonly SearchColumn[] = ['title', 'company', 'tags', 'body', 'pinyin'];
/** Single characters are indexed here only: in prose a character such as 工 is everywhere and means nothing. */
const UNIGRAM_COLUMNS: readonly SearchColumn[] = ['title', 'company', 'tags'];

/**
 * The FTS5 query for terms, all required, each within `columns`. Every token is double-quoted and consists
 * only of letters and digits, so nothing the seeker types can become FTS syntax.
 * - 1 Chinese character: its unigram (title, company and tags only);
 * - 2: its bigram; 3 or more: the phrase of its bigrams, which are adjacent in the index only where the
 *   characters are (前端开发 → "前端 端开 开发");
 * - a word: a prefix query, so qian, qiand and qianduan all find 前端, and jav finds Java.
 * Null when a term cannot match within `columns` at all.
 */
export function ftsQuery(terms: readonly SearchTerm[], columns: readonly SearchColumn[] = ALL_COLUMNS): string | null {
  const parts: string[] = [];
  for (const term of terms) {
    const grams = bigrams(term.text);
    const single = term.kind === 'han' && Array.from(term.text).length === 1;
    const where = single ? columns.filter((c) => UNIGRAM_COLUMNS.includes(c)) : columns;
    if (!where.length) return null;
    const match =
      term.kind === 'word' ? `"${term.text}" *` : grams.length === 1 ? `"${grams[0]}"` : `"${grams.join(' ')}"`;
    parts.push(where.length === ALL_COLUMNS.length ? match : `{${where.join(' ')}} : ${match}`);
  }
  return parts.join(' AND ');
}
