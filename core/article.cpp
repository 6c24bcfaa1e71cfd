// core/article.cpp — see article.h.
#include "core/article.h"

#include <cstdio>

namespace gongyou {
namespace {

constexpr std::string_view kChannelNames[] = {"news", "notice", "hot", "guide", "policy", "legal"};
constexpr std::string_view kStatusNames[] = {"draft", "published"};
constexpr std::string_view kFileKindNames[] = {"png", "jpeg", "pdf", "doc", "xls", "docx", "xlsx"};
constexpr std::string_view kContentTypes[] = {
    "image/png",
    "image/jpeg",
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const std::string_view (&names)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

/// The sheet or document kind of an OLE2 compound file, from the names of its directory entries (UTF-16LE): Word
/// stores "WordDocument", Excel "Workbook" or "Book". Nothing when neither is found in the first 64 KiB.
std::optional<FileKind> ole2_kind(std::string_view bytes) {
  const auto has_utf16 = [&](std::string_view ascii) {
    std::string wide;
    for (const char c : ascii) {
      wide += c;
      wide += '\0';
    }
    return bytes.substr(0, 64 * 1024).find(wide) != std::string_view::npos;
  };
  if (has_utf16("WordDocument")) return FileKind::doc;
  if (has_utf16("Workbook") || has_utf16("Book")) return FileKind::xls;
  return std::nullopt;
}

}  // namespace

std::string_view wire_name(ArticleChannel channel) { return kChannelNames[static_cast<std::size_t>(channel)]; }
std::optional<ArticleChannel> parse_article_channel(std::string_view name) {
  return parse_name<ArticleChannel>(kChannelNames, name);
}

std::string_view wire_name(ArticleStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }
std::optional<ArticleStatus> parse_article_status(std::string_view name) {
  return parse_name<ArticleStatus>(kStatusNames, name);
}

std::optional<FileKind> sniff_file_kind(std::string_view bytes) {
  if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return FileKind::png;
  if (starts_with(bytes, "\xFF\xD8\xFF")) return FileKind::jpeg;
  if (starts_with(bytes, "%PDF-")) return FileKind::pdf;
  if (starts_with(bytes, "{\\rtf")) return FileKind::doc;
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return ole2_kind(bytes);
  if (starts_with(bytes, "PK\x03\x04")) {
    const std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.find("[Content_Types].xml") == std::string_view::npos) return std::nullopt;
    if (head.find("word/") != std::string_view::npos) return FileKind::docx;
    if (head.find("xl/") != std::string_view::npos) return FileKind::xlsx;
    return std::nullopt;
  }
  // SpreadsheetML 2003: an XML declaration, then the mso-application processing instruction naming Excel.
  if (starts_with(bytes, "<?xml") &&
      bytes.substr(0, 512).find("<?mso-application progid=\"Excel.Sheet\"?>") != std::string_view::npos)
    return FileKind::xls;
  return std::nullopt;
}

bool is_image_kind(FileKind kind) { return kind == FileKind::png || kind == FileKind::jpeg; }

std::string_view wire_name(FileKind kind) { return kFileKindNames[static_cast<std::size_t>(kind)]; }
std::optional<FileKind> parse_file_kind(std::string_view name) { return parse_name<FileKind>(kFileKindNames, name); }
std::string_view content_type(FileKind kind) { return kContentTypes[static_cast<std::size_t>(kind)]; }

std::string attachment_disposition(std::string_view name, std::string_view fallback_stem) {
  // The ASCII fallback: safe characters kept, the rest '_'; a stem of only '_' becomes fallback_stem.
  const std::size_t dot = name.rfind('.');
  const std::string_view stem = dot == std::string_view::npos ? name : name.substr(0, dot);
  const std::string_view extension = dot == std::string_view::npos ? std::string_view() : name.substr(dot);
  const auto ascii_of = [](std::string_view part) {
    std::string out;
    bool previous_replaced = false;
    for (const char c : part) {
      const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
      if (safe) {
        out += c;
        previous_replaced = false;
      } else if (!previous_replaced && (static_cast<unsigned char>(c) < 0x80 ||
                                        (static_cast<unsigned char>(c) & 0xC0) != 0x80)) {
        out += '_';  // one '_' per character (a UTF-8 sequence counts once), runs folded
        previous_replaced = true;
      }
    }
    return out;
  };
  std::string ascii_stem = ascii_of(stem);
  if (ascii_stem.find_first_not_of("_.") == std::string::npos) ascii_stem = std::string(fallback_stem);
  const std::string fallback = ascii_stem + ascii_of(extension);
  // RFC 8187 ext-value: attr-char kept, every other byte %XX (upper-case hex).
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    const bool attr_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
    if (attr_char) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[u >> 4];
      encoded += kHex[u & 15];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

std::string human_size(std::int64_t bytes) {
  char text[32];
  if (bytes < 1024) std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  else std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace gongyou
