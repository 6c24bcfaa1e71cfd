-- 001_sites: union service sites (服务阵地), the API's Site (core/site.h).
CREATE TABLE sites (
  id         INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL CHECK (length(type) BETWEEN 1 AND 40),
  name       TEXT    NOT NULL CHECK (length(name) > 0),
  town       TEXT    NOT NULL DEFAULT '',
  address    TEXT    NOT NULL DEFAULT '',
  lat        REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon        REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  phone      TEXT    NOT NULL DEFAULT '',
  hours      TEXT    NOT NULL DEFAULT '',
  facilities TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(facilities) AND json_type(facilities) = 'array'),
  bookable   INTEGER NOT NULL DEFAULT 0 CHECK (bookable IN (0, 1))
) STRICT;

CREATE INDEX sites_by_type ON sites (type);
CREATE INDEX sites_by_position ON sites (lat, lon);
