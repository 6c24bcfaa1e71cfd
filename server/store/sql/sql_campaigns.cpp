// server/store/sql/sql_campaigns.cpp — SqlStore's message campaigns (store/campaign_store.h).
//
// [SECTION] Rows        reading campaigns with their counts, and messages
// [SECTION] Campaigns   created, listed, one, a view counted
// [SECTION] Messages    left under the per-person limit (a unique sequence), listed by state and order, one's own
// [SECTION] Decisions   likes once per person, a review taken once, featuring
//
// Every decision is one serial write transaction with a conditional statement or a unique key behind it, so that
// concurrent requests decide it once on both databases.
#include <map>

#include "core/quiz.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Rows

/// The columns of a campaign and its counts (c is the campaigns table). Only approved messages are counted as shown
/// and only their likes as the campaign's: a message taken down stops counting anywhere the public sees.
constexpr const char* kCampaignColumns =
    "c.id, c.union_id, c.title, c.theme, c.starts_at, c.ends_at, c.members_only, c.views, c.created_by, "
    "c.created_at, (SELECT COUNT(*) FROM campaign_messages m WHERE m.campaign_id = c.id AND m.status = 'approved'), "
    "(SELECT COUNT(*) FROM campaign_messages m WHERE m.campaign_id = c.id AND m.status = 'pending'), "
    "(SELECT COALESCE(SUM(m.likes), 0) FROM campaign_messages m WHERE m.campaign_id = c.id AND "
    "m.status = 'approved')";

CampaignRecord read_campaign(const Statement& row) {
  CampaignRecord c;
  c.id = row.column_id<CampaignId>(0);
  c.union_id = row.column_id<UnionId>(1);
  c.title = row.column_text(2);
  c.theme = row.column_text(3);
  c.starts_at = UtcSeconds{row.column_int(4)};
  c.ends_at = UtcSeconds{row.column_int(5)};
  c.members_only = row.column_int(6) != 0;
  c.views = row.column_int(7);
  c.created_by = row.column_id<UserId>(8);
  c.created_at = UtcSeconds{row.column_int(9)};
  c.shown = row.column_int(10);
  c.pending = row.column_int(11);
  c.likes = row.column_int(12);
  return c;
}

std::optional<CampaignRecord> campaign_on(Connection& connection, CampaignId id) {
  auto query = connection.cached(std::string("SELECT ") + kCampaignColumns + " FROM campaigns c WHERE c.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_campaign(*query);
}

/// The columns of a message (m) and whether the viewer ?V likes it: callers put the viewer's parameter number in.
std::string message_columns(int viewer_parameter) {
  return "m.id, m.campaign_id, m.user_id, m.author, m.text, m.status, m.reason, m.featured, m.likes, m.created_at, "
         "m.reviewed_at, CASE WHEN EXISTS (SELECT 1 FROM campaign_likes l WHERE l.message_id = m.id AND l.user_id = ?" +
         std::to_string(viewer_parameter) + ") THEN 1 ELSE 0 END";
}

MessageRecord read_message(const Statement& row) {
  MessageRecord m;
  m.id = row.column_id<CampaignMessageId>(0);
  m.campaign = row.column_id<CampaignId>(1);
  m.user = row.column_id<UserId>(2);
  m.author = row.column_text(3);
  m.text = row.column_text(4);
  m.status = parse_message_status(row.column_text(5)).value_or(MessageStatus::pending);
  m.reason = row.column_text(6);
  m.featured = row.column_int(7) != 0;
  m.likes = row.column_int(8);
  m.created_at = UtcSeconds{row.column_int(9)};
  if (!row.column_is_null(10)) m.reviewed_at = UtcSeconds{row.column_int(10)};
  m.liked_by_viewer = row.column_int(11) != 0;
  return m;
}

std::optional<MessageRecord> message_on(Connection& connection, CampaignMessageId id, UserId viewer) {
  auto query = connection.cached("SELECT " + message_columns(2) + " FROM campaign_messages m WHERE m.id = ?1");
  query->bind(1, id);
  query->bind(2, viewer);
  if (!query->step()) return std::nullopt;
  return read_message(*query);
}

/// The ORDER BY of a listing order; ids break every tie, newest first.
const char* order_by(MessageOrder order) {
  switch (order) {
    case MessageOrder::featured: return " ORDER BY m.featured DESC, m.likes DESC, m.id DESC";
    case MessageOrder::newest: return " ORDER BY m.id DESC";
    case MessageOrder::liked: return " ORDER BY m.likes DESC, m.id DESC";
    case MessageOrder::oldest: return " ORDER BY m.id";
  }
  return " ORDER BY m.id DESC";
}

}  // namespace

// [SECTION] Campaigns

