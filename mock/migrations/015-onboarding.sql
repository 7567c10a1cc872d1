-- Offer, e-contract, real-name check, onboarding checklist, first-day check-in, 日结 shifts and payouts.

-- One offer per application; the HR's terms as sent. Amounts in whole fen.
CREATE TABLE offers (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id),
  terms TEXT NOT NULL,            -- the OfferInput as JSON, payYuan replaced by pay_fen
  pay_kind TEXT NOT NULL,
  pay_fen INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending', -- pending | accepted | declined (expired is read from expires_at)
  decline_reason TEXT,
  created_at INTEGER NOT NULL,
  responded_at INTEGER
);

-- alipay.user.certify.open.*: one row per initialize; the ID number is kept only as its SHA-256 and masked form.
CREATE TABLE certifications (
  certify_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  cert_name TEXT NOT NULL,
  cert_no_masked TEXT NOT NULL,
  cert_no_hash TEXT NOT NULL,
  passed INTEGER,                 -- null until the face check ran in the Alipay client
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);

-- An e-sign flow made from the accepted offer; a revoked flow is followed by a new one (the latest counts).
CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  flow_id TEXT NOT NULL UNIQUE,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  title TEXT NOT NULL,
  terms TEXT NOT NULL,            -- ContractTerm[] as JSON
  status TEXT NOT NULL DEFAULT 'signing',
  seeker_name TEXT NOT NULL,
  seeker_signature BLOB,
  seeker_certify_id TEXT,
  seeker_signed_at INTEGER,
  employer_name TEXT NOT NULL,
  employer_signer TEXT,
  employer_signed_at INTEGER,
  created_at INTEGER NOT NULL
);

CREATE INDEX contracts_application ON contracts (application_id, id DESC);

-- The hash chain of each contract's events: hash = sha256(prev_hash || canonical event).
CREATE TABLE contract_events (
  contract_id INTEGER NOT NULL REFERENCES contracts (id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (contract_id, seq)
);

-- The latest upload of each checklist item.
CREATE TABLE onboarding_documents (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  content BLOB NOT NULL,
  status TEXT NOT NULL DEFAULT 'uploaded', -- uploaded | accepted | rejected
  reject_reason TEXT,
  uploaded_at INTEGER NOT NULL,
  reviewed_at INTEGER,
  UNIQUE (application_id, kind)
);

CREATE TABLE check_ins (
  application_id INTEGER PRIMARY KEY REFERENCES applications (id),
  at INTEGER NOT NULL,
  distance_m INTEGER NOT NULL
);

-- 日结 shifts; out_biz_no is the payout's idempotency key, one per shift.
CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  day TEXT NOT NULL,
  clock_in_at INTEGER NOT NULL,
  clock_out_at INTEGER,
  worked_minutes INTEGER,
  approved_minutes INTEGER,
  status TEXT NOT NULL DEFAULT 'working',
  reject_reason TEXT,
  pay_fen INTEGER,
  out_biz_no TEXT NOT NULL UNIQUE,
  order_id TEXT,
  paid_at INTEGER
);
CREATE INDEX shifts_application ON shifts (application_id, id DESC);

-- The Alipay side of alipay.fund.trans.uni.transfer: one order per out_biz_no, whatever the retries.
CREATE TABLE fund_transfers (
  out_biz_no TEXT PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  amount_fen INTEGER NOT NULL,
  payee_user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
