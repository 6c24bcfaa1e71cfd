// server/unions/demo_unions.cpp — see demo_unions.h.
#include "server/unions/demo_unions.h"

#include "core/id_number.h"
#include "server/unions/union_directory.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {
namespace {

/// A password hash no password matches: demo members are data for the staff screens, not accounts to use.
constexpr const char* kNoPassword = "!demo-member-no-login";

}  // namespace

DemoUnionCounts seed_demo_unions(Store& store, crypto::PasswordHasher& passwords, const crypto::MemberKey& key,
                                 UtcSeconds now, std::size_t member_count) {
  std::vector<UnionRecord> unions;
  for (const demo::DemoUnion& u : demo::demo_unions())
    unions.push_back(UnionRecord{UnionId{u.key}, u.parent_key ? std::optional(UnionId{u.parent_key}) : std::nullopt,
                                 u.name, u.level, u.region});
  unions = UnionDirectory::numbered(std::move(unions));
  DemoUnionCounts counts;
  if (!store.seed_unions(unions)) return counts;
  counts.unions = unions.size();

  std::vector<SeedMember> members;
  for (const demo::DemoMember& m : demo::demo_members(member_count))
    members.push_back(SeedMember{
        NewUser{m.username, m.display_name, kNoPassword, Role::worker, now},
        ProfileWrite{UserId{}, m.real_name, key.seal(m.id_number), key.id_hash(m.id_number),
                     mask_id_number(m.id_number), key.seal(m.phone), mask_phone(m.phone), now},
        UnionId{m.union_key}, m.verified});
  counts.members = store.seed_members(members);

  const std::string staff_hash = passwords.hash(demo::kDemoStaffPassword);
  for (const demo::DemoStaff& s : demo::demo_staff()) {
    auto user = store.create_user(NewUser{s.username, s.display_name, staff_hash, Role::worker, now});
    if (!user) continue;
    store.grant_staff(user->id, UnionId{s.union_key}, "union_staff", now);
    ++counts.staff;
  }
  return counts;
}

}  // namespace gongyou::server
