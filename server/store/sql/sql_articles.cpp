// server/store/sql/sql_articles.cpp — SqlStore's info center (store/article_store.h).
//
// [SECTION] Rows       reading articles and files
// [SECTION] Articles   created as drafts, edited, published, pinned, listed (pinned first), read once a day
// [SECTION] Files      images and documents with their bytes
#include "core/pinyin.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Rows

/// The listed columns; the body only where it is asked for (?body selects it, else '').
std::string article_columns(bool with_body) {
  return std::string("id, union_id, channel, status, title, summary, ") + (with_body ? "body" : "''") +
         ", pinned, read_count, author_id, created_at, updated_at, published_at";
}

ArticleRecord read_article(const Statement& row) {
  ArticleRecord a;
  a.id = row.column_id<ArticleId>(0);
  a.union_id = row.column_id<UnionId>(1);
  a.channel = parse_article_channel(row.column_text(2)).value_or(ArticleChannel::news);
  a.status = parse_article_status(row.column_text(3)).value_or(ArticleStatus::draft);
  a.title = row.column_text(4);
  a.summary = row.column_text(5);
  a.body = row.column_text(6);
  a.pinned = row.column_int(7) != 0;
  a.read_count = row.column_int(8);
  a.author = row.column_id<UserId>(9);
  a.created_at = UtcSeconds{row.column_int(10)};
  a.updated_at = UtcSeconds{row.column_int(11)};
  if (!row.column_is_null(12)) a.published_at = UtcSeconds{row.column_int(12)};
  return a;
}

constexpr const char* kFileColumns =
    "id, union_id, purpose, kind, title, file_name, size, uploaded_by, created_at, download_count";

StoredFile read_file(const Statement& row) {
  StoredFile f;
  f.id = row.column_int(0);
  f.union_id = row.column_id<UnionId>(1);
  f.purpose = row.column_text(2) == "document" ? FilePurpose::document : FilePurpose::image;
  f.kind = parse_file_kind(row.column_text(3)).value_or(FileKind::pdf);
  f.title = row.column_text(4);
  f.file_name = row.column_text(5);
  f.size = row.column_int(6);
  f.uploaded_by = row.column_id<UserId>(7);
  f.created_at = UtcSeconds{row.column_int(8)};
  f.download_count = row.column_int(9);
  return f;
}

const char* purpose_name(FilePurpose purpose) { return purpose == FilePurpose::document ? "document" : "image"; }

/// Binds what staff write (?1..?8) of an article.
void bind_article_write(Statement& statement, const ArticleWrite& article) {
  statement.bind(1, article.union_id);
  statement.bind(2, wire_name(article.channel));
  statement.bind(3, article.title);
  statement.bind(4, pinyin_initials(article.title));
  statement.bind(5, pinyin_full(article.title));
  statement.bind(6, article.summary);
  statement.bind(7, article.body);
  statement.bind(8, article.pinned && article.channel == ArticleChannel::notice ? 1 : 0);
}

}  // namespace

// [SECTION] Articles

ArticleRecord SqlStore::create_article(const ArticleWrite& article, UserId author, UtcSeconds now) {
  const ArticleId id = write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO articles (union_id, channel, status, title, title_initials, title_pinyin, summary, body, pinned, "
        "author_id, created_at, updated_at) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
        "RETURNING id");
    bind_article_write(*insert, article);
    insert->bind(9, author);
    insert->bind(10, now.value);
    if (!insert->step()) throw Error("insert into articles returned no id");
    return insert->column_id<ArticleId>(0);
  });
  return *find_article(id);
}

bool SqlStore::update_article(ArticleId id, const ArticleWrite& article, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE articles SET union_id = ?1, channel = ?2, title = ?3, title_initials = ?4, title_pinyin = ?5, "
        "summary = ?6, body = ?7, pinned = ?8, updated_at = ?9 WHERE id = ?10");
    bind_article_write(*update, article);
    update->bind(9, now.value);
    update->bind(10, id);
    update->step();
    return writer.changes() > 0;
  });
}

bool SqlStore::set_article_status(ArticleId id, ArticleStatus status, UtcSeconds now) {
  return write([&](Connection& writer) {
    // The first publish sets published_at; a later one (after taking it back) keeps it, so that the list order of
    // an article does not jump because it was corrected.
    auto update = writer.cached(
        "UPDATE articles SET status = ?1, updated_at = ?2, published_at = CASE WHEN ?1 = 'published' THEN "
        "COALESCE(published_at, ?2) ELSE published_at END WHERE id = ?3");
    update->bind(1, wire_name(status));
    update->bind(2, now.value);
    update->bind(3, id);
    update->step();
    return writer.changes() > 0;
  });
}

bool SqlStore::set_article_pinned(ArticleId id, bool pinned, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update =
        writer.cached("UPDATE articles SET pinned = ?1, updated_at = ?2 WHERE id = ?3 AND channel = 'notice'");
    update->bind(1, pinned ? 1 : 0);
    update->bind(2, now.value);
    update->bind(3, id);
    update->step();
    return writer.changes() > 0;
  });
}

