-- 004_workplaces: union members' workplaces, the demand points of the staff coverage analysis (core/coverage_analysis.h
-- Workplace). Loaded once by --demo / --demo-scale into an empty table; read whole at start.
CREATE TABLE workplaces (
  id      INTEGER PRIMARY KEY,
  lat     REAL    NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon     REAL    NOT NULL CHECK (lon BETWEEN -180 AND 180),
  members INTEGER NOT NULL CHECK (members BETWEEN 1 AND 1000000),
  town    TEXT    NOT NULL CHECK (length(town) BETWEEN 1 AND 100)
) STRICT;
