-- 011_legal: legal aid (法律援助 · 案件查询, docs/api-legal.md): consultations with a random case number, the thread
-- between asker and lawyer, photos, and the case lookup's failures per address. Every instant is UTC seconds since
-- the epoch. The contact phone is sealed (crypto/member_key.h) and matched by a keyed hash, never stored in clear.

-- A consultation. Each status change is a conditional update (assign: WHERE lawyer_user_id IS NULL; the first
-- answer: WHERE first_answered_at IS NULL; close: WHERE status <> 'closed') so that it happens once.
CREATE TABLE legal_consultations (
  id                INTEGER PRIMARY KEY,
  case_number       TEXT    NOT NULL UNIQUE,
  asker_id          INTEGER NOT NULL REFERENCES users (id),
  category          TEXT    NOT NULL CHECK (category IN ('wages_owed', 'contract', 'work_injury', 'social_insurance',
                                                         'dismissal', 'new_employment')),
  question          TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
  phone_sealed      BLOB    NOT NULL,
  phone_hash        BLOB    NOT NULL,
  phone_masked      TEXT    NOT NULL,
  status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'answered', 'closed')),
  lawyer_user_id    INTEGER REFERENCES users (id),
  assigned_by       INTEGER REFERENCES users (id),
  asked_at          INTEGER NOT NULL,
  assigned_at       INTEGER,
  first_answered_at INTEGER,
  closed_at         INTEGER,
  closed_by         INTEGER REFERENCES users (id),
  updated_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX legal_consultations_by_asker ON legal_consultations (asker_id, id);
CREATE INDEX legal_consultations_by_lawyer ON legal_consultations (lawyer_user_id, status, asked_at);
CREATE INDEX legal_consultations_by_status ON legal_consultations (status, asked_at);

-- The thread: what the asker and the lawyer wrote, in order.
CREATE TABLE legal_messages (
  id              INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES legal_consultations (id),
  author_id       INTEGER NOT NULL REFERENCES users (id),
  from_lawyer     INTEGER NOT NULL CHECK (from_lawyer IN (0, 1)),
  text            TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX legal_messages_by_consultation ON legal_messages (consultation_id, id);

-- A photo of a consultation, its metadata stripped; seq (1..3) is the unique key that bounds how many.
CREATE TABLE legal_photos (
  id              INTEGER PRIMARY KEY,
  consultation_id INTEGER NOT NULL REFERENCES legal_consultations (id),
  seq             INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3),
  kind            TEXT    NOT NULL CHECK (kind IN ('jpeg', 'png')),
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  size            INTEGER NOT NULL,
  bytes           BLOB    NOT NULL,
  created_at      INTEGER NOT NULL,
  UNIQUE (consultation_id, seq)
) STRICT;

-- A failed case lookup from an address: ten within 15 minutes and the address is refused (429).
CREATE TABLE legal_lookup_failures (
  id      INTEGER PRIMARY KEY,
  address TEXT    NOT NULL,
  at      INTEGER NOT NULL
) STRICT;
CREATE INDEX legal_lookup_failures_by_address ON legal_lookup_failures (address, at);
