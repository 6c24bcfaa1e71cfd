// core/legal.cpp — see legal.h.
#include "core/legal.h"

#include "core/article.h"
#include "core/campaign.h"
#include "core/site_import.h"

namespace gongyou {

// [SECTION] Categories

std::string_view legal_category_name(LegalCategory category) {
  switch (category) {
    case LegalCategory::wages_owed: return "wages_owed";
    case LegalCategory::contract: return "contract";
    case LegalCategory::work_injury: return "work_injury";
    case LegalCategory::social_insurance: return "social_insurance";
    case LegalCategory::dismissal: return "dismissal";
    case LegalCategory::new_employment: return "new_employment";
  }
  return "wages_owed";
}

std::optional<LegalCategory> parse_legal_category(std::string_view name) {
  for (const LegalCategory c : kLegalCategories)
    if (legal_category_name(c) == name) return c;
  return std::nullopt;
}

// [SECTION] Statuses

std::string_view consultation_status_name(ConsultationStatus status) {
  switch (status) {
    case ConsultationStatus::open: return "open";
    case ConsultationStatus::assigned: return "assigned";
    case ConsultationStatus::answered: return "answered";
    case ConsultationStatus::closed: return "closed";
  }
  return "open";
}

std::optional<ConsultationStatus> parse_consultation_status(std::string_view name) {
  for (const ConsultationStatus s : {ConsultationStatus::open, ConsultationStatus::assigned,
                                     ConsultationStatus::answered, ConsultationStatus::closed})
    if (consultation_status_name(s) == name) return s;
  return std::nullopt;
}

bool consultation_overdue(ConsultationStatus status, UtcSeconds asked_at, UtcSeconds now) {
  return (status == ConsultationStatus::open || status == ConsultationStatus::assigned) &&
         now.value >= first_answer_due(asked_at).value;
}

// [SECTION] Text

std::optional<std::string> legal_text_problem(std::string_view text, bool question) {
  if (!is_valid_utf8(text)) return "文字不是有效的 UTF-8 / the text is not valid UTF-8";
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "内容不能为空 / the text is empty";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F)
      return "内容里不能有控制字符 / the text has control characters";
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  const std::size_t length = message_length(text.substr(first, last - first + 1));
  const std::size_t most = question ? kQuestionMaxChars : kLegalMessageMaxChars;
  if (length > most)
    return question ? "问题最多 1000 字 / a question has at most 1000 characters"
                    : "留言最多 1000 字 / a message has at most 1000 characters";
  if (question && length < kQuestionMinChars)
    return "请把问题写得详细一些（至少 10 个字）/ please describe the problem in at least 10 characters";
  return std::nullopt;
}

// [SECTION] Case numbers

std::optional<std::string> normalize_case_number(std::string_view typed) {
  std::string out;
  for (const char raw : typed) {
    if (raw == ' ' || raw == '-') continue;
    char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    if (out.size() >= kCaseNumberPrefix.size()) {
      if (c == 'O') c = '0';
      if (c == 'I' || c == 'L') c = '1';
      if (kCaseNumberAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    }
    out.push_back(c);
    if (out.size() > kCaseNumberPrefix.size() + kCaseNumberRandomChars) return std::nullopt;
  }
  if (out.size() != kCaseNumberPrefix.size() + kCaseNumberRandomChars) return std::nullopt;
  if (std::string_view(out).substr(0, kCaseNumberPrefix.size()) != kCaseNumberPrefix) return std::nullopt;
  return out;
}

// [SECTION] Photos

namespace {

std::uint32_t big_endian32(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(b[at + 3])};
}

std::uint32_t big_endian16(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 8) | std::uint32_t{static_cast<unsigned char>(b[at + 1])};
}

/// A JPEG segment: its marker and where its payload lies (after the 2-byte length).
struct JpegSegment {
  unsigned marker = 0;
  std::size_t start = 0;    ///< where the marker (FF xx) begins
  std::size_t payload = 0;  ///< where the payload begins
  std::size_t end = 0;      ///< one past the segment
};

