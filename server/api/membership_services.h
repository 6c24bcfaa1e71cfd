// server/api/membership_services.h — what the union, member-profile and membership endpoints share: the common
// services, the union tree, the member key and the holiday calendar of review deadlines; and who the caller may act
// for as staff (api-services.md "Roles": staff of U act for U and everything below it, admins for every union).
#pragma once
#include <httplib.h>
#include <optional>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/public_holidays.h"
#include "server/api/api_services.h"
#include "server/crypto/member_key.h"
#include "server/http/reply.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// The services behind the membership endpoints; all must outlive the router.
struct MembershipServices {
  const ApiServices& api;
  const UnionDirectory& unions;
  const crypto::MemberKey& member_key;
  HolidayCalendar holidays = china_public_holidays();
};

/// The unions a caller acts for as staff.
class StaffScope {
 public:
  /// An admin's scope (every union) or a user's union_staff roles.
  static StaffScope of(const MembershipServices& services, const User& user);
  /// True when the caller acts for at least one union.
  bool any() const { return everything_ || !tops_.empty(); }
  /// True for an admin.
  bool everything() const { return everything_; }
  /// True when the caller acts for `id` (it is at or below one of their unions).
  bool covers(UnionId id) const;
  /// The unions the caller's roles name (empty for an admin, who acts for the roots).
  const std::vector<UnionId>& tops() const { return tops_; }

 private:
  const UnionDirectory* unions_ = nullptr;
  bool everything_ = false;
  std::vector<UnionId> tops_;
};

/// The caller and their scope; 401 without a valid token, 403 forbidden when they act for no union.
std::pair<User, StaffScope> require_staff(const MembershipServices& services, const httplib::Request& req);

/// The 403 forbidden of a union outside the caller's scope.
http::ApiError outside_scope();

/// The union a staff request names (`id`), which must exist (404) and be in scope (403); without one, the caller's
/// first union (an admin's: the first federation).
UnionId named_union(const MembershipServices& services, const StaffScope& scope, std::optional<std::int64_t> id);

}  // namespace gongyou::server::api
