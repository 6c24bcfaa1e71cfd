// core/markup.cpp — see markup.h.
//
// [SECTION] Text       UTF-8 repair, control characters, cutting at a character boundary
// [SECTION] Links      what a safe link is
// [SECTION] Inline     bold and links of one block, in one pass over precomputed "next token" tables
// [SECTION] Blocks     the lines: headings, list items (depth from the indent, clamped), images, paragraphs
// [SECTION] Output     issue names, plain text
#include "core/markup.h"

#include <algorithm>

namespace gongyou {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void note(MarkupDocument& document, MarkupIssue issue) {
  if (std::find(document.issues.begin(), document.issues.end(), issue) == document.issues.end())
    document.issues.push_back(issue);
}

// [SECTION] Text

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// The length of the UTF-8 sequence at `i`, or 0 when the bytes there are not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (!is_continuation(byte(i + k))) return 0;
  return length;
}

/// At most `max_bytes` of `text`, cut before a character that would not fit whole.
std::string_view cut_at_character(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  for (int back = 0; back < 3 && end > 0 && is_continuation(static_cast<unsigned char>(text[end])); ++back) --end;
  return text.substr(0, end);
}

/// Valid UTF-8 with tabs as spaces, no carriage returns and no other control characters but newlines.
std::string clean_text(std::string_view text, bool& replaced) {
  std::string out = valid_utf8(text, &replaced);
  std::string clean;
  clean.reserve(out.size());
  for (const char c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') clean += ' ';
    else if (c == '\n' || (u >= 0x20 && u != 0x7F)) clean += c;
  }
  return clean;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_ascii_visible(char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x7F; }

// [SECTION] Links

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// [SECTION] Inline

/// Characters a backslash makes literal.
bool is_escapable(char c) { return std::string_view("\\*[]()!#+-.`_").find(c) != std::string_view::npos; }

/// Appends the inline spans of one block's text (bold, links) to `spans`.
void parse_inline(std::string_view s, std::vector<MarkupSpan>& spans, MarkupDocument& document) {
  const std::size_t n = s.size();
  // Which bytes are escaping backslashes (dropped) and which are literal because escaped.
  std::vector<char> dropped(n, 0), literal(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (s[i] == '\\' && i + 1 < n && is_escapable(s[i + 1])) {
      dropped[i] = 1;
      literal[i + 1] = 1;
      ++i;
    }
  const auto token = [&](std::size_t i, char c) { return s[i] == c && !literal[i] && !dropped[i]; };
  const auto bold_at = [&](std::size_t i) { return i + 1 < n && token(i, '*') && token(i + 1, '*'); };
  // next_X[i]: the first position >= i holding the unescaped token X (kNone when there is none): one pass from
  // the right, so that each lookup below is O(1) and the whole scan stays linear.
  std::vector<std::size_t> next_close(n + 1, kNone), next_open(n + 1, kNone), next_paren(n + 1, kNone),
      next_bold(n + 2, kNone);
  for (std::size_t i = n; i-- > 0;) {
    next_close[i] = token(i, ']') ? i : next_close[i + 1];
    next_open[i] = token(i, '[') ? i : next_open[i + 1];
    next_paren[i] = token(i, ')') ? i : next_paren[i + 1];
    next_bold[i] = bold_at(i) ? i : next_bold[i + 1];
  }
  const auto at = [](const std::vector<std::size_t>& table, std::size_t i) {
    return i < table.size() ? table[i] : kNone;
  };

  bool bold = false;
  std::string run;
  const auto push = [&](std::string text, std::string link) {
    if (text.empty()) return;
    spans.push_back({std::move(text), bold, std::move(link)});
  };
  const auto unescaped = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k)
      if (!dropped[k]) out += s[k];
    return out;
  };

  std::size_t i = 0;
  while (i < n) {
    if (dropped[i]) {
      ++i;
      continue;
    }
    if (bold_at(i)) {
      if (bold || at(next_bold, i + 2) != kNone) {
        push(std::move(run), {});
        run.clear();
        bold = !bold;
      } else {
        run += "**";  // never closed: literal
      }
      i += 2;
      continue;
    }
    if (token(i, '[')) {
      const std::size_t close = at(next_close, i + 1);
      const std::size_t open = at(next_open, i + 1);
      if (close != kNone && (open == kNone || open > close) && close + 1 < n && token(close + 1, '(')) {
        const std::size_t paren = at(next_paren, close + 2);
        if (paren != kNone) {
          push(std::move(run), {});
          run.clear();
          std::string label(trim(unescaped(i + 1, close)));
          const std::string_view url = trim(s.substr(close + 2, paren - close - 2));
          if (is_safe_link(url)) {
            std::string target(url);
            for (std::size_t k = 0; k < 5; ++k) target[k] = "https"[k];  // the scheme in lower case
            std::string words = label.empty() ? target : std::move(label);
            push(std::move(words), std::move(target));
          } else {
            note(document, MarkupIssue::unsafe_link);
            push(std::move(label), {});  // its words, never a link
          }
          i = paren + 1;
          continue;
        }
      }
    }
    run += s[i];
    ++i;
  }
  push(std::move(run), {});
}

