-- Job discovery: the search index, coordinates, favorites and reports.

-- The job kind a seeker's expectations name (前端开发工程师, 厨师), without 兼职/日结/实习 variants.
ALTER TABLE jobs ADD COLUMN category TEXT NOT NULL DEFAULT '';
-- Full pinyin and initials of the title ("qianduankaifagongchengshi qdkfgcs"), to rank pinyin hits as title hits.
ALTER TABLE jobs ADD COLUMN title_pinyin TEXT NOT NULL DEFAULT '';
-- Monthly-equivalent pay in yuan (day × 21.75, hour × 8 × 21.75), what salary filters and the salary sort use.
ALTER TABLE jobs ADD COLUMN salary_min_month INTEGER GENERATED ALWAYS AS (
  CAST(round(CASE salary_unit WHEN 'day' THEN salary_min * 21.75 WHEN 'hour' THEN salary_min * 174 ELSE salary_min END) AS INTEGER)
) VIRTUAL;
ALTER TABLE jobs ADD COLUMN salary_max_month INTEGER GENERATED ALWAYS AS (
  CAST(round(CASE salary_unit WHEN 'day' THEN salary_max * 21.75 WHEN 'hour' THEN salary_max * 174 ELSE salary_max END) AS INTEGER)
) VIRTUAL;

-- What search filters, ranks and sorts on, one narrow row per job (jobs rows carry descriptions and are
-- ~1.5 KB: touching 20,000 of them costs ~40 ms, this table a fraction). Kept in step with jobs by triggers.
-- title, title_pinyin, company and tags tell which field a keyword was found in (title over company over tags).
CREATE TABLE job_facets (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_pinyin TEXT NOT NULL,
  company TEXT NOT NULL,
  tags TEXT NOT NULL,
  open INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  city_code TEXT NOT NULL,
  district TEXT NOT NULL,
  category TEXT NOT NULL,
  job_type TEXT NOT NULL,
  experience TEXT NOT NULL,
  education TEXT NOT NULL,
  direct INTEGER NOT NULL,
  salary_min_month INTEGER NOT NULL,
  salary_max_month INTEGER NOT NULL,
  industry TEXT NOT NULL,
  company_size TEXT NOT NULL,
  hr_id INTEGER NOT NULL,
  -- A copy of hrs.last_active_at (kept by a trigger): "HR inactive" is part of every ranking.
  hr_last_active_at INTEGER NOT NULL,
  lat REAL,
  lng REAL
);
CREATE INDEX job_facets_feed ON job_facets (published_at DESC, id DESC);
CREATE INDEX job_facets_city_feed ON job_facets (city_code, published_at DESC, id DESC);
CREATE INDEX job_facets_category_feed ON job_facets (category, published_at DESC, id DESC);
CREATE INDEX job_facets_salary ON job_facets (salary_max_month DESC, id DESC);
CREATE INDEX job_facets_city_salary ON job_facets (city_code, salary_max_month DESC, id DESC);
-- `nearest`: candidates come from a growing latitude band around the seeker (longitude is checked inside the
-- index), not from a full scan. Cheaper to keep up than an R*Tree at seed time, and as fast at this size.
CREATE INDEX job_facets_geo ON job_facets (lat, lng);
CREATE INDEX job_facets_hr ON job_facets (hr_id);

CREATE TRIGGER job_facets_insert AFTER INSERT ON jobs BEGIN
  INSERT INTO job_facets (id, title, title_pinyin, company, tags, open, published_at, city_code, district, category,
    job_type, experience, education, direct, salary_min_month, salary_max_month, industry, company_size, hr_id,
    hr_last_active_at, lat, lng)
  SELECT new.id, new.title, new.title_pinyin, co.name, new.tags, new.status = 'open', new.published_at,
    new.city_code, new.district, new.category, new.job_type, new.experience, new.education,
    new.hiring_mode = 'direct', new.salary_min_month, new.salary_max_month, co.industry, co.size, new.hr_id,
    h.last_active_at, new.lat, new.lng
  FROM companies co, hrs h WHERE co.id = new.company_id AND h.id = new.hr_id;
END;

CREATE TRIGGER job_facets_update AFTER UPDATE ON jobs BEGIN
  DELETE FROM job_facets WHERE id = old.id;
  INSERT INTO job_facets (id, title, title_pinyin, company, tags, open, published_at, city_code, district, category,
    job_type, experience, education, direct, salary_min_month, salary_max_month, industry, company_size, hr_id,
    hr_last_active_at, lat, lng)
  SELECT new.id, new.title, new.title_pinyin, co.name, new.tags, new.status = 'open', new.published_at,
    new.city_code, new.district, new.category, new.job_type, new.experience, new.education,
    new.hiring_mode = 'direct', new.salary_min_month, new.salary_max_month, co.industry, co.size, new.hr_id,
    h.last_active_at, new.lat, new.lng
  FROM companies co, hrs h WHERE co.id = new.company_id AND h.id = new.hr_id;
END;

CREATE TRIGGER job_facets_delete AFTER DELETE ON jobs BEGIN
  DELETE FROM job_facets WHERE id = old.id;
END;

CREATE TRIGGER job_facets_hr_activity AFTER UPDATE OF last_active_at ON hrs BEGIN
  UPDATE job_facets SET hr_last_active_at = new.last_active_at WHERE hr_id = new.id;
END;

-- Jobs seeded before this migration (category and coordinates are filled by mock/jobs/search-index.ts).
INSERT INTO job_facets (id, title, title_pinyin, company, tags, open, published_at, city_code, district, category,
  job_type, experience, education, direct, salary_min_month, salary_max_month, industry, company_size, hr_id,
  hr_last_active_at, lat, lng)
SELECT j.id, j.title, j.title_pinyin, co.name, j.tags, j.status = 'open', j.published_at, j.city_code, j.district, j.category, j.job_type, j.experience,
  j.education, j.hiring_mode = 'direct', j.salary_min_month, j.salary_max_month, co.industry, co.size, j.hr_id,
  h.last_active_at, j.lat, j.lng
FROM jobs j JOIN companies co ON co.id = j.company_id JOIN hrs h ON h.id = j.hr_id;

-- Contentless full-text index, rowid = job id. The text is tokenized in JS (mock/jobs/search-tokens.ts) into
-- space-separated tokens unicode61 keeps whole: CJK unigrams (title, company, tags) and bigrams (all columns),
-- lower-case ASCII words, and for the title the pinyin and initials starting at every syllable. A 1- or
-- 2-character Chinese keyword is then one token, a longer one the phrase of its bigrams (exact: positions are
-- kept), and pinyin or initials a prefix query.
CREATE VIRTUAL TABLE job_search USING fts5 (
  title, company, tags, body, pinyin,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Titles and company names with their job counts, for suggestions while typing.
CREATE TABLE job_suggestions (
  text TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('title', 'company')),
  -- Full pinyin without spaces, and initials: "qianduankaifagongchengshi", "qdkfgcs".
  pinyin TEXT NOT NULL,
  initials TEXT NOT NULL,
  job_count INTEGER NOT NULL,
  PRIMARY KEY (text, kind)
);
CREATE INDEX job_suggestions_count ON job_suggestions (job_count DESC);

CREATE TABLE favorites (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, job_id)
);
-- A user's favorites, newest first, keyset on id.
CREATE INDEX favorites_user ON favorites (user_id, id DESC);

CREATE TABLE job_reports (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  reason TEXT NOT NULL CHECK (reason IN ('fake', 'fee', 'discrimination', 'contact', 'other')),
  text TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX job_reports_job ON job_reports (job_id);
