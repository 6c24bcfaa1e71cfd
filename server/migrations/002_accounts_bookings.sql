-- 002_accounts_bookings: accounts, sessions, login failures; weekly templates, day exceptions, slots;
-- bookings, notifications; idempotency records; server secrets (docs/api-bookings.md).
-- Every instant is UTC seconds since the epoch; every day is an Asia/Shanghai date 'YYYY-MM-DD'.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(username) BETWEEN 3 AND 32),
  display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
  role          TEXT    NOT NULL DEFAULT 'worker' CHECK (role IN ('worker', 'admin')),
  password_hash TEXT    NOT NULL CHECK (length(password_hash) > 0),
  created_at    INTEGER NOT NULL
) STRICT;

-- Only a hash of each bearer token is kept.
CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Wrong passwords, counted per username and per client address for rate limiting.
CREATE TABLE login_failures (
  id       INTEGER PRIMARY KEY,
  username TEXT    NOT NULL COLLATE NOCASE,
  address  TEXT    NOT NULL,
  at       INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_by_username ON login_failures (username, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);
CREATE INDEX login_failures_by_time ON login_failures (at);

-- The weekly opening template of a bookable site. weekdays: bit d set = open on ISO weekday d (Monday = 1).
CREATE TABLE site_templates (
  site_id      INTEGER PRIMARY KEY REFERENCES sites (id),
  weekdays     INTEGER NOT NULL CHECK (weekdays BETWEEN 0 AND 254),
  open_minute  INTEGER NOT NULL CHECK (open_minute BETWEEN 0 AND 1440),
  close_minute INTEGER NOT NULL CHECK (close_minute BETWEEN 0 AND 1440),
  slot_minutes INTEGER NOT NULL CHECK (slot_minutes > 0),
  capacity     INTEGER NOT NULL CHECK (capacity > 0)
) STRICT;

-- A day that differs from the template: closed, or one event slot open_minute..close_minute.
CREATE TABLE site_exceptions (
  site_id      INTEGER NOT NULL REFERENCES sites (id),
  day          TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind         TEXT    NOT NULL CHECK (kind IN ('closed', 'event')),
  note         TEXT    NOT NULL DEFAULT '',
  open_minute  INTEGER,
  close_minute INTEGER,
  capacity     INTEGER,
  PRIMARY KEY (site_id, day),
  CHECK (kind = 'closed' OR (open_minute < close_minute AND capacity > 0))
) STRICT, WITHOUT ROWID;

-- booked counts confirmed + checked_in bookings; it can never pass capacity. A slot the schedule no longer
-- has but that old bookings still refer to is kept hidden (retired = 1).
CREATE TABLE slots (
  id       INTEGER PRIMARY KEY,
  site_id  INTEGER NOT NULL REFERENCES sites (id),
  start_at INTEGER NOT NULL,
  end_at   INTEGER NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  booked   INTEGER NOT NULL DEFAULT 0,
  retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  CHECK (end_at > start_at),
  CHECK (booked >= 0 AND booked <= capacity),
  UNIQUE (site_id, start_at, end_at)
) STRICT;

-- slot_start copies the slot's start (which never changes) for the per-user index; attend_from is when
-- the holder is expected: the slot start, or the promotion time when that is later (the no-show grace
-- counts from it).
CREATE TABLE bookings (
  id            INTEGER PRIMARY KEY,
  slot_id       INTEGER NOT NULL REFERENCES slots (id),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  status        TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'checked_in', 'no_show')),
  slot_start    INTEGER NOT NULL,
  attend_from   INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,
  cancelled_at  INTEGER,
  checked_in_at INTEGER,
  cancelled_by  INTEGER REFERENCES users (id),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((status = 'checked_in') = (checked_in_at IS NOT NULL))
) STRICT;
-- One active booking (holding or waiting) per user and slot.
CREATE UNIQUE INDEX bookings_one_active_per_user_and_slot ON bookings (slot_id, user_id)
  WHERE status IN ('confirmed', 'waitlisted', 'checked_in');
CREATE INDEX bookings_by_slot ON bookings (slot_id, status, id);
CREATE INDEX bookings_by_user ON bookings (user_id, slot_start);
CREATE INDEX bookings_confirmed_by_attendance ON bookings (attend_from) WHERE status = 'confirmed';

CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  kind       TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'cancelled_by_staff')),
  booking_id INTEGER NOT NULL REFERENCES bookings (id),
  message    TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))
) STRICT;
CREATE INDEX notifications_by_user ON notifications (user_id, id);

-- The first answer to a request with an Idempotency-Key, replayed for 24 hours.
CREATE TABLE idempotency_keys (
  user_id       INTEGER NOT NULL REFERENCES users (id),
  key           TEXT    NOT NULL,
  method        TEXT    NOT NULL,
  path          TEXT    NOT NULL,
  body_hash     TEXT    NOT NULL,
  status        INTEGER NOT NULL,
  response_body TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (user_id, key, method, path)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Keys the server makes once and keeps (e.g. the door-pass HMAC key).
CREATE TABLE server_secrets (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT, WITHOUT ROWID;
