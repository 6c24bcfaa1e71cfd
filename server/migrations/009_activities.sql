-- 009_activities: union activities (活动报名, docs/api-activities.md) with places and a waitlist; 惠工鹊桥 matchmaking
-- events are a kind whose sign-ups carry a declaration. Notifications gain activity sign-ups (a waiter promoted).
-- Every instant is UTC seconds since the epoch.

-- An activity. site_id NULL: online. places NULL: unlimited. confirmed counts the places taken (confirmed and
-- checked-in sign-ups); it is only ever changed by a conditional update in the sign-up's own transaction.
CREATE TABLE activities (
  id               INTEGER PRIMARY KEY,
  union_id         INTEGER NOT NULL REFERENCES unions (id),
  kind             TEXT    NOT NULL CHECK (kind IN ('sports', 'culture', 'lecture', 'family', 'volunteer',
                                                    'matchmaking')),
  title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  description      TEXT    NOT NULL DEFAULT '',
  site_id          INTEGER REFERENCES sites (id),
  starts_at        INTEGER NOT NULL,
  ends_at          INTEGER NOT NULL CHECK (ends_at > starts_at),
  signup_opens_at  INTEGER NOT NULL,
  signup_closes_at INTEGER NOT NULL CHECK (signup_closes_at > signup_opens_at AND signup_closes_at <= starts_at),
  places           INTEGER CHECK (places IS NULL OR places >= 1),
  confirmed        INTEGER NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
  members_only     INTEGER NOT NULL DEFAULT 0 CHECK (members_only IN (0, 1)),
  min_age          INTEGER NOT NULL DEFAULT 0,
  max_age          INTEGER NOT NULL DEFAULT 0,
  created_by       INTEGER NOT NULL REFERENCES users (id),
  created_at       INTEGER NOT NULL,
  CHECK (places IS NULL OR confirmed <= places),
  CHECK (places IS NOT NULL OR site_id IS NULL)
) STRICT;
CREATE INDEX activities_by_start ON activities (starts_at);

-- One row per person and activity (the unique key); a cancelled sign-up keeps its row and may sign up again, at the
-- back of the queue (signed_up_at is then the new arrival). Waiters are promoted by (signed_up_at, id).
-- contact_phone is sealed by the member key (matchmaking only) and opened for the organizer's staff alone.
CREATE TABLE activity_signups (
  id            INTEGER PRIMARY KEY,
  activity_id   INTEGER NOT NULL REFERENCES activities (id),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  status        TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'checked_in')),
  signed_up_at  INTEGER NOT NULL,
  cancelled_at  INTEGER,
  checked_in_at INTEGER,
  checked_in_by INTEGER REFERENCES users (id),
  declared_age  INTEGER,
  contact_phone BLOB,
  UNIQUE (activity_id, user_id)
) STRICT;
CREATE INDEX activity_signups_queue ON activity_signups (activity_id, status, signed_up_at, id);
CREATE INDEX activity_signups_by_user ON activity_signups (user_id);

-- Notifications also tell a waiter of their promotion: rebuilt with the new reference.
CREATE TABLE notifications_new (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  kind               TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'cancelled_by_staff', 'approved',
                                                      'denied', 'lecture_update', 'membership_update', 'quiz_prize',
                                                      'activity_promoted')),
  booking_id         INTEGER REFERENCES bookings (id),
  lecture_request_id INTEGER REFERENCES lecture_requests (id),
  application_id     INTEGER REFERENCES membership_applications (id),
  quiz_id            INTEGER REFERENCES quizzes (id),
  activity_signup_id INTEGER REFERENCES activity_signups (id),
  message            TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  read               INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  CHECK ((booking_id IS NOT NULL) + (lecture_request_id IS NOT NULL) + (application_id IS NOT NULL) +
         (quiz_id IS NOT NULL) + (activity_signup_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO notifications_new (id, user_id, kind, booking_id, lecture_request_id, application_id, quiz_id, message,
                               created_at, read)
  SELECT id, user_id, kind, booking_id, lecture_request_id, application_id, quiz_id, message, created_at, read
  FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications (user_id, id);
