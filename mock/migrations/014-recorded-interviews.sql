-- The recorded (one-way) video interview. A job's question set is edited by its HRs; sending it to an
-- applicant copies the questions, so later edits never change an interview already sent.
CREATE TABLE recorded_question_sets (
  job_id INTEGER PRIMARY KEY REFERENCES jobs (id),
  -- JSON array of { text, thinkingSeconds, answerSeconds }.
  questions TEXT NOT NULL,
  retakes INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- At most one per application.
CREATE TABLE recorded_interviews (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  retakes INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  completed_at INTEGER,
  -- Set when the autopilot rated the answers and decided (HRs on autopilot).
  reviewed_at INTEGER
);
CREATE INDEX recorded_interviews_user ON recorded_interviews (user_id, id DESC);

CREATE TABLE recorded_questions (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES recorded_interviews (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  thinking_seconds INTEGER NOT NULL,
  answer_seconds INTEGER NOT NULL,
  -- Takes started; an interrupted take (the app went to the background) is given back.
  takes_used INTEGER NOT NULL DEFAULT 0,
  -- Real time (ms) the latest take started: only a take still within its answer time can be given back.
  take_started_at INTEGER,
  -- The answer, once its upload finished: the file lives under <data folder>/recorded-answers.
  storage_name TEXT,
  mime_type TEXT,
  size_bytes INTEGER,
  duration_ms INTEGER,
  uploaded_at INTEGER,
  rating INTEGER,
  UNIQUE (interview_id, position)
);