/// The segments before the scan data, or nothing when one runs past the end. Stops at SOS (FF DA).
std::optional<std::size_t> next_jpeg_segment(std::string_view b, std::size_t at, JpegSegment& out) {
  while (at < b.size() && static_cast<unsigned char>(b[at]) == 0xFF && at + 1 < b.size() &&
         static_cast<unsigned char>(b[at + 1]) == 0xFF)
    ++at;  // fill bytes
  if (at + 4 > b.size() || static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
  out.marker = static_cast<unsigned char>(b[at + 1]);
  out.start = at;
  const std::size_t length = big_endian16(b, at + 2);
  if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
  out.payload = at + 4;
  out.end = at + 2 + length;
  return out.end;
}

bool is_sof(unsigned marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<PhotoSize> jpeg_size(std::string_view b) {
  std::size_t at = 2;
  JpegSegment segment;
  while (true) {
    const auto next = next_jpeg_segment(b, at, segment);
    if (!next) return std::nullopt;
    if (is_sof(segment.marker)) {
      if (segment.end - segment.payload < 5) return std::nullopt;
      return PhotoSize{big_endian16(b, segment.payload + 3), big_endian16(b, segment.payload + 1)};
    }
    if (segment.marker == 0xDA) return std::nullopt;  // a scan before any frame header
    at = *next;
  }
}

std::optional<PhotoSize> png_size(std::string_view b) {
  // The signature, then IHDR first: length 13, "IHDR", width, height (PNG spec §11.2.2).
  if (b.size() < 8 + 8 + 13 + 4) return std::nullopt;
  if (big_endian32(b, 8) != 13 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return PhotoSize{big_endian32(b, 16), big_endian32(b, 20)};
}

}  // namespace

std::string_view photo_content_type(PhotoKind kind) { return kind == PhotoKind::png ? "image/png" : "image/jpeg"; }

std::string_view photo_problem_code(PhotoProblem problem) {
  switch (problem) {
    case PhotoProblem::not_an_image: return "not_an_image";
    case PhotoProblem::type_mismatch: return "type_mismatch";
    case PhotoProblem::too_large: return "too_large";
    case PhotoProblem::too_many_pixels: return "too_many_pixels";
    case PhotoProblem::malformed: return "malformed";
  }
  return "malformed";
}

PhotoCheck check_photo(std::string_view bytes, std::string_view declared_type) {
  PhotoCheck check;
  if (bytes.size() > kMaxPhotoBytes) {
    check.problem = PhotoProblem::too_large;
    return check;
  }
  std::optional<PhotoKind> sniffed;
  // The same magic bytes the info center's uploads are told by (core/article.h).
  if (const auto kind = sniff_file_kind(bytes); kind == FileKind::png) sniffed = PhotoKind::png;
  else if (kind == FileKind::jpeg) sniffed = PhotoKind::jpeg;
  if (!sniffed) {
    check.problem = PhotoProblem::not_an_image;
    return check;
  }
  const std::string_view declared = declared_type.substr(0, declared_type.find(';'));
  if (declared != photo_content_type(*sniffed)) {
    check.problem = PhotoProblem::type_mismatch;
    return check;
  }
  check.kind = *sniffed;
  const auto size = *sniffed == PhotoKind::png ? png_size(bytes) : jpeg_size(bytes);
  if (!size || size->width <= 0 || size->height <= 0) {
    check.problem = PhotoProblem::malformed;
    return check;
  }
  check.size = *size;
  if (size->width > kMaxPhotoSide || size->height > kMaxPhotoSide || size->width * size->height > kMaxPhotoPixels)
    check.problem = PhotoProblem::too_many_pixels;
  return check;
}

std::string strip_photo_metadata(std::string_view b, PhotoKind kind) {
  std::string out;
  out.reserve(b.size());
  if (kind == PhotoKind::jpeg) {
    out.append(b.substr(0, 2));  // SOI
    std::size_t at = 2;
    JpegSegment segment;
    while (true) {
      const auto next = next_jpeg_segment(b, at, segment);
      if (!next || segment.marker == 0xDA) break;  // from the scan on, copy the rest as it is
      const std::string_view payload = b.substr(segment.payload, segment.end - segment.payload);
      const bool exif = segment.marker == 0xE1 && (payload.substr(0, 6) == std::string_view("Exif\0\0", 6) ||
                                                   payload.substr(0, 28) == "http://ns.adobe.com/xap/1.0/");
      if (!exif) out.append(b.substr(segment.start, segment.end - segment.start));
      at = *next;
    }
    out.append(b.substr(at));
    return out;
  }
  out.append(b.substr(0, 8));
  std::size_t at = 8;
  while (at + 12 <= b.size()) {
    const std::size_t length = big_endian32(b, at);
    if (length > b.size() - at - 12) break;
    const std::string_view type = b.substr(at + 4, 4);
    const std::size_t end = at + 12 + length;
    if (type != "eXIf" && type != "tEXt" && type != "zTXt" && type != "iTXt") out.append(b.substr(at, end - at));
    at = end;
  }
  out.append(b.substr(at));
  return out;
}

}  // namespace gongyou