// [SECTION] Blocks

/// A list marker at the start of `line` ("- ", "* ", "+ ", "12. "): its length, whether numbered, the number.
struct ListMarker {
  std::size_t length = 0;
  bool ordered = false;
  int number = 0;
};

ListMarker list_marker(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return {2, false, 0};
  std::size_t digits = 0;
  int number = 0;
  while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9')
    number = number * 10 + (line[digits++] - '0');
  if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ')
    return {digits + 2, true, number};
  return {};
}

/// The heading level of `line` ("## x" -> 2), 0 when it is none.
int heading_level(std::string_view line) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#') ++level;
  if (level < 1 || level > 3 || static_cast<std::size_t>(level) >= line.size() ||
      line[static_cast<std::size_t>(level)] != ' ')
    return 0;
  return level;
}

/// The image id of `/api/v1/images/ID`, 0 for any other target.
std::int64_t our_image(std::string_view url) {
  if (url.substr(0, kImagePathPrefix.size()) != kImagePathPrefix) return 0;
  const std::string_view digits = url.substr(kImagePathPrefix.size());
  if (digits.empty() || digits.size() > 15) return 0;
  std::int64_t id = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return 0;
    id = id * 10 + (c - '0');
  }
  return id;
}

/// The lines of a body into blocks.
class BlockBuilder {
 public:
  explicit BlockBuilder(MarkupDocument& document) : document_(document) {}

  /// False once the block limit is reached (the rest of the body is dropped).
  bool line(std::string_view raw) {
    std::size_t indent = 0;
    while (indent < raw.size() && raw[indent] == ' ') ++indent;
    const std::string_view line = trim(raw);
    if (line.empty()) {
      flush();
      return !full_;
    }
    if (const int level = heading_level(line)) {
      flush();
      list_depth_ = 0;
      open({BlockKind::heading, level}, line.substr(static_cast<std::size_t>(level) + 1));
      flush();
    } else if (const ListMarker marker = list_marker(line); marker.length > 0) {
      flush();
      int depth = static_cast<int>(std::min<std::size_t>(indent / 2, 1000)) + 1;
      depth = std::min(depth, list_depth_ + 1);  // one level deeper than the item before at most
      if (depth > kMaxListDepth) {
        note(document_, MarkupIssue::too_deep);
        depth = kMaxListDepth;
      }
      list_depth_ = depth;
      MarkupBlock item{BlockKind::list_item, depth};
      item.ordered = marker.ordered;
      item.number = marker.number;
      open(std::move(item), line.substr(marker.length));
    } else if (image(line)) {
      list_depth_ = 0;
    } else if (open_) {
      const bool both_ascii = !text_.empty() && is_ascii_visible(text_.back()) && is_ascii_visible(line.front());
      if (both_ascii) text_ += ' ';
      text_ += line;
    } else {
      list_depth_ = 0;
      open({BlockKind::paragraph}, line);
    }
    return !full_;
  }

  /// Closes the block being written, if any.
  void flush() {
    if (!open_) return;
    open_ = false;
    parse_inline(trim(text_), block_.spans, document_);
    if (!block_.spans.empty()) push(std::move(block_));
    block_ = {};
    text_.clear();
  }

 private:
  void open(MarkupBlock block, std::string_view text) {
    block_ = std::move(block);
    text_.assign(text);
    open_ = true;
  }

  void push(MarkupBlock block) {
    if (document_.blocks.size() >= kMaxMarkupBlocks) {
      note(document_, MarkupIssue::too_many_blocks);
      full_ = true;
      return;
    }
    document_.blocks.push_back(std::move(block));
  }

