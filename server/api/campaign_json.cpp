// server/api/campaign_json.cpp — see campaign_json.h.
#include "server/api/campaign_json.h"

#include "core/ids_json.h"

namespace gongyou::server::api {

using nlohmann::json;

json campaign_json(const CampaignRecord& c, const UnionDirectory& unions, UtcSeconds now, bool staff) {
  const UnionRecord* owner = unions.find(c.union_id);
  json out = {{"id", c.id},
              {"title", c.title},
              {"theme", c.theme},
              {"union_id", c.union_id},
              {"union_name", owner ? owner->name : std::string()},
              {"starts_at", format_iso8601(c.starts_at)},
              {"ends_at", format_iso8601(c.ends_at)},
              {"status", window_status_name(window_status(c.starts_at, c.ends_at, now))},
              {"members_only", c.members_only},
              {"views", c.views},
              {"messages", c.shown},
              {"likes", c.likes},
              {"max_chars", kMessageMaxChars},
              {"messages_per_person", kMessagesPerPerson}};
  if (staff) out["pending"] = c.pending;
  return out;
}

json message_json(const MessageRecord& m, MessageReader reader) {
  json out = {{"id", m.id},
              {"campaign_id", m.campaign},
              {"author", m.author},
              {"text", m.text},
              {"likes", m.likes},
              {"featured", m.featured},
              {"created_at", format_iso8601(m.created_at)}};
  if (reader == MessageReader::anyone) {
    out["liked"] = m.liked_by_viewer;
    return out;
  }
  out["status"] = message_status_name(m.status);
  out["reason"] = m.reason;
  if (reader == MessageReader::staff)
    out["reviewed_at"] = m.reviewed_at ? json(format_iso8601(*m.reviewed_at)) : json(nullptr);
  return out;
}

}  // namespace gongyou::server::api
