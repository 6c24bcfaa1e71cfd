-- 008_campaigns: message campaigns (留言征集, docs/api-campaigns.md): a theme and a window, messages reviewed before
-- they are shown (先审后发), likes once per person, views. Every instant is UTC seconds since the epoch.

-- A campaign of a union. views counts openings of its page (a signed-in person once per Asia/Shanghai day).
CREATE TABLE campaigns (
  id           INTEGER PRIMARY KEY,
  union_id     INTEGER NOT NULL REFERENCES unions (id),
  title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  theme        TEXT    NOT NULL DEFAULT '',
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  members_only INTEGER NOT NULL DEFAULT 0 CHECK (members_only IN (0, 1)),
  views        INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  created_by   INTEGER NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL,
  CHECK (starts_at < ends_at)
) STRICT;

-- A message. seq numbers a person's messages in a campaign: the unique key is what holds kMessagesPerPerson under
-- concurrency. status changes by conditional updates only (approve: WHERE status = 'pending'). likes counts the
-- rows of campaign_likes, changed in the same transaction as the row.
CREATE TABLE campaign_messages (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  user_id       INTEGER NOT NULL REFERENCES users (id),
  seq           INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3),
  author        TEXT    NOT NULL,
  text          TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason        TEXT    NOT NULL DEFAULT '',
  featured      INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  likes         INTEGER NOT NULL DEFAULT 0 CHECK (likes >= 0),
  created_at    INTEGER NOT NULL,
  reviewed_at   INTEGER,
  reviewed_by   INTEGER REFERENCES users (id),
  UNIQUE (campaign_id, user_id, seq)
) STRICT;
CREATE INDEX campaign_messages_shown ON campaign_messages (campaign_id, status, featured, likes, id);
CREATE INDEX campaign_messages_by_user ON campaign_messages (user_id, campaign_id);

-- One like per person and message (the primary key).
CREATE TABLE campaign_likes (
  message_id INTEGER NOT NULL REFERENCES campaign_messages (id),
  user_id    INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (message_id, user_id)
) STRICT;

-- Who opened a campaign on which day, so that a signed-in person's reloads count once a day.
CREATE TABLE campaign_views (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  user_id     INTEGER NOT NULL REFERENCES users (id),
  day         INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, user_id, day)
) STRICT;
