// core/article.h — the info center (信息中心, services.md `Article`): channels and states with their wire names, the
// limits of an article, the files staff upload (images and documents: kinds known by their magic bytes) and the
// download name of a document (RFC 6266 / RFC 8187). Shared by the server and the client. docs/api-articles.md.
//
// [SECTION] Channels   news, notices, hot topics, guides, policy, legal
// [SECTION] Articles   draft / published, field limits
// [SECTION] Files      image and document kinds by magic bytes, sizes, the Content-Disposition of a download
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/ids.h"

namespace gongyou {

using ArticleId = Id<struct ArticleTag>;    ///< an article of the info center
using ImageId = Id<struct ImageTag>;        ///< an image staff uploaded, served by our server
using DocumentId = Id<struct DocumentTag>;  ///< a document or form to download (政策文件, 表格)

// [SECTION] Channels

/// The channel an article is filed in.
enum class ArticleChannel : std::uint8_t {
  news,    ///< 活动新闻
  notice,  ///< 工会通知 (may be pinned)
  hot,     ///< 工会热点
  guide,   ///< 服务指南
  policy,  ///< 政策文件
  legal,   ///< 法律知识 / 案例
};

/// Every channel, in the order the client shows them.
inline constexpr ArticleChannel kArticleChannels[] = {ArticleChannel::news,  ArticleChannel::notice,
                                                      ArticleChannel::hot,   ArticleChannel::guide,
                                                      ArticleChannel::policy, ArticleChannel::legal};

/// The wire name: "news", "notice", "hot", "guide", "policy", "legal".
std::string_view wire_name(ArticleChannel channel);
/// The channel of a wire name; nothing for any other text.
std::optional<ArticleChannel> parse_article_channel(std::string_view name);

// [SECTION] Articles

/// Where an article is in its life.
enum class ArticleStatus : std::uint8_t {
  draft,      ///< seen only by staff of its union
  published,  ///< seen by everyone
};

/// The wire name: "draft" or "published".
std::string_view wire_name(ArticleStatus status);
/// The status of a wire name; nothing for any other text.
std::optional<ArticleStatus> parse_article_status(std::string_view name);

inline constexpr std::size_t kMaxArticleTitleChars = 100;
inline constexpr std::size_t kMaxArticleSummaryChars = 300;
/// A summary made from the body when staff give none, in bytes.
inline constexpr std::size_t kAutoSummaryBytes = 240;

// [SECTION] Files

/// What an uploaded file is, told by its first bytes (never by its name).
enum class FileKind : std::uint8_t {
  png,
  jpeg,
  pdf,   ///< %PDF-
  doc,   ///< a Word document: OLE2 compound file (.doc) or RTF ({\rtf), both served as application/msword
  xls,   ///< an Excel workbook: OLE2 (.xls) or SpreadsheetML 2003 XML, served as application/vnd.ms-excel
  docx,  ///< a ZIP whose first entry is [Content_Types].xml and that holds word/
  xlsx,  ///< likewise with xl/
};

/// The kind of a file from its bytes; nothing for anything else (HTML, scripts, executables, unknown).
std::optional<FileKind> sniff_file_kind(std::string_view bytes);
/// True for png and jpeg.
bool is_image_kind(FileKind kind);
/// The wire name ("pdf", "doc", ...), also the file extension.
std::string_view wire_name(FileKind kind);
/// The kind of a wire name; nothing for any other text.
std::optional<FileKind> parse_file_kind(std::string_view name);
/// Its Content-Type.
std::string_view content_type(FileKind kind);

inline constexpr std::size_t kMaxImageBytes = 512 * 1024;      ///< an uploaded image
inline constexpr std::size_t kMaxDocumentBytes = 1024 * 1024;  ///< an uploaded document (the server's body limit)
inline constexpr std::size_t kMaxFileTitleChars = 100;

/// The Content-Disposition of a download named `name` (UTF-8, e.g. 入会申请表.pdf): `attachment;
/// filename="ASCII"; filename*=UTF-8''PERCENT-ENCODED` (RFC 6266 §4.3, RFC 8187), the ASCII fallback made of the
/// name's ASCII letters, digits, '-', '_' and '.' (others become '_'; `fallback_stem` when nothing is left of the stem).
std::string attachment_disposition(std::string_view name, std::string_view fallback_stem);

/// A byte count for people: "812 B", "3.4 KB", "1.2 MB".
std::string human_size(std::int64_t bytes);

}  // namespace gongyou
