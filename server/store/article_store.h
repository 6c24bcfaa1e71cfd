// server/store/article_store.h — what the server needs stored about the info center (信息中心, docs/api-articles.md):
// articles with their channel, state and pin; one counted read per reader and day (a primary key decides it, so a
// reload or a concurrent request never counts twice); uploaded images and documents with their bytes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/civil_time.h"
#include "server/store/membership_records.h"

namespace gongyou::server {

/// An article as stored.
struct ArticleRecord {
  ArticleId id;
  UnionId union_id;  ///< the author's union: staff of it (and above) edit it
  ArticleChannel channel = ArticleChannel::news;
  ArticleStatus status = ArticleStatus::draft;
  std::string title;
  std::string summary;
  std::string body;  ///< core/markup.h text, validated before it was stored
  bool pinned = false;
  std::int64_t read_count = 0;
  UserId author;
  UtcSeconds created_at;
  UtcSeconds updated_at;
  std::optional<UtcSeconds> published_at;
};

/// What staff write of an article (create and edit).
struct ArticleWrite {
  UnionId union_id;
  ArticleChannel channel = ArticleChannel::news;
  std::string title;
  std::string summary;
  std::string body;
  bool pinned = false;
};

/// The sort position of a listed article: pinned first, then newest published, then highest id.
struct ArticleCursor {
  bool pinned = false;
  std::int64_t published_at = 0;
  ArticleId id;
};

/// Which articles a listing returns; parts combine with AND.
struct ArticleQuery {
  std::optional<ArticleChannel> channel;
  std::optional<ArticleStatus> status;   ///< nothing: any (staff); workers always ask for published
  std::optional<UnionSubtree> subtree;   ///< only articles of these unions
  std::string text;                      ///< substring of title or summary (lower-cased ASCII); empty: any
  bool text_as_pinyin = false;           ///< `text` may also be pinyin initials or syllables of the title
  std::optional<ArticleCursor> after;    ///< published listings only: after this position
  std::size_t limit = 20;
};

/// A page of articles (bodies left out) and whether more follow.
struct ArticlePage {
  std::vector<ArticleRecord> items;
  bool has_more = false;
};

/// What an uploaded file is for.
enum class FilePurpose : std::uint8_t { image, document };

/// An uploaded image or document (its bytes only when asked for).
struct StoredFile {
  std::int64_t id = 0;
  UnionId union_id;
  FilePurpose purpose = FilePurpose::image;
  FileKind kind = FileKind::png;
  std::string title;      ///< documents: 入会申请表
  std::string file_name;  ///< documents: the download name, 入会申请表.pdf
  std::int64_t size = 0;
  std::string bytes;
  UserId uploaded_by;
  UtcSeconds created_at;
  std::int64_t download_count = 0;
};

/// Info center storage. Implementations are safe to call from many threads at once.
class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  /// Stores a new draft.
  virtual ArticleRecord create_article(const ArticleWrite& article, UserId author, UtcSeconds now) = 0;
  /// Replaces what staff write of an article (its state, reads and publish time kept); false when there is none.
  virtual bool update_article(ArticleId id, const ArticleWrite& article, UtcSeconds now) = 0;
  /// Publishes (published_at set by the first publish only) or takes back to draft; false when there is none.
  virtual bool set_article_status(ArticleId id, ArticleStatus status, UtcSeconds now) = 0;
  /// Pins or unpins a notice; false when there is no such notice.
  virtual bool set_article_pinned(ArticleId id, bool pinned, UtcSeconds now) = 0;
  /// One article with its body.
  virtual std::optional<ArticleRecord> find_article(ArticleId id) = 0;
  /// Articles without their bodies: published ones pinned first, then newest; staff listings newest change first.
  virtual ArticlePage list_articles(const ArticleQuery& query) = 0;
  /// Counts a read of `reader` on `day` once: true when this one counted.
  virtual bool record_read(ArticleId id, const std::string& reader, std::int64_t day) = 0;
  /// Whether the store holds any article (the demo seeds an empty one).
  virtual bool has_articles() = 0;

  /// Stores an uploaded file; its id.
  virtual std::int64_t add_file(const StoredFile& file) = 0;
  /// One file of this purpose, with its bytes when `with_bytes`.
  virtual std::optional<StoredFile> find_file(std::int64_t id, FilePurpose purpose, bool with_bytes) = 0;
  /// The documents, newest first, without their bytes.
  virtual std::vector<StoredFile> list_documents() = 0;
  /// Counts a download of a document.
  virtual void count_download(std::int64_t id) = 0;
};

}  // namespace gongyou::server