CampaignRecord SqlStore::create_campaign(const CampaignRecord& c) {
  return write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO campaigns (union_id, title, theme, starts_at, ends_at, members_only, created_by, created_at, "
        "views) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    insert->bind(1, c.union_id);
    insert->bind(2, c.title);
    insert->bind(3, c.theme);
    insert->bind(4, c.starts_at.value);
    insert->bind(5, c.ends_at.value);
    insert->bind(6, c.members_only ? 1 : 0);
    insert->bind(7, c.created_by);
    insert->bind(8, c.created_at.value);
    insert->bind(9, c.views);
    insert->step();
    const auto id = insert->column_id<CampaignId>(0);
    return *campaign_on(writer, id);
  });
}

std::vector<CampaignRecord> SqlStore::list_campaigns() {
  auto connection = borrow();
  auto query = (*connection).cached(std::string("SELECT ") + kCampaignColumns +
                                    " FROM campaigns c ORDER BY c.ends_at DESC, c.id DESC");
  std::vector<CampaignRecord> out;
  while (query->step()) out.push_back(read_campaign(*query));
  return out;
}

std::optional<CampaignRecord> SqlStore::find_campaign(CampaignId id) {
  auto connection = borrow();
  return campaign_on(*connection, id);
}

std::int64_t SqlStore::count_view(CampaignId id, UserId viewer, UtcSeconds now) {
  return write([&](Connection& writer) -> std::int64_t {
    bool counts = true;
    if (viewer.value) {
      auto seen = writer.cached(
          "INSERT INTO campaign_views (campaign_id, user_id, day) VALUES (?1, ?2, ?3) "
          "ON CONFLICT (campaign_id, user_id, day) DO NOTHING");
      seen->bind(1, id);
      seen->bind(2, viewer);
      seen->bind(3, attempt_day(now));
      seen->step();
      counts = writer.changes() == 1;
    }
    if (counts) {
      auto add = writer.cached("UPDATE campaigns SET views = views + 1 WHERE id = ?1");
      add->bind(1, id);
      add->step();
    }
    auto read = writer.cached("SELECT views FROM campaigns WHERE id = ?1");
    read->bind(1, id);
    return read->step() ? read->column_int(0) : 0;
  });
}

// [SECTION] Messages

PostOutcome SqlStore::post_message(const NewMessage& m) {
  return write([&](Connection& writer) -> PostOutcome {
    const auto campaign = campaign_on(writer, m.campaign);
    if (!campaign) return {PostResult::not_found, std::nullopt};
    if (window_status(campaign->starts_at, campaign->ends_at, m.now) != WindowStatus::open)
      return {PostResult::not_open, std::nullopt};
    std::int64_t used = 0;
    {
      auto count = writer.cached("SELECT COUNT(*) FROM campaign_messages WHERE campaign_id = ?1 AND user_id = ?2");
      count->bind(1, m.campaign);
      count->bind(2, m.user);
      if (count->step()) used = count->column_int(0);
    }
    // (campaign, user, seq) is unique: of two posts that both counted `used`, one takes the next number and the
    // other the one after it, never past the limit.
    CampaignMessageId id;
    for (std::int64_t seq = used + 1; seq <= kMessagesPerPerson && !id.value; ++seq) {
      auto insert = writer.cached(
          "INSERT INTO campaign_messages (campaign_id, user_id, seq, author, text, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (campaign_id, user_id, seq) DO NOTHING RETURNING id");
      insert->bind(1, m.campaign);
      insert->bind(2, m.user);
      insert->bind(3, seq);
      insert->bind(4, m.author);
      insert->bind(5, m.text);
      insert->bind(6, m.now.value);
      if (insert->step()) id = insert->column_id<CampaignMessageId>(0);
    }
    if (!id.value) return {PostResult::limit, std::nullopt};
    return {PostResult::posted, message_on(writer, id, m.user)};
  });
}

std::optional<MessageRecord> SqlStore::find_message(CampaignMessageId id) {
  auto connection = borrow();
  return message_on(*connection, id, UserId{});
}

std::vector<MessageRecord> SqlStore::list_messages(const MessageQuery& q) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT " + message_columns(3) +
                           " FROM campaign_messages m WHERE m.campaign_id = ?1 AND m.status = ?2" + order_by(q.order) +
                           " LIMIT ?4 OFFSET ?5");
  query->bind(1, q.campaign);
  query->bind(2, message_status_name(q.status));
  query->bind(3, q.viewer);
  query->bind(4, static_cast<std::int64_t>(q.limit + 1));
  query->bind(5, static_cast<std::int64_t>(q.offset));
  std::vector<MessageRecord> out;
  while (query->step()) out.push_back(read_message(*query));
  return out;
}

std::vector<MessageRecord> SqlStore::user_messages(CampaignId campaign, UserId user) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT " + message_columns(2) +
                           " FROM campaign_messages m WHERE m.campaign_id = ?1 AND m.user_id = ?2 ORDER BY m.id DESC");
  query->bind(1, campaign);
  query->bind(2, user);
  std::vector<MessageRecord> out;
  while (query->step()) out.push_back(read_message(*query));
  return out;
}

// [SECTION] Decisions

