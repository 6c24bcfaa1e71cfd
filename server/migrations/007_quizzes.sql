-- 007_quizzes: prize quizzes (有奖答题, docs/api-quizzes.md): the question bank, quizzes with their secret draw seed,
-- attempts, the draw and its prizes; notifications gain quiz prizes. Every instant is UTC seconds since the epoch.

-- The bank of a union. options and correct are JSON arrays (texts; option indexes). A question an attempt showed is
-- never updated: an edit retires it and inserts the new version.
CREATE TABLE quiz_questions (
  id          INTEGER PRIMARY KEY,
  union_id    INTEGER NOT NULL REFERENCES unions (id),
  law         TEXT    NOT NULL CHECK (length(law) BETWEEN 1 AND 60),
  article     TEXT    NOT NULL DEFAULT '',
  topic       TEXT    NOT NULL DEFAULT '',
  kind        TEXT    NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false')),
  text        TEXT    NOT NULL CHECK (length(text) >= 1),
  options     TEXT    NOT NULL,
  correct     TEXT    NOT NULL,
  explanation TEXT    NOT NULL DEFAULT '',
  shown       INTEGER NOT NULL DEFAULT 0 CHECK (shown IN (0, 1)),
  retired_at  INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX quiz_questions_by_bank ON quiz_questions (union_id, law, topic) WHERE retired_at IS NULL;

-- A quiz. draw_seed stays secret until the draw; draw_commitment (its SHA-256) is published from the start.
-- laws and topics are JSON arrays of the bank's laws and topics it draws from (empty: any).
CREATE TABLE quizzes (
  id               INTEGER PRIMARY KEY,
  union_id         INTEGER NOT NULL REFERENCES unions (id),
  title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description      TEXT    NOT NULL DEFAULT '',
  prize            TEXT    NOT NULL DEFAULT '',
  starts_at        INTEGER NOT NULL,
  ends_at          INTEGER NOT NULL,
  question_count   INTEGER NOT NULL CHECK (question_count BETWEEN 1 AND 100),
  time_limit_s     INTEGER NOT NULL CHECK (time_limit_s BETWEEN 30 AND 7200),
  attempts_per_day INTEGER NOT NULL CHECK (attempts_per_day BETWEEN 1 AND 20),
  pass_score       INTEGER NOT NULL CHECK (pass_score BETWEEN 0 AND 100),
  prize_count      INTEGER NOT NULL DEFAULT 0 CHECK (prize_count BETWEEN 0 AND 1000),
  laws             TEXT    NOT NULL DEFAULT '[]',
  topics           TEXT    NOT NULL DEFAULT '[]',
  draw_seed        TEXT    NOT NULL,
  draw_commitment  TEXT    NOT NULL,
  created_by       INTEGER NOT NULL REFERENCES users (id),
  created_at       INTEGER NOT NULL,
  CHECK (starts_at < ends_at)
) STRICT;

-- One attempt. day is the Asia/Shanghai day it started on (days since 1970-01-01) and day_seq its number within the
-- day: the unique key is what holds attempts_per_day under concurrency. questions is JSON
-- [{"id":QUESTION,"order":[bank option index per shown position]}]; answers JSON [[shown indexes] per question].
-- submitted_at is set once (UPDATE ... WHERE submitted_at IS NULL).
CREATE TABLE quiz_attempts (
  id             INTEGER PRIMARY KEY,
  quiz_id        INTEGER NOT NULL REFERENCES quizzes (id),
  user_id        INTEGER NOT NULL REFERENCES users (id),
  day            INTEGER NOT NULL,
  day_seq        INTEGER NOT NULL CHECK (day_seq >= 1),
  started_at     INTEGER NOT NULL,
  deadline       INTEGER NOT NULL,
  questions      TEXT    NOT NULL,
  answers        TEXT    NOT NULL DEFAULT '[]',
  submitted_at   INTEGER,
  auto_submitted INTEGER NOT NULL DEFAULT 0 CHECK (auto_submitted IN (0, 1)),
  correct        INTEGER NOT NULL DEFAULT 0,
  score          INTEGER NOT NULL DEFAULT 0,
  UNIQUE (quiz_id, user_id, day, day_seq)
) STRICT;
CREATE INDEX quiz_attempts_running ON quiz_attempts (deadline) WHERE submitted_at IS NULL;
CREATE INDEX quiz_attempts_board ON quiz_attempts (quiz_id, user_id, score) WHERE submitted_at IS NOT NULL;
CREATE INDEX quiz_attempts_by_user ON quiz_attempts (user_id, quiz_id, id);

-- The draw of a quiz, once (the primary key). entrants is the JSON array of sorted pseudonymous ids, winners JSON
-- [{"entrant","display_name"}].
CREATE TABLE quiz_draws (
  quiz_id       INTEGER PRIMARY KEY REFERENCES quizzes (id),
  drawn_at      INTEGER NOT NULL,
  drawn_by      INTEGER NOT NULL REFERENCES users (id),
  winners_asked INTEGER NOT NULL,
  entrants      TEXT    NOT NULL,
  entrants_hash TEXT    NOT NULL,
  winners       TEXT    NOT NULL
) STRICT;

-- What a draw gave: one prize per winner with a random redemption code, handed out once.
CREATE TABLE quiz_prizes (
  quiz_id       INTEGER NOT NULL REFERENCES quizzes (id),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  rank          INTEGER NOT NULL,
  code          TEXT    NOT NULL UNIQUE,
  handed_out_at INTEGER,
  handed_out_by INTEGER REFERENCES users (id),
  PRIMARY KEY (quiz_id, user_id)
) STRICT;
CREATE INDEX quiz_prizes_by_user ON quiz_prizes (user_id);

-- Notifications also tell winners of their prize: rebuilt with the new kind and reference.
CREATE TABLE notifications_new (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  kind               TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'cancelled_by_staff', 'approved',
                                                      'denied', 'lecture_update', 'membership_update', 'quiz_prize')),
  booking_id         INTEGER REFERENCES bookings (id),
  lecture_request_id INTEGER REFERENCES lecture_requests (id),
  application_id     INTEGER REFERENCES membership_applications (id),
  quiz_id            INTEGER REFERENCES quizzes (id),
  message            TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  read               INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  CHECK ((booking_id IS NOT NULL) + (lecture_request_id IS NOT NULL) + (application_id IS NOT NULL) +
         (quiz_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO notifications_new (id, user_id, kind, booking_id, lecture_request_id, application_id, message, created_at,
                               read)
  SELECT id, user_id, kind, booking_id, lecture_request_id, application_id, message, created_at, read
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications (user_id, id);