std::optional<ArticleRecord> SqlStore::find_article(ArticleId id) {
  auto connection = borrow();
  auto query = (*connection).cached("SELECT " + article_columns(true) + " FROM articles WHERE id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_article(*query);
}

ArticlePage SqlStore::list_articles(const ArticleQuery& request) {
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  const auto contains = [&](const char* text) { return dialect.position(text, "?4") + " > 0"; };
  // Published listings: pinned first, newest first; the cursor is a position in that order. Staff listings
  // (any status): the newest change first.
  const bool published_order = request.status == ArticleStatus::published;
  const std::string order = published_order ? " ORDER BY pinned DESC, published_at DESC, id DESC"
                                            : " ORDER BY updated_at DESC, id DESC";
  const std::string sql =
      "SELECT " + article_columns(false) +
      " FROM articles WHERE (CAST(?1 AS text) IS NULL OR channel = ?1) "
      "AND (CAST(?2 AS text) IS NULL OR status = ?2) "
      "AND (CAST(?3 AS bigint) IS NULL OR union_id IN (SELECT id FROM unions WHERE tree_first BETWEEN ?3 AND ?9)) "
      "AND (CAST(?4 AS text) IS NULL OR " + contains("lower(title)") + " OR " + contains("lower(summary)") +
      " OR (?5 = 1 AND (" + contains("title_initials") + " OR " + contains("title_pinyin") + "))) "
      // After the cursor (pinned ?6, published_at ?7, id ?8) in the published order.
      "AND (CAST(?6 AS bigint) IS NULL OR pinned < ?6 OR (pinned = ?6 AND (published_at < ?7 OR "
      "(published_at = ?7 AND id < ?8)))) " + order + " LIMIT ?10";
  auto query = (*connection).cached(sql);
  if (request.channel) query->bind(1, wire_name(*request.channel));
  if (request.status) query->bind(2, wire_name(*request.status));
  if (request.subtree) {
    query->bind(3, request.subtree->first);
    query->bind(9, request.subtree->last);
  } else {
    query->bind(9, 0);
  }
  if (!request.text.empty()) query->bind(4, request.text);
  query->bind(5, request.text_as_pinyin ? 1 : 0);
  if (request.after && published_order) {
    query->bind(6, request.after->pinned ? 1 : 0);
    query->bind(7, request.after->published_at);
    query->bind(8, request.after->id);
  } else {
    query->bind(7, 0);
    query->bind(8, 0);
  }
  query->bind(10, static_cast<std::int64_t>(request.limit + 1));
  ArticlePage page;
  while (query->step()) {
    if (page.items.size() == request.limit) {
      page.has_more = true;
      break;
    }
    page.items.push_back(read_article(*query));
  }
  return page;
}

bool SqlStore::record_read(ArticleId id, const std::string& reader, std::int64_t day) {
  return write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO article_reads (article_id, reader, day) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
    insert->bind(1, id);
    insert->bind(2, reader);
    insert->bind(3, day);
    insert->step();
    if (writer.changes() == 0) return false;  // this reader was counted today already
    auto count = writer.cached("UPDATE articles SET read_count = read_count + 1 WHERE id = ?1");
    count->bind(1, id);
    count->step();
    return true;
  });
}

bool SqlStore::has_articles() {
  auto connection = borrow();
  auto query = (*connection).cached("SELECT 1 FROM articles LIMIT 1");
  return query->step();
}

// [SECTION] Files

std::int64_t SqlStore::add_file(const StoredFile& file) {
  return write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO stored_files (union_id, purpose, kind, title, file_name, size, bytes, uploaded_by, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    insert->bind(1, file.union_id);
    insert->bind(2, std::string_view(purpose_name(file.purpose)));
    insert->bind(3, wire_name(file.kind));
    insert->bind(4, file.title);
    insert->bind(5, file.file_name);
    insert->bind(6, static_cast<std::int64_t>(file.bytes.size()));
    insert->bind_blob(7, file.bytes);
    insert->bind(8, file.uploaded_by);
    insert->bind(9, file.created_at.value);
    if (!insert->step()) throw Error("insert into stored_files returned no id");
    return insert->column_int(0);
  });
}

std::optional<StoredFile> SqlStore::find_file(std::int64_t id, FilePurpose purpose, bool with_bytes) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string("SELECT ") + kFileColumns + ", " + (with_bytes ? "bytes" : "''") +
                                    " FROM stored_files WHERE id = ?1 AND purpose = ?2");
  query->bind(1, id);
  query->bind(2, std::string_view(purpose_name(purpose)));
  if (!query->step()) return std::nullopt;
  StoredFile file = read_file(*query);
  if (with_bytes) file.bytes = query->column_blob(10);
  return file;
}

std::vector<StoredFile> SqlStore::list_documents() {
  auto connection = borrow();
  auto query = (*connection).cached(std::string("SELECT ") + kFileColumns +
                                    " FROM stored_files WHERE purpose = 'document' ORDER BY id DESC LIMIT 500");
  std::vector<StoredFile> out;
  while (query->step()) out.push_back(read_file(*query));
  return out;
}

void SqlStore::count_download(std::int64_t id) {
  write([&](Connection& writer) {
    auto update = writer.cached("UPDATE stored_files SET download_count = download_count + 1 WHERE id = ?1");
    update->bind(1, id);
    update->step();
  });
}

}  // namespace gongyou::server::sql
