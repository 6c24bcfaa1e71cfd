-- 012_relief: complaints (职工维权) and hardship aid (困难帮扶), docs/api-complaints.md and docs/api-hardship.md.
-- Both are keyed to the outside world by a random case number (60 random bits, never a counter); the texts a worker
-- writes about their dispute or their household are sealed with the member key (never in clear in the database).
-- Every step is a conditional UPDATE on the one state before it. Instants are UTC seconds since the epoch.

-- A complaint handled by union_id (the county federation or the worker's grassroots union).
CREATE TABLE complaints (
  id            INTEGER PRIMARY KEY,
  case_no       TEXT    NOT NULL UNIQUE,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  union_id      INTEGER NOT NULL REFERENCES unions (id),
  handler       TEXT    NOT NULL CHECK (handler IN ('county', 'own')),
  category      TEXT    NOT NULL,
  employer      TEXT    NOT NULL DEFAULT '',
  text_sealed   BLOB    NOT NULL,
  anonymous     INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),
  name          TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'replied', 'closed')),
  reply_sealed  BLOB,
  replied_by    INTEGER REFERENCES users (id),
  rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_comment TEXT   NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  replied_at    INTEGER,
  closed_at     INTEGER
) STRICT;
CREATE INDEX complaints_by_user ON complaints (user_id, id);
CREATE INDEX complaints_by_union ON complaints (union_id, status, id);

-- A hardship application of a member of union_id (their grassroots union, which checks it; its parent approves).
-- open_user is user_id while the application is open and NULL after: its unique key holds one open application
-- per person under concurrency.
CREATE TABLE hardship_applications (
  id              INTEGER PRIMARY KEY,
  case_no         TEXT    NOT NULL UNIQUE,
  user_id         INTEGER NOT NULL REFERENCES users (id),
  open_user       INTEGER UNIQUE,
  union_id        INTEGER NOT NULL REFERENCES unions (id),
  name            TEXT    NOT NULL,
  category        TEXT    NOT NULL,
  household_size  INTEGER NOT NULL CHECK (household_size BETWEEN 1 AND 20),
  monthly_income  INTEGER NOT NULL CHECK (monthly_income >= 0),
  amount_asked    INTEGER NOT NULL CHECK (amount_asked > 0),
  facts_sealed    BLOB    NOT NULL,
  consent_at      INTEGER NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'submitted'
                  CHECK (status IN ('submitted', 'checked', 'approved', 'aided', 'returned', 'rejected')),
  created_at      INTEGER NOT NULL,
  checked_at      INTEGER,
  check_note      TEXT    NOT NULL DEFAULT '',
  checked_by      INTEGER REFERENCES users (id),
  approved_at     INTEGER,
  approval_note   TEXT    NOT NULL DEFAULT '',
  approved_by     INTEGER REFERENCES users (id),
  amount_granted  INTEGER,
  aided_at        INTEGER,
  aid_amount      INTEGER,
  aid_date        TEXT    NOT NULL DEFAULT '',
  aid_kind        TEXT    NOT NULL DEFAULT '',
  aided_by        INTEGER REFERENCES users (id),
  rechecked_at    INTEGER,
  decided_at      INTEGER
) STRICT;
CREATE INDEX hardship_by_user ON hardship_applications (user_id, id);
CREATE INDEX hardship_by_union ON hardship_applications (union_id, status, id);
