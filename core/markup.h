// core/markup.h — the small safe markup of article bodies (信息中心, docs/api-articles.md "Markup"): a tiny
// Markdown subset of headings, paragraphs, nested lists, bold, https links and images served by our server.
// Pure functions, no I/O; the server validates a body with it before saving, the client parses it once when an
// article arrives and ui/markup_view draws the blocks.
//
// The parser is bounded and never recursive: one pass over the lines, one pass over each block's text with
// precomputed "next token" tables, so its time is linear in the input and its stack constant whatever the input
// nests. Anything outside the subset is text: a `javascript:` link is its words, never a link.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou {

/// Largest body parsed, in bytes; the rest is cut off (at a character boundary) and reported.
inline constexpr std::size_t kMaxMarkupBytes = 64 * 1024;
/// Most blocks a body makes; the rest is dropped and reported.
inline constexpr std::size_t kMaxMarkupBlocks = 2000;
/// Deepest list nesting kept; deeper items are drawn at this depth and reported.
inline constexpr int kMaxListDepth = 4;
/// Longest link target accepted, in bytes.
inline constexpr std::size_t kMaxLinkBytes = 2048;
/// The only image targets: our server's images, `/api/v1/images/ID`.
inline constexpr std::string_view kImagePathPrefix = "/api/v1/images/";

/// What a block is.
enum class BlockKind {
  heading,    ///< `# `, `## `, `### ` (level 1..3)
  paragraph,  ///< lines of text up to a blank line or another block
  list_item,  ///< `- `, `* `, `+ ` (bullet) or `1. ` (numbered); depth 1..kMaxListDepth from the indent
  image,      ///< `![caption](/api/v1/images/ID)` alone on a line
};

/// A run of text with one style.
struct MarkupSpan {
  std::string text;  ///< valid UTF-8, no control characters
  bool bold = false;
  std::string link;  ///< an https URL when the run is a link, else empty
};

/// One block of a body.
struct MarkupBlock {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;         ///< heading: 1..3; list item: its depth 1..kMaxListDepth
  bool ordered = false;  ///< list item: numbered
  int number = 0;        ///< numbered list item: the number written (1..999999999)
  std::vector<MarkupSpan> spans;
  std::int64_t image = 0;  ///< image: the id of our server's image
  std::string caption;     ///< image: its caption (plain text)
};

/// What a body breaks of the subset's limits or rules; the parser repaired each (as text, clamped or cut).
enum class MarkupIssue {
  too_large,        ///< over kMaxMarkupBytes
  too_many_blocks,  ///< over kMaxMarkupBlocks
  too_deep,         ///< a list nested deeper than kMaxListDepth
  unsafe_link,      ///< a link that is not https (javascript:, data:, http:, relative, spaces...)
  foreign_image,    ///< an image not served by our server
  broken_utf8,      ///< bytes that are not UTF-8 (replaced by U+FFFD)
};

/// A parsed body and what was repaired in it.
struct MarkupDocument {
  std::vector<MarkupBlock> blocks;
  std::vector<MarkupIssue> issues;  ///< each kind at most once, in the order first met
};

/// Parses a body; never fails, whatever the bytes.
MarkupDocument parse_markup(std::string_view text);

/// The wire name of an issue ("unsafe_link"), for the server's 400 answer.
std::string_view markup_issue_name(MarkupIssue issue);
/// A human sentence (Chinese / English) about an issue.
std::string_view markup_issue_message(MarkupIssue issue);

/// The text of a document without its markup, blocks separated by newlines, at most `max_bytes` (cut at a
/// character boundary): an article's summary when none is given, and what search reads.
std::string markup_plain_text(const MarkupDocument& document, std::size_t max_bytes);

/// markup_plain_text() on one line (blocks joined, a space only between Latin ones): an article's summary when staff
/// give none.
std::string markup_summary(const MarkupDocument& document, std::size_t max_bytes);

/// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD; `replaced` tells whether any was.
std::string valid_utf8(std::string_view text, bool* replaced = nullptr);

/// True when `url` is a link the subset keeps: https://, a host, at most kMaxLinkBytes, no spaces, quotes, angle
/// brackets or control characters.
bool is_safe_link(std::string_view url);

}  // namespace gongyou
