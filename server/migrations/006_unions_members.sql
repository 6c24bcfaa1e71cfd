-- 006_unions_members: the union tree, real-name member profiles, membership applications and their decisions,
-- staff roles, the audit log of staff reads and decisions (docs/api-membership.md); notifications gain
-- membership updates. Every instant is UTC seconds since the epoch.

-- Organisations form a tree (services.md "Who is who"). tree_first..tree_last number a union's subtree in
-- pre-order, so "u and everything below it" is one range; the server numbers them when it seeds the tree.
CREATE TABLE unions (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES unions (id),
  name       TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  level      TEXT    NOT NULL CHECK (level IN ('federation', 'town', 'park', 'industry', 'village', 'grassroots')),
  region     TEXT    NOT NULL CHECK (length(region) BETWEEN 1 AND 20),
  tree_first INTEGER NOT NULL UNIQUE,
  tree_last  INTEGER NOT NULL,
  CHECK (tree_first <= tree_last)
) STRICT;
CREATE INDEX unions_by_parent ON unions (parent_id, id);

-- A person's real-name data, kept only with their separate consent (PIPL Art. 29). The ID number and the phone
-- are sealed (crypto_secretbox under the member key file, never in the database); id_hash is a keyed hash of the
-- ID number for the uniqueness check. union_id is the grassroots union they are a member of (NULL: not a member).
-- Deleting one's data deletes the row.
CREATE TABLE member_profiles (
  user_id      INTEGER PRIMARY KEY REFERENCES users (id),
  real_name    TEXT    NOT NULL CHECK (length(real_name) BETWEEN 1 AND 120),
  id_sealed    BLOB    NOT NULL,
  id_hash      BLOB    NOT NULL UNIQUE,
  id_masked    TEXT    NOT NULL,
  phone_sealed BLOB    NOT NULL,
  phone_masked TEXT    NOT NULL,
  consent_at   INTEGER NOT NULL,
  verified_at  INTEGER,
  verified_by  INTEGER REFERENCES users (id),
  union_id     INTEGER REFERENCES unions (id),
  member_since INTEGER,
  updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX member_profiles_by_union ON member_profiles (union_id, verified_at);

-- 入会 / 转会. A join names only the target union; a transfer also the union it leaves. One pending application
-- per person (the partial unique index).
CREATE TABLE membership_applications (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  kind          TEXT    NOT NULL CHECK (kind IN ('join', 'transfer')),
  status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  union_id      INTEGER NOT NULL REFERENCES unions (id),
  from_union_id INTEGER REFERENCES unions (id),
  reason        TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  due_by        INTEGER NOT NULL,
  decided_at    INTEGER,
  CHECK ((kind = 'join') = (from_union_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX applications_one_pending ON membership_applications (user_id) WHERE status = 'pending';
CREATE INDEX applications_by_union ON membership_applications (union_id, status, due_by);
CREATE INDEX applications_by_from_union ON membership_applications (from_union_id, status, due_by);
CREATE INDEX applications_by_user ON membership_applications (user_id, id);

-- Each side of an application decides once (the primary key).
CREATE TABLE application_decisions (
  application_id INTEGER NOT NULL REFERENCES membership_applications (id),
  union_id       INTEGER NOT NULL REFERENCES unions (id),
  decision       TEXT    NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason         TEXT    NOT NULL DEFAULT '',
  staff_id       INTEGER NOT NULL REFERENCES users (id),
  at             INTEGER NOT NULL,
  PRIMARY KEY (application_id, union_id)
) STRICT, WITHOUT ROWID;

-- Who acts for which union (api-services.md "Roles").
CREATE TABLE staff_roles (
  user_id    INTEGER NOT NULL REFERENCES users (id),
  union_id   INTEGER NOT NULL REFERENCES unions (id),
  role       TEXT    NOT NULL CHECK (role IN ('union_staff', 'lawyer')),
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, union_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX staff_roles_by_union ON staff_roles (union_id);

-- Every staff read of personal data and every decision: who, what, when. Only ids and masks, never a number.
CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY,
  at              INTEGER NOT NULL,
  actor_id        INTEGER NOT NULL,
  action          TEXT    NOT NULL,
  union_id        INTEGER,
  subject_user_id INTEGER,
  object_id       INTEGER,
  detail          TEXT    NOT NULL DEFAULT ''
) STRICT;

-- Notifications also tell about membership applications: rebuilt with the new kind and reference.
CREATE TABLE notifications_new (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  kind               TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'cancelled_by_staff', 'approved',
                                                      'denied', 'lecture_update', 'membership_update')),
  booking_id         INTEGER REFERENCES bookings (id),
  lecture_request_id INTEGER REFERENCES lecture_requests (id),
  application_id     INTEGER REFERENCES membership_applications (id),
  message            TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  read               INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  CHECK ((booking_id IS NOT NULL) + (lecture_request_id IS NOT NULL) + (application_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO notifications_new (id, user_id, kind, booking_id, lecture_request_id, message, created_at, read)
  SELECT id, user_id, kind, booking_id, lecture_request_id, message, created_at, read FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications (user_id, id);
