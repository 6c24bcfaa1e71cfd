// server/store/relief_store.h — what the server stores about complaints (职工维权) and hardship aid (困难帮扶),
// docs/api-complaints.md and docs/api-hardship.md. Texts arrive sealed (server/crypto/member_key.h): the store never
// sees them in clear. Every step is one write transaction with a conditional UPDATE on the one state before it, so
// that of concurrent decisions exactly one is taken; one open application per person by a unique key.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/complaint.h"
#include "core/hardship.h"
#include "core/ids.h"
#include "server/store/membership_records.h"

namespace gongyou::server {

/// A complaint as stored (texts sealed).
struct ComplaintRecord {
  std::int64_t id = 0;
  std::string case_no;
  UserId user;
  UnionId union_id;  ///< who handles it
  ComplaintHandler handler = ComplaintHandler::county;
  ComplaintCategory category = ComplaintCategory::other;
  std::string employer;
  std::string text_sealed;
  bool anonymous = true;  ///< the name goes to no answer but the handling union's staff
  std::string name;       ///< the worker's real name (or account name) when they wrote
  ComplaintStatus status = ComplaintStatus::submitted;
  std::string reply_sealed;
  std::optional<std::int64_t> rating;
  std::string rating_comment;
  UtcSeconds created_at;
  std::optional<UtcSeconds> replied_at, closed_at;
};

/// A hardship application as stored (facts sealed).
struct HardshipRecord {
  std::int64_t id = 0;
  std::string case_no;
  UserId user;
  UnionId union_id;  ///< the member's grassroots union (checks); its parent approves
  std::string name;
  HardshipCategory category = HardshipCategory::living;
  std::int64_t household_size = 1, monthly_income = 0, amount_asked = 0;
  std::string facts_sealed;
  UtcSeconds consent_at;
  HardshipStatus status = HardshipStatus::submitted;
  UtcSeconds created_at;
  std::optional<UtcSeconds> checked_at, approved_at, aided_at, rechecked_at, decided_at;
  std::string check_note, approval_note;
  std::optional<std::int64_t> amount_granted, aid_amount;
  std::string aid_date;  ///< YYYY-MM-DD
  std::string aid_kind;  ///< cash, goods, visit
};

/// One step of a hardship application taken by staff.
struct HardshipStep {
  std::string case_no;
  HardshipDecision decision = HardshipDecision::pass;
  bool at_approval = false;  ///< a decline by the approval (from checked) rather than by the check
  std::string note;          ///< the check's note, or the reason of a return or decline
  std::int64_t amount = 0;   ///< approve: the amount granted; aid: the amount given
  std::string aid_date;
  AidKind aid_kind = AidKind::cash;
  UserId staff;
  UtcSeconds now;
};

/// What a conditional step came to.
enum class StepResult : std::uint8_t { done, not_found, conflict };

/// Complaint and hardship storage. Safe to call from many threads at once.
class ReliefStore {
 public:
  virtual ~ReliefStore() = default;

  /// Stores a complaint under a fresh case number from `case_number` (asked again on the rare clash); as stored.
  virtual ComplaintRecord create_complaint(const ComplaintRecord& complaint,
                                           const std::function<std::string()>& case_number) = 0;
  /// One complaint by case number.
  virtual std::optional<ComplaintRecord> find_complaint(std::string_view case_no) = 0;
  /// A person's complaints, newest first.
  virtual std::vector<ComplaintRecord> user_complaints(UserId user) = 0;
  /// Complaints handled in a subtree, oldest first, optionally in one state.
  virtual std::vector<ComplaintRecord> subtree_complaints(UnionSubtree subtree, std::optional<ComplaintStatus> status,
                                                          std::size_t limit) = 0;
  /// The first reply (submitted → replied).
  virtual StepResult reply_complaint(std::string_view case_no, std::string_view reply_sealed, UserId staff,
                                     UtcSeconds now) = 0;
  /// Closed by staff after the reply (replied → closed).
  virtual StepResult close_complaint(std::string_view case_no, UtcSeconds now) = 0;
  /// The worker's rating, once, after the reply (replied → closed).
  virtual StepResult rate_complaint(std::string_view case_no, UserId user, std::int64_t rating,
                                    std::string_view comment, UtcSeconds now) = 0;

  /// Stores an application unless the person has an open one (nothing then).
  virtual std::optional<HardshipRecord> create_hardship(const HardshipRecord& application,
                                                        const std::function<std::string()>& case_number) = 0;
  /// One application by case number.
  virtual std::optional<HardshipRecord> find_hardship(std::string_view case_no) = 0;
  /// A person's applications, newest first.
  virtual std::vector<HardshipRecord> user_hardships(UserId user) = 0;
  /// Applications of the members of a subtree's unions, oldest first, optionally in one state.
  virtual std::vector<HardshipRecord> subtree_hardships(UnionSubtree subtree, std::optional<HardshipStatus> status,
                                                        std::size_t limit) = 0;
  /// Takes one step, conditional on the state it applies to.
  virtual StepResult step_hardship(const HardshipStep& step) = 0;
  /// Deletes the person's own application while it waits for its check (facts and all); false otherwise.
  virtual bool withdraw_hardship(std::string_view case_no, UserId user) = 0;
  /// Records the yearly re-check of aided household (aided only).
  virtual StepResult recheck_hardship(std::string_view case_no, UtcSeconds now) = 0;
  /// Approved and aided applications decided since `since`, newest first (the public notice).
  virtual std::vector<HardshipRecord> approved_hardships(UtcSeconds since, std::size_t limit) = 0;
};

}  // namespace gongyou::server
