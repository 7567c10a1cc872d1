-- One online resume per seeker, created empty on first read. Sections that are null were never filled.
CREATE TABLE resumes (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  name TEXT,
  gender TEXT,
  birth_year INTEGER,
  email TEXT,
  city_code TEXT,
  work_status TEXT,
  phone TEXT,
  -- 1 when the number came from Alipay (getPhoneNumber), 0 when typed.
  phone_verified INTEGER NOT NULL DEFAULT 0,
  -- JSON of ResumeExpectationsInput, null until filled.
  expectations TEXT,
  skills TEXT NOT NULL DEFAULT '[]',
  self_intro TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE resume_work_experiences (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  company TEXT NOT NULL,
  title TEXT NOT NULL,
  start_month TEXT NOT NULL,
  -- null = 至今
  end_month TEXT,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX resume_work_experiences_user ON resume_work_experiences (user_id);

CREATE TABLE resume_educations (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  school TEXT NOT NULL,
  degree TEXT NOT NULL,
  major TEXT NOT NULL DEFAULT '',
  start_month TEXT NOT NULL,
  -- null = 在读
  end_month TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX resume_educations_user ON resume_educations (user_id);

-- Uploaded attachment resumes. The bytes live in files next to the database; a deleted attachment keeps its
-- row (applications that carried it still name it) but loses its file.
CREATE TABLE resume_attachments (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  file_name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  mime_type TEXT NOT NULL,
  storage_name TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX resume_attachments_user ON resume_attachments (user_id, id);

-- One row per seeker and kind once submitted; no row = none.
CREATE TABLE trust_checks (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('realName', 'workId', 'student')),
  state TEXT NOT NULL CHECK (state IN ('pending', 'verified', 'failed')),
  reason TEXT,
  -- JSON of what was submitted (the ID number only masked, plus its hash to spot reuse).
  detail TEXT NOT NULL DEFAULT '{}',
  submitted_at INTEGER NOT NULL,
  -- Simulated time at which a pending check is decided.
  resolve_at INTEGER NOT NULL,
  verified_at INTEGER,
  PRIMARY KEY (user_id, kind)
);
CREATE INDEX trust_checks_pending ON trust_checks (resolve_at) WHERE state = 'pending';

-- Companies a seeker hid their resume from.
CREATE TABLE privacy_hidden_companies (
  user_id TEXT NOT NULL REFERENCES users (id),
  company_id INTEGER NOT NULL REFERENCES companies (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (user_id, company_id)
);

-- Which resume an application carries, and whether the seeker shared their phone with the employer.
ALTER TABLE applications ADD COLUMN resume_kind TEXT NOT NULL DEFAULT 'online';
ALTER TABLE applications ADD COLUMN attachment_id INTEGER REFERENCES resume_attachments (id);
ALTER TABLE applications ADD COLUMN phone_shared_at INTEGER;

-- One-time subscription consents from my.requestSubscribeMessage; each allows one message.
CREATE TABLE subscription_consents (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  template_id TEXT NOT NULL,
  -- null: usable for any of the seeker's applications.
  application_id INTEGER REFERENCES applications (id),
  granted_at INTEGER NOT NULL,
  consumed_at INTEGER
);
CREATE INDEX subscription_consents_unused ON subscription_consents (user_id, id) WHERE consumed_at IS NULL;

-- Messages the backend would have sent with alipay.open.app.mini.templatemessage.send.
CREATE TABLE notifications_outbox (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  consent_id INTEGER NOT NULL REFERENCES subscription_consents (id),
  template_id TEXT NOT NULL,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  status TEXT NOT NULL,
  data TEXT NOT NULL,
  page TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notifications_outbox_user ON notifications_outbox (user_id, id);
