-- Interviews: invitations with time slots, the seeker's answers, the agreed time, and the seeker's feedback.

CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  kind TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  interviewer TEXT NOT NULL,
  length_minutes INTEGER NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  -- JSON arrays of start times (ms): what the HR offered, what the seeker proposed.
  slots TEXT NOT NULL,
  proposed_slots TEXT NOT NULL DEFAULT '[]',
  scheduled_at INTEGER,
  reschedule_count INTEGER NOT NULL DEFAULT 0,
  decline_reason TEXT,
  cancel_reason TEXT,
  feedback_took_place INTEGER,
  feedback_interviewer_came INTEGER,
  feedback_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX interviews_application ON interviews (application_id, id DESC);
CREATE INDEX interviews_scheduled ON interviews (scheduled_at) WHERE status = 'scheduled';

-- One row per reminder due (24 h and 1 h before the agreed time); sent or skipped for want of a consent.
CREATE TABLE interview_reminders (
  interview_id INTEGER NOT NULL REFERENCES interviews (id),
  scheduled_at INTEGER NOT NULL,
  offset_ms INTEGER NOT NULL,
  handled_at INTEGER NOT NULL,
  sent INTEGER NOT NULL,
  PRIMARY KEY (interview_id, scheduled_at, offset_ms)
);

-- The seekers' answers to "did the interviewer come?", counted per HR: its no-show rate.
ALTER TABLE hrs ADD COLUMN interviews_reviewed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hrs ADD COLUMN interviews_no_show INTEGER NOT NULL DEFAULT 0;