  /// `![caption](target)` alone on a line: an image block when the target is ours, else its caption as text.
  bool image(std::string_view line) {
    if (line.substr(0, 2) != "![" || line.back() != ')') return false;
    const std::size_t middle = line.find("](");
    if (middle == std::string_view::npos) return false;
    flush();
    const std::string caption(trim(line.substr(2, middle - 2)));
    const std::int64_t id = our_image(trim(line.substr(middle + 2, line.size() - middle - 3)));
    MarkupBlock block{id > 0 ? BlockKind::image : BlockKind::paragraph};
    if (id > 0) {
      block.image = id;
      block.caption = caption;
      push(std::move(block));
    } else {
      note(document_, MarkupIssue::foreign_image);
      if (!caption.empty()) {
        block.spans.push_back({caption, false, {}});
        push(std::move(block));
      }
    }
    return true;
  }

  MarkupDocument& document_;
  MarkupBlock block_;
  std::string text_;
  bool open_ = false;
  bool full_ = false;
  int list_depth_ = 0;  ///< the depth of the list item before, 0 when the block before was none
};

}  // namespace

std::string valid_utf8(std::string_view text, bool* replaced) {
  std::string out;
  out.reserve(text.size());
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {
      out += kReplacement;
      any = true;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  if (replaced) *replaced = any;
  return out;
}

bool is_safe_link(std::string_view url) {
  if (url.size() > kMaxLinkBytes || !starts_with_nocase(url, "https://")) return false;
  const std::string_view rest = url.substr(8);
  const std::size_t host_end = std::min(rest.find_first_of("/?#"), rest.size());
  if (host_end == 0) return false;
  for (std::size_t i = 0; i < host_end; ++i) {
    const char c = rest[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == ':';
    if (!ok) return false;  // no user@host, no spaces, no unicode lookalikes in the host
  }
  for (const char c : rest) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || std::string_view("\"'<>\\`").find(c) != std::string_view::npos) return false;
  }
  return true;
}

MarkupDocument parse_markup(std::string_view input) {
  MarkupDocument document;
  if (input.size() > kMaxMarkupBytes) note(document, MarkupIssue::too_large);
  bool replaced = false;
  const std::string text = clean_text(cut_at_character(input, kMaxMarkupBytes), replaced);
  if (replaced) note(document, MarkupIssue::broken_utf8);
  BlockBuilder builder(document);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (!builder.line(std::string_view(text).substr(start, end - start))) return document;
    start = end + 1;
  }
  builder.flush();
  return document;
}

// [SECTION] Output

std::string_view markup_issue_name(MarkupIssue issue) {
  switch (issue) {
    case MarkupIssue::too_large: return "too_large";
    case MarkupIssue::too_many_blocks: return "too_many_blocks";
    case MarkupIssue::too_deep: return "too_deep";
    case MarkupIssue::unsafe_link: return "unsafe_link";
    case MarkupIssue::foreign_image: return "foreign_image";
    case MarkupIssue::broken_utf8: return "broken_utf8";
  }
  return "invalid";
}

std::string_view markup_issue_message(MarkupIssue issue) {
  switch (issue) {
    case MarkupIssue::too_large: return "正文超过 64 KiB / the body is over 64 KiB";
    case MarkupIssue::too_many_blocks: return "正文超过 2000 段 / the body has more than 2000 blocks";
    case MarkupIssue::too_deep: return "列表最多嵌套 4 层 / lists nest at most 4 deep";
    case MarkupIssue::unsafe_link: return "链接只能是 https:// 地址 / links must be https:// addresses";
    case MarkupIssue::foreign_image:
      return "图片只能引用本站上传的图片 /api/v1/images/ID / images must be ones uploaded here";
    case MarkupIssue::broken_utf8: return "正文不是有效的 UTF-8 / the body is not valid UTF-8";
  }
  return "invalid markup";
}

std::string markup_plain_text(const MarkupDocument& document, std::size_t max_bytes) {
  std::string out;
  for (const MarkupBlock& block : document.blocks) {
    if (out.size() >= max_bytes) break;
    if (!out.empty()) out += '\n';
    if (block.kind == BlockKind::image) out += block.caption;
    for (const MarkupSpan& span : block.spans) out += span.text;
  }
  return std::string(cut_at_character(out, max_bytes));
}

std::string markup_summary(const MarkupDocument& document, std::size_t max_bytes) {
  const std::string lines = markup_plain_text(document, max_bytes);
  // Blocks joined by a space between Latin text only: after Chinese (its own punctuation ends it) a space would only
  // give a line a place to break early.
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != '\n') {
      text += lines[i];
    } else if (!text.empty() && static_cast<unsigned char>(text.back()) < 0x80 && i + 1 < lines.size() &&
               static_cast<unsigned char>(lines[i + 1]) < 0x80) {
      text += ' ';
    }
  }
  return text;
}

}  // namespace gongyou
