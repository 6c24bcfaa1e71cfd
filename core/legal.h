// core/legal.h — legal aid (法律援助 · 案件查询, services.md; seed 001, Laixi): a worker asks one of the union's
// lawyers a question about a dispute with their employer and gets a random case number; an admin assigns a lawyer;
// asker and lawyer write in one thread; anyone with the case number and the phone given may look up its status.
// Shared by the server (which decides) and the client (which counts characters and shows the deadline).
// docs/api-legal.md.
//
// [SECTION] Categories   what a question is about, with wire and Chinese names
// [SECTION] Statuses     open → assigned → answered → closed, and the 24-hour first-answer target
// [SECTION] Text         the question and message limits
// [SECTION] Case numbers the alphabet and shape of a random case number
// [SECTION] Photos       JPEG/PNG told by their bytes, a bound on decoded size, EXIF stripped
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {

// [SECTION] Categories

/// What a consultation is about (the categories of the seed's rights service).
enum class LegalCategory : std::uint8_t {
  wages_owed,        ///< 欠薪: unpaid or late wages
  contract,          ///< 劳动合同: signing, terms, changes of a labour contract
  work_injury,       ///< 工伤: injury at work and its recognition
  social_insurance,  ///< 社会保险: contributions not paid, benefits
  dismissal,         ///< 解除劳动关系: dismissal and its compensation
  new_employment,    ///< 新就业形态: platform and gig work (riders, drivers, couriers)
};

/// Every category in the order the ask form shows them.
inline constexpr std::array<LegalCategory, 6> kLegalCategories = {
    LegalCategory::wages_owed, LegalCategory::contract,  LegalCategory::work_injury,
    LegalCategory::social_insurance, LegalCategory::dismissal, LegalCategory::new_employment};

/// The wire name: "wages_owed", "contract", "work_injury", "social_insurance", "dismissal", "new_employment".
std::string_view legal_category_name(LegalCategory category);
/// The category of a wire name.
std::optional<LegalCategory> parse_legal_category(std::string_view name);

// [SECTION] Statuses

/// Where a consultation is. Each change happens once (conditional updates in the store) and has its time.
enum class ConsultationStatus : std::uint8_t {
  open,      ///< 待分配: asked (asked_at), no lawyer yet
  assigned,  ///< 已分配: an admin assigned a lawyer (assigned_at)
  answered,  ///< 已答复: the lawyer wrote the first answer (first_answered_at)
  closed,    ///< 已结案: the asker or the lawyer closed it (closed_at); no more messages
};

/// The wire name: "open", "assigned", "answered" or "closed".
std::string_view consultation_status_name(ConsultationStatus status);
/// The status of a wire name.
std::optional<ConsultationStatus> parse_consultation_status(std::string_view name);

/// The first-answer target: a lawyer answers within 24 hours of the question (the seed's "24 hours").
inline constexpr std::int64_t kFirstAnswerTargetSeconds = 24 * 3600;

/// When the first answer is due.
inline UtcSeconds first_answer_due(UtcSeconds asked_at) { return UtcSeconds{asked_at.value + kFirstAnswerTargetSeconds}; }

/// True when a consultation has had no first answer by its due time and is not closed: it leads the queue.
bool consultation_overdue(ConsultationStatus status, UtcSeconds asked_at, UtcSeconds now);

// [SECTION] Text

/// The most characters (code points) of a question and of one message in the thread.
inline constexpr std::size_t kQuestionMaxChars = 1000;
inline constexpr std::size_t kLegalMessageMaxChars = 1000;
/// The fewest characters of a question: a lawyer needs something to answer.
inline constexpr std::size_t kQuestionMinChars = 10;

/// Why `text` cannot be a question (`question` true) or a message, or nothing: valid UTF-8, no control characters
/// but line breaks and tabs, within the limits once the spaces around it are trimmed. Kept as written, shown as
/// plain text.
std::optional<std::string> legal_text_problem(std::string_view text, bool question);

// [SECTION] Case numbers

/// The letters of a case number: Crockford's base 32 (no I, L, O, U: nothing to misread on the phone).
inline constexpr std::string_view kCaseNumberAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// A case number is "FY" and 10 random letters of the alphabet: 50 random bits, never a counter.
inline constexpr std::string_view kCaseNumberPrefix = "FY";
inline constexpr std::size_t kCaseNumberRandomChars = 10;

/// A case number as typed (spaces and hyphens dropped, letters upper-cased, O→0, I/L→1 as Crockford reads them),
/// or nothing when it cannot be one.
std::optional<std::string> normalize_case_number(std::string_view typed);

// [SECTION] Photos

/// What a photo may be: told by its bytes, and matching the type it was sent as.
enum class PhotoKind : std::uint8_t { jpeg, png };

/// Its Content-Type: "image/jpeg" or "image/png".
std::string_view photo_content_type(PhotoKind kind);

inline constexpr std::size_t kMaxPhotoBytes = 768 * 1024;      ///< one photo as uploaded
inline constexpr std::int64_t kMaxPhotoSide = 8000;            ///< pixels, either side
inline constexpr std::int64_t kMaxPhotoPixels = 24'000'000;    ///< width × height (a 6000×4000 phone photo)
inline constexpr int kMaxPhotosPerConsultation = 3;

/// Why a photo is refused.
enum class PhotoProblem : std::uint8_t {
  not_an_image,   ///< neither JPEG nor PNG by its bytes (HTML, a script, anything else)
  type_mismatch,  ///< JPEG bytes sent as PNG or the other way round
  too_large,      ///< over kMaxPhotoBytes
  too_many_pixels,///< its header declares more than kMaxPhotoSide or kMaxPhotoPixels (a decompression bomb)
  malformed,      ///< its structure is broken (no IHDR, a segment past the end, no frame header)
};

/// The wire code of a problem: "not_an_image", "type_mismatch", "too_large", "too_many_pixels", "malformed".
std::string_view photo_problem_code(PhotoProblem problem);

/// The width and height a photo declares (PNG: IHDR; JPEG: the first SOFn segment), read without decoding.
struct PhotoSize {
  std::int64_t width = 0, height = 0;
};

/// The result of checking a photo: its kind and size, or why it is refused.
struct PhotoCheck {
  std::optional<PhotoProblem> problem;
  PhotoKind kind = PhotoKind::jpeg;
  PhotoSize size;
};

/// Checks a photo sent as `declared_type` (a Content-Type: "image/jpeg" or "image/png", parameters ignored): its
/// magic bytes, that they match the declared type, its byte size, and the dimensions its header declares — a PNG
/// bomb is refused from its IHDR without inflating anything.
PhotoCheck check_photo(std::string_view bytes, std::string_view declared_type);

/// The photo without the metadata that can tell where it was taken: JPEG APP1 segments holding Exif or XMP
/// ("Exif\0\0", "http://ns.adobe.com/xap/1.0/"), PNG eXIf chunks and the tEXt/zTXt/iTXt chunks (which can carry
/// XMP or Exif as text). The pixels are untouched. `bytes` must have passed check_photo().
std::string strip_photo_metadata(std::string_view bytes, PhotoKind kind);

}  // namespace gongyou
