// core/hardship.h — hardship aid (困难帮扶, issue 17.3, seed 002 Haimen): a member asks for aid online; their
// grassroots union checks it (初审), the union above approves it (审批) with the amount granted, and the aid is
// recorded (发放: cash, goods or a visit). Approved aid is published (公示) with masked names; a year after the aid
// the household is re-checked (年度复核). Shared by the server and the client. docs/api-hardship.md.
//
// [SECTION] Category    illness, disaster, education, living costs
// [SECTION] Status      the steps and which decision applies to which state
// [SECTION] Facts       the limits of an application's fields
// [SECTION] Re-check    when a household is due for its yearly re-check
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {

// [SECTION] Category

/// Why a household asks (the categories of 困难职工帮扶 in the union's rules).
enum class HardshipCategory : std::uint8_t { illness, disaster, education, living };

/// Every category, in the order forms list them.
inline constexpr HardshipCategory kHardshipCategories[] = {HardshipCategory::illness, HardshipCategory::disaster,
                                                           HardshipCategory::education, HardshipCategory::living};

/// "illness", "disaster", "education", "living".
std::string_view hardship_category_name(HardshipCategory category);
/// The category of a wire name.
std::optional<HardshipCategory> parse_hardship_category(std::string_view name);

/// How aid is given.
enum class AidKind : std::uint8_t { cash, goods, visit };
/// "cash", "goods", "visit".
std::string_view aid_kind_name(AidKind kind);
/// The kind of a wire name.
std::optional<AidKind> parse_aid_kind(std::string_view name);

// [SECTION] Status

/// Where an application is. submitted → checked → approved → aided; returned and rejected end it.
enum class HardshipStatus : std::uint8_t {
  submitted,  ///< 待初审: waiting for the grassroots union's check
  checked,    ///< 待审批: checked, waiting for the upper union's approval
  approved,   ///< 待发放: approved with an amount, the aid not yet given
  aided,      ///< 已帮扶: the aid is recorded
  returned,   ///< 已退回: sent back by the check to be completed (the worker may apply again)
  rejected,   ///< 未通过: declined by the check or the approval
};

/// The wire name: "submitted", "checked", "approved", "aided", "returned", "rejected".
std::string_view hardship_status_name(HardshipStatus status);
/// The status of a wire name.
std::optional<HardshipStatus> parse_hardship_status(std::string_view name);

/// True while the application is still being decided (it blocks another one by the same person).
constexpr bool hardship_open(HardshipStatus status) {
  return status == HardshipStatus::submitted || status == HardshipStatus::checked ||
         status == HardshipStatus::approved;
}

/// A decision of one level, and the state it applies to (a conditional update on that one state decides once).
enum class HardshipDecision : std::uint8_t {
  pass,     ///< the check passes it on (submitted → checked)
  send_back,  ///< the check returns it to be completed (submitted → returned)
  decline,  ///< the check or the approval declines it (submitted or checked → rejected)
  approve,  ///< the approval grants an amount (checked → approved)
  aid,      ///< the aid is recorded (approved → aided)
};

/// The one state `decision` applies to; for decline at the approval level, pass `at_approval`.
HardshipStatus decision_from(HardshipDecision decision, bool at_approval = false);
/// The state a decision leads to.
HardshipStatus decision_to(HardshipDecision decision);

// [SECTION] Facts

/// The limits of an application (amounts in whole yuan).
inline constexpr int kHouseholdMax = 20;
inline constexpr std::int64_t kIncomeMaxYuan = 1'000'000;
inline constexpr std::int64_t kAidMaxYuan = 100'000;
inline constexpr std::size_t kFactsMaxChars = 2000;
/// The case number's prefix (帮扶).
inline constexpr std::string_view kHardshipCasePrefix = "BF";

// [SECTION] Re-check

/// A household is re-checked once a year after its aid (or its last re-check).
inline constexpr std::int64_t kRecheckAfterSeconds = 365LL * 86400;

/// True when aid given (or last re-checked) at `since` is due for its yearly re-check at `now`.
constexpr bool recheck_due(UtcSeconds since, UtcSeconds now) { return now.value - since.value >= kRecheckAfterSeconds; }

}  // namespace gongyou
