-- 003_courses: the course classroom (中心学堂), lecture requests (送课上门) and studio visit rules
-- (docs/api-courses.md). An in-person class is a slot of kind 'class' and enrolling in it is a booking of
-- that slot, so it shares the capacity guarantee, waitlist and promotion of 002's slots and bookings.

-- 'visit' slots come from site schedules; a 'class' slot belongs to one in-person course and the slot keeper
-- leaves it alone.
ALTER TABLE slots ADD COLUMN kind TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'class'));

-- kind copies the slot's kind (partial indexes cannot look at slots); places is the group size a booking
-- holds (booked counts places); approval is set at sites whose visit rules need staff approval: a
-- 'confirmed' booking with approval 'pending' holds its places but is shown as pending; a denied one is
-- 'cancelled' with approval 'denied'.
ALTER TABLE bookings ADD COLUMN kind TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'class'));
ALTER TABLE bookings ADD COLUMN places INTEGER NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 500);
ALTER TABLE bookings ADD COLUMN approval TEXT CHECK (approval IN ('pending', 'approved', 'denied'));
ALTER TABLE bookings ADD COLUMN decision_reason TEXT;

-- Class enrollments are never released as no-shows.
DROP INDEX bookings_confirmed_by_attendance;
CREATE INDEX bookings_confirmed_by_attendance ON bookings (attend_from) WHERE status = 'confirmed' AND kind = 'visit';

-- Group size and approval of visits at a site (劳模之家 visits).
CREATE TABLE visit_rules (
  site_id           INTEGER PRIMARY KEY REFERENCES sites (id),
  min_group         INTEGER NOT NULL CHECK (min_group >= 1),
  max_group         INTEGER NOT NULL CHECK (max_group BETWEEN min_group AND 500),
  approval_required INTEGER NOT NULL CHECK (approval_required IN (0, 1))
) STRICT;

-- A two-level tree: a top category has no parent, a subcategory's parent is a top category (trigger below).
CREATE TABLE course_categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES course_categories (id),
  name      TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  position  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TRIGGER course_categories_two_levels BEFORE INSERT ON course_categories
WHEN NEW.parent_id IS NOT NULL AND (SELECT parent_id FROM course_categories WHERE id = NEW.parent_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'course categories have two levels');
END;

-- title_initials: the lowercase pinyin initials of the title (other characters kept as they are, ASCII
-- lowercased), made once when the course is stored; search and the title order use it.
CREATE TABLE courses (
  id             INTEGER PRIMARY KEY,
  category_id    INTEGER NOT NULL REFERENCES course_categories (id),
  title          TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  title_initials TEXT    NOT NULL,
  teacher        TEXT    NOT NULL CHECK (length(teacher) BETWEEN 1 AND 40),
  hours          REAL    NOT NULL CHECK (hours > 0 AND hours <= 1000),
  summary        TEXT    NOT NULL DEFAULT '',
  format         TEXT    NOT NULL CHECK (format IN ('online', 'in_person')),
  slot_id        INTEGER UNIQUE REFERENCES slots (id),
  published_at   INTEGER NOT NULL,
  CHECK ((format = 'in_person') = (slot_id IS NOT NULL))
) STRICT;
CREATE INDEX courses_by_category ON courses (category_id);

-- Lessons, 1-based: video (url) and text (body) lessons online; one session (start_at..end_at) per meeting
-- of an in-person class.
CREATE TABLE course_lessons (
  course_id INTEGER NOT NULL REFERENCES courses (id),
  idx       INTEGER NOT NULL CHECK (idx >= 1),
  title     TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  kind      TEXT    NOT NULL CHECK (kind IN ('video', 'text', 'session')),
  url       TEXT,
  body      TEXT,
  start_at  INTEGER,
  end_at    INTEGER,
  PRIMARY KEY (course_id, idx),
  CHECK (kind <> 'video' OR url IS NOT NULL),
  CHECK (kind <> 'text' OR body IS NOT NULL),
  CHECK (kind <> 'session' OR end_at > start_at)
) STRICT, WITHOUT ROWID;

-- Online courses have no cap: an enrollment is a row here (in-person ones are bookings of the class slot).
CREATE TABLE online_enrollments (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES courses (id),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  enrolled_at INTEGER NOT NULL,
  left_at     INTEGER
) STRICT;
CREATE UNIQUE INDEX online_enrollments_one_active ON online_enrollments (course_id, user_id) WHERE left_at IS NULL;
CREATE INDEX online_enrollments_by_user ON online_enrollments (user_id);

-- Lessons a user marked done; kept when they leave, so that enrolling again resumes.
CREATE TABLE lesson_progress (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  course_id INTEGER NOT NULL,
  idx       INTEGER NOT NULL,
  done_at   INTEGER NOT NULL,
  PRIMARY KEY (user_id, course_id, idx),
  FOREIGN KEY (course_id, idx) REFERENCES course_lessons (course_id, idx)
) STRICT, WITHOUT ROWID;

-- A lecture asked for by a union contact. preferred_dates: JSON array of 'YYYY-MM-DD'.
CREATE TABLE lecture_requests (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES users (id),
  course_id       INTEGER REFERENCES courses (id),
  topic           TEXT    NOT NULL CHECK (length(topic) BETWEEN 1 AND 100),
  preferred_dates TEXT    NOT NULL CHECK (json_valid(preferred_dates) AND json_type(preferred_dates) = 'array'),
  audience_size   INTEGER NOT NULL CHECK (audience_size BETWEEN 1 AND 2000),
  lat             REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon             REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  address         TEXT    NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  town            TEXT    NOT NULL DEFAULT '',
  note            TEXT    NOT NULL DEFAULT '',
  status          TEXT    NOT NULL CHECK (status IN ('pending', 'accepted', 'scheduled', 'declined')),
  scheduled_at    INTEGER,
  reason          TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
) STRICT;
CREATE INDEX lecture_requests_by_user ON lecture_requests (user_id, id);
CREATE INDEX lecture_requests_by_status ON lecture_requests (status, id);

-- Notifications now also tell about lecture requests and approvals: rebuilt with the new kinds and an
-- optional booking (nothing refers to this table, so it can be replaced).
CREATE TABLE notifications_new (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  kind               TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'cancelled_by_staff', 'approved',
                                                      'denied', 'lecture_update')),
  booking_id         INTEGER REFERENCES bookings (id),
  lecture_request_id INTEGER REFERENCES lecture_requests (id),
  message            TEXT    NOT NULL,
  created_at         INTEGER NOT NULL,
  read               INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  CHECK ((booking_id IS NULL) <> (lecture_request_id IS NULL))
) STRICT;
INSERT INTO notifications_new (id, user_id, kind, booking_id, message, created_at, read)
  SELECT id, user_id, kind, booking_id, message, created_at, read FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_user ON notifications (user_id, id);
