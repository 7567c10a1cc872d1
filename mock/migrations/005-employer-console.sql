-- The employer console: HR sessions, an HR driven by a person, and how well each application fits its job.

-- One row per console sign-in; only the token's hash is kept.
CREATE TABLE hr_sessions (
  id INTEGER PRIMARY KEY,
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

-- 1 while the mock's autopilot answers this HR's applications; a person signing in to the console sets 0.
ALTER TABLE hrs ADD COLUMN autopilot INTEGER NOT NULL DEFAULT 1;

-- 0..100, worked out from the resume and the job when the seeker applied (null until then: older rows are
-- filled on start), and what fitted, as a JSON array of Chinese phrases.
ALTER TABLE applications ADD COLUMN match_score INTEGER;
ALTER TABLE applications ADD COLUMN match_reasons TEXT NOT NULL DEFAULT '[]';

CREATE INDEX jobs_company ON jobs (company_id);
CREATE INDEX applications_job ON applications (job_id, id DESC);
