// server/campaigns/demo_campaigns.cpp — see demo_campaigns.h.
#include "server/campaigns/demo_campaigns.h"

#include "core/id_number.h"
#include "tools/demo_data/campaign_demo.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {

DemoCampaignCounts seed_demo_campaigns(Store& store, UtcSeconds now) {
  DemoCampaignCounts counts;
  if (!store.list_campaigns().empty()) return counts;
  const auto unions = store.all_unions();
  if (unions.empty()) return counts;
  const UnionId federation = unions.front().id;  // Hui'an's federation is the first demo union
  const auto staff = store.find_credentials(demo::demo_staff().front().username);
  if (!staff) return counts;
  const auto members = demo::demo_members(demo::kDemoMemberCount);
  const auto account = [&](std::size_t index) -> std::optional<UserId> {
    if (index >= members.size()) return std::nullopt;
    const auto found = store.find_credentials(members[index].username);
    return found ? std::optional<UserId>(found->user.id) : std::nullopt;
  };
  for (const demo::DemoCampaign& d : demo::demo_campaigns()) {
    CampaignRecord c;
    c.union_id = federation;
    c.title = d.title;
    c.theme = d.theme;
    c.starts_at = UtcSeconds{now.value + d.starts_in_hours * 3600LL};
    c.ends_at = UtcSeconds{c.starts_at.value + d.open_hours * 3600LL};
    c.members_only = d.members_only;
    c.views = d.views;
    c.created_by = staff->user.id;
    c.created_at = UtcSeconds{c.starts_at.value - 86400};
    const CampaignRecord stored = store.create_campaign(c);
    ++counts.campaigns;
    std::vector<SeedMessage> seeded;
    for (const demo::DemoMessage& m : d.messages) {
      const auto author = account(m.member);
      if (!author) continue;
      SeedMessage s;
      s.message = {stored.id, *author, mask_name(members[m.member].real_name), m.text,
                   UtcSeconds{c.starts_at.value + m.hours_after_start * 3600LL}};
      s.status = m.status;
      s.reason = m.reason;
      s.featured = m.featured;
      s.reviewer = staff->user.id;
      // Likes from the members after the writers (never the writer), the same ones on every load.
      for (int k = 0; k < m.likes; ++k)
        if (const auto liker = account(1000 + (m.member * 7 + static_cast<std::size_t>(k)) % 1500)) s.likers.push_back(*liker);
      seeded.push_back(std::move(s));
    }
    store.seed_messages(stored.id, seeded);
    counts.messages += seeded.size();
  }
  return counts;
}

}  // namespace gongyou::server
