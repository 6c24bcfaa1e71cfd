-- 010_articles: the info center (信息中心, docs/api-articles.md): articles in channels with their markup body
-- (core/markup.h, validated before it is stored), one counted read per reader and Asia/Shanghai day, and the files
-- staff upload: images (drawn in articles) and documents (forms to download). Every instant is UTC seconds.

-- An article. title_initials / title_pinyin are core/pinyin.h's keys of the title, so that "ghtz" finds 工会通知.
-- published_at is set by the first publish and kept by later ones; pinned only for notices.
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  union_id       INTEGER NOT NULL REFERENCES unions (id),
  channel        TEXT    NOT NULL CHECK (channel IN ('news', 'notice', 'hot', 'guide', 'policy', 'legal')),
  status         TEXT    NOT NULL CHECK (status IN ('draft', 'published')),
  title          TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  title_initials TEXT    NOT NULL,
  title_pinyin   TEXT    NOT NULL,
  summary        TEXT    NOT NULL DEFAULT '',
  body           TEXT    NOT NULL,
  pinned         INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  read_count     INTEGER NOT NULL DEFAULT 0 CHECK (read_count >= 0),
  author_id      INTEGER NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  published_at   INTEGER,
  CHECK (pinned = 0 OR channel = 'notice'),
  CHECK (status = 'draft' OR published_at IS NOT NULL)
) STRICT;
CREATE INDEX articles_listed ON articles (status, pinned, published_at, id);
CREATE INDEX articles_by_union ON articles (union_id, updated_at);

-- Who read what on which day: reader is 'u:USER' for a signed-in reader, 'a:HASH' for an address without one. The
-- primary key is what counts a reader once a day, whatever the reloads and the concurrency.
CREATE TABLE article_reads (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  reader     TEXT    NOT NULL,
  day        INTEGER NOT NULL,
  PRIMARY KEY (article_id, reader, day)
) STRICT;

-- An uploaded file: kind is core/article.h's FileKind wire name, told by the file's magic bytes. Images have an
-- empty title and file_name.
CREATE TABLE stored_files (
  id             INTEGER PRIMARY KEY,
  union_id       INTEGER NOT NULL REFERENCES unions (id),
  purpose        TEXT    NOT NULL CHECK (purpose IN ('image', 'document')),
  kind           TEXT    NOT NULL CHECK (kind IN ('png', 'jpeg', 'pdf', 'doc', 'xls', 'docx', 'xlsx')),
  title          TEXT    NOT NULL DEFAULT '',
  file_name      TEXT    NOT NULL DEFAULT '',
  size           INTEGER NOT NULL CHECK (size > 0),
  bytes          BLOB    NOT NULL,
  uploaded_by    INTEGER NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  download_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX stored_files_by_purpose ON stored_files (purpose, id);
