// server/api/membership_services.cpp — see membership_services.h.
#include "server/api/membership_services.h"

#include "server/api/auth.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

StaffScope StaffScope::of(const MembershipServices& services, const User& user) {
  StaffScope scope;
  scope.unions_ = &services.unions;
  scope.everything_ = user.role == Role::admin;
  if (scope.everything_) return scope;
  for (const StaffRoleRecord& role : services.api.store.staff_roles(user.id))
    if (role.role == "union_staff" && services.unions.find(role.union_id)) scope.tops_.push_back(role.union_id);
  return scope;
}

bool StaffScope::covers(UnionId id) const {
  if (!unions_ || !unions_->find(id)) return false;
  if (everything_) return true;
  for (const UnionId top : tops_)
    if (unions_->within(id, top)) return true;
  return false;
}

std::pair<User, StaffScope> require_staff(const MembershipServices& services, const httplib::Request& req) {
  User user = require_user(services.api, req);
  StaffScope scope = StaffScope::of(services, user);
  if (!scope.any()) throw http::ApiError(403, "forbidden", "this needs a union staff account");
  return {std::move(user), std::move(scope)};
}

UnionId named_staff_union(const MembershipServices& services, const StaffScope& scope, std::optional<std::int64_t> id) {
  if (id) {
    if (!services.unions.find(UnionId{*id})) throw http::not_found("no such union");
    if (!scope.covers(UnionId{*id}))
      throw http::ApiError(403, "forbidden", "这个工会不在您的管辖范围内 / this union is outside your scope");
    return UnionId{*id};
  }
  if (!scope.everything()) return scope.tops().front();
  const auto roots = services.unions.roots();
  if (roots.empty()) throw http::not_found("no union yet");
  return roots.front()->id;
}

}  // namespace gongyou::server::api
