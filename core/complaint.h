// core/complaint.h — complaints (职工维权, issue 17.2, seed 004 Hui'an): a worker asks the county federation
// ("点对点" to 县总工会) or their own grassroots union (through 我的工会) for help in a dispute with their employer.
// Shared by the server (which decides) and the client (which counts characters as they are typed).
// docs/api-complaints.md.
//
// [SECTION] Handler     who handles a complaint
// [SECTION] Category    what it is about, with wire and Chinese names
// [SECTION] Status      submitted → replied → closed
// [SECTION] Text        the length limits and the rating
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou {

// [SECTION] Handler

/// Who a worker asks: the county federation (anyone) or their own grassroots union (members only).
enum class ComplaintHandler : std::uint8_t { county, own };

/// "county" or "own".
std::string_view complaint_handler_name(ComplaintHandler handler);
/// The handler of a wire name.
std::optional<ComplaintHandler> parse_complaint_handler(std::string_view name);

// [SECTION] Category

/// What a complaint is about (the disputes 劳动争议调解 sees most, Labour Contract Law and Social Insurance Law).
enum class ComplaintCategory : std::uint8_t {
  wages, contract, safety, injury, social_insurance, dismissal, discrimination, other,
};

/// Every category, in the order forms list them.
inline constexpr ComplaintCategory kComplaintCategories[] = {
    ComplaintCategory::wages,     ComplaintCategory::contract,         ComplaintCategory::safety,
    ComplaintCategory::injury,    ComplaintCategory::social_insurance, ComplaintCategory::dismissal,
    ComplaintCategory::discrimination, ComplaintCategory::other};

/// "wages", "contract", "safety", "injury", "social_insurance", "dismissal", "discrimination", "other".
std::string_view complaint_category_name(ComplaintCategory category);
/// The category of a wire name.
std::optional<ComplaintCategory> parse_complaint_category(std::string_view name);

// [SECTION] Status

/// Where a complaint is. Each step is taken by a conditional update on the one state before it.
enum class ComplaintStatus : std::uint8_t {
  submitted,  ///< 待答复: waiting for the handling union's reply
  replied,    ///< 已答复: answered; the worker may rate it once
  closed,     ///< 已办结: rated by the worker, or closed by staff after the reply
};

/// "submitted", "replied", "closed".
std::string_view complaint_status_name(ComplaintStatus status);
/// The status of a wire name.
std::optional<ComplaintStatus> parse_complaint_status(std::string_view name);

// [SECTION] Text

/// The most characters of a complaint's text, of the employer's name and of a reply.
inline constexpr std::size_t kComplaintMaxChars = 2000;
inline constexpr std::size_t kEmployerMaxChars = 100;
inline constexpr std::size_t kReplyMaxChars = 2000;
/// The most characters of the comment that goes with a rating.
inline constexpr std::size_t kRatingCommentMaxChars = 200;

/// Why `text` cannot be a complaint's (or a reply's) text of at most `max_chars`, or nothing: valid UTF-8, not
/// empty once trimmed, no control characters but line breaks and tabs.
std::optional<std::string> relief_text_problem(std::string_view text, std::size_t max_chars);

/// True for a rating the worker may give: 1 to 5 stars.
constexpr bool valid_rating(std::int64_t stars) { return stars >= 1 && stars <= 5; }

/// The case number's prefix (维权) and how many random characters follow it (Crockford base32: 5 bits each, 60
/// bits in all: never a counter, never guessed).
inline constexpr std::string_view kComplaintCasePrefix = "WQ";
inline constexpr std::size_t kCaseRandomChars = 12;
/// The alphabet of case numbers (Crockford base32: no I, L, O, U).
inline constexpr std::string_view kCaseAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// True when `text` has the shape of a case number with `prefix` (so a malformed one is 404 without a lookup).
bool looks_like_case_number(std::string_view text, std::string_view prefix);

}  // namespace gongyou
