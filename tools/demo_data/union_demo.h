// tools/demo_data/union_demo.h — the demo union organisations of Hui'an (惠安县总工会: towns, parks, industry unions,
// villages and communities, 324 grassroots unions, seed 004) and of Dingxi (定西市总工会: 安定区 and six counties with
// their 小三级 unions and the five new industry unions of 安定区, seed 003), with fictitious members (valid GB 11643
// check characters, never real people's numbers) and the staff accounts of services.md "Demo data". Deterministic.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/membership.h"

namespace gongyou::demo {

/// One organisation of the tree. Keys run 1..N in the order of the list, parents before their children, so a
/// store that inserts them in order into an empty table gives each the id equal to its key.
struct DemoUnion {
  int key = 0;
  int parent_key = 0;  ///< 0 for a root (a federation)
  std::string name;  ///< e.g. "惠安县总工会", "螺城镇总工会", "惠安县快递行业工会联合会", "福建惠安某石材有限公司工会"
  UnionLevel level = UnionLevel::grassroots;  ///< Dingxi's district and county federations (安定区总工会 …) are `town`
  std::string region;                         ///< "huian" or "dingxi"
};

/// Every demo union: Hui'an's tree first (its federation is key 1), then Dingxi's (its federation is a second root).
const std::vector<DemoUnion>& demo_unions();

/// A fictitious member of a Hui'an grassroots union.
struct DemoMember {
  std::string username;      ///< ASCII, unique, e.g. "member00042"
  std::string display_name;  ///< the real name
  std::string real_name;     ///< two or three Chinese characters
  std::string id_number;     ///< 18 characters, region 3505xx, born 1966–2006, a valid check character; unique
  std::string phone;         ///< 11 digits starting with 1; unique
  int union_key = 0;         ///< a grassroots union of Hui'an
  bool verified = false;     ///< about 91.68 % are (Laixi's rate, seed 001)
};

/// `count` members spread over Hui'an's grassroots unions; the same list for the same count and seed, and the
/// first n of a longer list are the list of n.
std::vector<DemoMember> demo_members(std::size_t count, std::uint64_t seed = 2026);

/// How many members `--demo` loads.
inline constexpr std::size_t kDemoMemberCount = 3000;

/// A demo staff account of a union (services.md "Demo data": a town union and a grassroots union).
struct DemoStaff {
  std::string username;      ///< e.g. "luocheng_staff"
  std::string display_name;  ///< e.g. "螺城镇总工会 林干事"
  int union_key = 0;
};

/// The demo staff accounts: a Hui'an town union, a grassroots union of that town, a sibling town's union, and
/// 安定区总工会 in Dingxi. Their password is kDemoStaffPassword.
const std::vector<DemoStaff>& demo_staff();

/// The demo staff accounts' password (demo only; printed in the README).
inline constexpr const char* kDemoStaffPassword = "Staff-Pass-2026";

}  // namespace gongyou::demo