LikeOutcome SqlStore::set_like(CampaignMessageId id, UserId user, bool like, UtcSeconds now) {
  return write([&](Connection& writer) -> LikeOutcome {
    const auto message = message_on(writer, id, user);
    if (!message || message->status != MessageStatus::approved) return {};
    if (like != message->liked_by_viewer) {
      // The like's primary key decides; the count moves only with a row that was really added or removed.
      if (like) {
        auto insert = writer.cached(
            "INSERT INTO campaign_likes (message_id, user_id, created_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (message_id, user_id) DO NOTHING");
        insert->bind(1, id);
        insert->bind(2, user);
        insert->bind(3, now.value);
        insert->step();
      } else {
        auto remove = writer.cached("DELETE FROM campaign_likes WHERE message_id = ?1 AND user_id = ?2");
        remove->bind(1, id);
        remove->bind(2, user);
        remove->step();
      }
      if (writer.changes() == 1) {
        auto count = writer.cached(like ? "UPDATE campaign_messages SET likes = likes + 1 WHERE id = ?1"
                                        : "UPDATE campaign_messages SET likes = likes - 1 WHERE id = ?1 AND likes > 0");
        count->bind(1, id);
        count->step();
      }
    }
    const auto after = message_on(writer, id, user);
    return {true, after->liked_by_viewer, after->likes};
  });
}

ReviewOutcome SqlStore::review_message(CampaignMessageId id, MessageDecision decision, std::string_view reason,
                                       UserId staff, UtcSeconds now) {
  return write([&](Connection& writer) -> ReviewOutcome {
    if (!message_on(writer, id, UserId{})) return {ReviewResult::not_found, std::nullopt};
    // The state the decision applies to is in the WHERE: of two reviews only one finds it there.
    auto update = writer.cached(
        decision == MessageDecision::approve
            ? "UPDATE campaign_messages SET status = 'approved', reason = '', reviewed_at = ?2, reviewed_by = ?3 "
              "WHERE id = ?1 AND status = ?4"
            : "UPDATE campaign_messages SET status = 'rejected', featured = 0, reason = ?5, reviewed_at = ?2, "
              "reviewed_by = ?3 WHERE id = ?1 AND status = ?4");
    update->bind(1, id);
    update->bind(2, now.value);
    update->bind(3, staff);
    update->bind(4, message_status_name(decision == MessageDecision::take_down ? MessageStatus::approved
                                                                                : MessageStatus::pending));
    if (decision != MessageDecision::approve) update->bind(5, reason);
    update->step();
    const bool done = writer.changes() == 1;
    return {done ? ReviewResult::done : ReviewResult::conflict, message_on(writer, id, UserId{})};
  });
}

ReviewOutcome SqlStore::feature_message(CampaignMessageId id, bool featured) {
  return write([&](Connection& writer) -> ReviewOutcome {
    if (!message_on(writer, id, UserId{})) return {ReviewResult::not_found, std::nullopt};
    auto update =
        writer.cached("UPDATE campaign_messages SET featured = ?2 WHERE id = ?1 AND status = 'approved'");
    update->bind(1, id);
    update->bind(2, featured ? 1 : 0);
    update->step();
    const bool done = writer.changes() == 1;
    return {done ? ReviewResult::done : ReviewResult::conflict, message_on(writer, id, UserId{})};
  });
}

void SqlStore::seed_messages(CampaignId campaign, std::span<const SeedMessage> messages) {
  write([&](Connection& writer) {
    std::map<std::int64_t, std::int64_t> seq;  // per person, as post_message() numbers them
    for (const SeedMessage& seeded : messages) {
      const NewMessage& m = seeded.message;
      auto insert = writer.cached(
          "INSERT INTO campaign_messages (campaign_id, user_id, seq, author, text, status, reason, featured, likes, "
          "created_at, reviewed_at, reviewed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
          "RETURNING id");
      insert->bind(1, campaign);
      insert->bind(2, m.user);
      insert->bind(3, ++seq[m.user.value]);
      insert->bind(4, m.author);
      insert->bind(5, m.text);
      insert->bind(6, message_status_name(seeded.status));
      insert->bind(7, seeded.reason);
      insert->bind(8, seeded.featured ? 1 : 0);
      insert->bind(9, static_cast<std::int64_t>(seeded.likers.size()));
      insert->bind(10, m.now.value);
      if (seeded.status == MessageStatus::pending) {
        insert->bind_null(11);
        insert->bind_null(12);
      } else {
        insert->bind(11, m.now.value + 3600);
        insert->bind(12, seeded.reviewer);
      }
      insert->step();
      const auto id = insert->column_id<CampaignMessageId>(0);
      insert->reset();
      for (const UserId liker : seeded.likers) {
        auto like = writer.cached("INSERT INTO campaign_likes (message_id, user_id, created_at) VALUES (?1, ?2, ?3)");
        like->bind(1, id);
        like->bind(2, liker);
        like->bind(3, m.now.value + 7200);
        like->step();
      }
    }
  });
}

}  // namespace gongyou::server::sql
