-- 013_wishes: micro-wishes (微心愿, docs/api-wishes.md): written by a member, vetted by their union, claimed by exactly
-- one donor, handed over and thanked. Every instant is UTC seconds since the epoch. Contacts are sealed
-- (server/crypto/member_key.h) and read only for the wisher's union staff.
--
-- status changes by conditional updates only: review WHERE status = 'pending', claim WHERE status = 'open' (of
-- concurrent claims exactly one changes the row), fulfilled WHERE status = 'claimed'.
CREATE TABLE wishes (
  id                    INTEGER PRIMARY KEY,
  union_id              INTEGER NOT NULL REFERENCES unions (id),
  town_id               INTEGER NOT NULL REFERENCES unions (id),
  user_id               INTEGER NOT NULL REFERENCES users (id),
  display_name          TEXT    NOT NULL,
  category              TEXT    NOT NULL CHECK (category IN ('study', 'household', 'daily', 'health', 'other')),
  title                 TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  story                 TEXT    NOT NULL CHECK (length(story) BETWEEN 1 AND 2000),
  estimated_yuan        INTEGER NOT NULL CHECK (estimated_yuan BETWEEN 1 AND 5000),
  status                TEXT    NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'open', 'rejected', 'claimed', 'fulfilled')),
  reason                TEXT    NOT NULL DEFAULT '',
  thanks                TEXT    NOT NULL DEFAULT '',
  wisher_phone_sealed   BLOB,
  claimant_id           INTEGER REFERENCES users (id),
  claimant_phone_sealed BLOB,
  claimant_note         TEXT    NOT NULL DEFAULT '',
  created_at            INTEGER NOT NULL,
  reviewed_at           INTEGER,
  reviewed_by           INTEGER REFERENCES users (id),
  claimed_at            INTEGER,
  fulfilled_at          INTEGER,
  fulfilled_by          INTEGER REFERENCES users (id),
  CHECK ((claimant_id IS NULL) = (status IN ('pending', 'open', 'rejected')))
) STRICT;
CREATE INDEX wishes_wall ON wishes (status, town_id, category, id);
CREATE INDEX wishes_by_user ON wishes (user_id, status);
CREATE INDEX wishes_by_claimant ON wishes (claimant_id);
CREATE INDEX wishes_by_union ON wishes (union_id, status);
