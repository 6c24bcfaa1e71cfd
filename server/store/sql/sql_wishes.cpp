// server/store/sql/sql_wishes.cpp — SqlStore's micro-wishes (store/wish_store.h).
//
// [SECTION] Rows       reading a wish
// [SECTION] Wishes     written under the per-person limit, one, listed
// [SECTION] Decisions  vetted once, claimed once, handed over once, thanked once
// [SECTION] Figures    the wall's counts, demo data
//
// Every decision is one conditional UPDATE on the wish's state: of concurrent claims exactly one changes the row,
// on both databases (PostgreSQL READ COMMITTED re-reads the row a blocked UPDATE waited for and finds it claimed).
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Rows

constexpr const char* kWishColumns =
    "w.id, w.union_id, w.town_id, w.user_id, w.display_name, w.category, w.title, w.story, w.estimated_yuan, "
    "w.status, w.reason, w.thanks, w.created_at, w.reviewed_at, w.claimed_at, w.fulfilled_at, w.claimant_id, "
    "COALESCE(c.display_name, ''), w.wisher_phone_sealed, w.claimant_phone_sealed, w.claimant_note";

constexpr const char* kWishFrom = " FROM wishes w LEFT JOIN users c ON c.id = w.claimant_id";

WishRecord read_wish(const Statement& row) {
  WishRecord w;
  w.id = row.column_id<WishId>(0);
  w.union_id = row.column_id<UnionId>(1);
  w.town_id = row.column_id<UnionId>(2);
  w.user = row.column_id<UserId>(3);
  w.display_name = row.column_text(4);
  w.category = parse_wish_category(row.column_text(5)).value_or(WishCategory::other);
  w.title = row.column_text(6);
  w.story = row.column_text(7);
  w.estimated_yuan = row.column_int(8);
  w.status = parse_wish_status(row.column_text(9)).value_or(WishStatus::pending);
  w.reason = row.column_text(10);
  w.thanks = row.column_text(11);
  w.created_at = UtcSeconds{row.column_int(12)};
  if (!row.column_is_null(13)) w.reviewed_at = UtcSeconds{row.column_int(13)};
  if (!row.column_is_null(14)) w.claimed_at = UtcSeconds{row.column_int(14)};
  if (!row.column_is_null(15)) w.fulfilled_at = UtcSeconds{row.column_int(15)};
  if (!row.column_is_null(16)) w.claimant = row.column_id<UserId>(16);
  w.claimant_display_name = row.column_text(17);
  if (!row.column_is_null(18)) w.wisher_phone_sealed = row.column_blob(18);
  if (!row.column_is_null(19)) w.claimant_phone_sealed = row.column_blob(19);
  w.claimant_note = row.column_text(20);
  return w;
}

std::optional<WishRecord> wish_on(Connection& connection, WishId id) {
  auto query = connection.cached(std::string("SELECT ") + kWishColumns + kWishFrom + " WHERE w.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_wish(*query);
}

/// The outcome of a conditional UPDATE just run: done when it changed the row, else what the row's state says.
WishChangeOutcome after_change(Connection& writer, WishId id, bool changed) {
  auto wish = wish_on(writer, id);
  if (!wish) return {WishChange::not_found, std::nullopt};
  return {changed ? WishChange::done : WishChange::conflict, std::move(wish)};
}

}  // namespace

// [SECTION] Wishes

NewWishOutcome SqlStore::create_wish(const NewWish& w) {
  return write([&](Connection& writer) -> NewWishOutcome {
    auto count = writer.cached(
        "SELECT COUNT(*) FROM wishes WHERE user_id = ?1 AND status IN ('pending', 'open', 'claimed')");
    count->bind(1, w.user);
    if (count->step() && count->column_int(0) >= kOpenWishesPerPerson) return {NewWishResult::limit, std::nullopt};
    count->reset();
    // The wisher's phone is copied sealed from their profile: the API never holds it in clear.
    auto insert = writer.cached(
        "INSERT INTO wishes (union_id, town_id, user_id, display_name, category, title, story, estimated_yuan, "
        "created_at, wisher_phone_sealed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "(SELECT phone_sealed FROM member_profiles WHERE user_id = ?3)) RETURNING id");
    insert->bind(1, w.union_id);
    insert->bind(2, w.town_id);
    insert->bind(3, w.user);
    insert->bind(4, w.display_name);
    insert->bind(5, wish_category_name(w.category));
    insert->bind(6, w.title);
    insert->bind(7, w.story);
    insert->bind(8, w.estimated_yuan);
    insert->bind(9, w.now.value);
    insert->step();
    const auto id = insert->column_id<WishId>(0);
    insert->reset();
    return {NewWishResult::created, wish_on(writer, id)};
  });
}

std::optional<WishRecord> SqlStore::find_wish(WishId id) {
  auto connection = borrow();
  return wish_on(*connection, id);
}

std::vector<WishRecord> SqlStore::list_wishes(const WishQuery& q) {
  // Every filter is a parameter that is NULL when unused, so that one cached statement serves every query.
  std::string sql = std::string("SELECT ") + kWishColumns + kWishFrom +
                    " JOIN unions u ON u.id = w.union_id WHERE (CAST(?1 AS TEXT) IS NULL OR w.status = ?1) AND "
                    "(CAST(?2 AS BIGINT) IS NULL OR w.town_id = ?2) AND (CAST(?3 AS TEXT) IS NULL OR w.category = ?3) AND "
                    "(CAST(?4 AS BIGINT) IS NULL OR w.user_id = ?4) AND (CAST(?5 AS BIGINT) IS NULL OR w.claimant_id = ?5) AND "
                    "(CAST(?6 AS BIGINT) IS NULL OR u.tree_first BETWEEN ?6 AND ?7)";
  sql += q.oldest_first ? " ORDER BY w.id" : " ORDER BY w.id DESC";
  sql += " LIMIT ?8 OFFSET ?9";
  auto connection = borrow();
  auto query = (*connection).cached(sql);
  if (q.status) query->bind(1, wish_status_name(*q.status)); else query->bind_null(1);
  if (q.town) query->bind(2, *q.town); else query->bind_null(2);
  if (q.category) query->bind(3, wish_category_name(*q.category)); else query->bind_null(3);
  if (q.wisher) query->bind(4, *q.wisher); else query->bind_null(4);
  if (q.claimant) query->bind(5, *q.claimant); else query->bind_null(5);
  if (q.subtree) {
    query->bind(6, q.subtree->first);
    query->bind(7, q.subtree->second);
  } else {
    query->bind_null(6);
    query->bind_null(7);
  }
  query->bind(8, static_cast<std::int64_t>(q.limit + 1));
  query->bind(9, static_cast<std::int64_t>(q.offset));
  std::vector<WishRecord> out;
  while (query->step()) out.push_back(read_wish(*query));
  return out;
}

// [SECTION] Decisions

WishChangeOutcome SqlStore::review_wish(WishId id, WishDecision decision, std::string_view reason, UserId staff,
                                        UtcSeconds now) {
  return write_locking([&](Connection& writer) -> WishChangeOutcome {
    auto update = writer.cached(
        "UPDATE wishes SET status = ?2, reason = ?3, reviewed_at = ?4, reviewed_by = ?5 "
        "WHERE id = ?1 AND status = 'pending'");
    update->bind(1, id);
    update->bind(2, std::string_view(decision == WishDecision::approve ? "open" : "rejected"));
    update->bind(3, decision == WishDecision::approve ? std::string_view("") : reason);
    update->bind(4, now.value);
    update->bind(5, staff);
    update->step();
    return after_change(writer, id, writer.changes() == 1);
  });
}

WishChangeOutcome SqlStore::claim_wish(const ClaimRequest& claim) {
  return write_locking([&](Connection& writer) -> WishChangeOutcome {
    // The state is in the WHERE: of concurrent claims only the first finds the wish open. Its wisher never does.
    auto update = writer.cached(
        "UPDATE wishes SET status = 'claimed', claimant_id = ?2, claimed_at = ?3, claimant_note = ?4, "
        "claimant_phone_sealed = COALESCE(?5, (SELECT phone_sealed FROM member_profiles WHERE user_id = ?2)) "
        "WHERE id = ?1 AND status = 'open' AND user_id <> ?2");
    update->bind(1, claim.wish);
    update->bind(2, claim.claimant);
    update->bind(3, claim.now.value);
    update->bind(4, claim.note);
    if (claim.claimant_phone_sealed.empty()) update->bind_null(5); else update->bind_blob(5, claim.claimant_phone_sealed);
    update->step();
    WishChangeOutcome outcome = after_change(writer, claim.wish, writer.changes() == 1);
    if (outcome.result == WishChange::conflict) {
      if (outcome.wish->user == claim.claimant) outcome.result = WishChange::own_wish;
      else if (outcome.wish->status == WishStatus::claimed || outcome.wish->status == WishStatus::fulfilled)
        outcome.result = WishChange::already_claimed;
    }
    return outcome;
  });
}

WishChangeOutcome SqlStore::fulfil_wish(WishId id, UserId staff, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> WishChangeOutcome {
    auto update = writer.cached(
        "UPDATE wishes SET status = 'fulfilled', fulfilled_at = ?2, fulfilled_by = ?3 WHERE id = ?1 AND "
        "status = 'claimed'");
    update->bind(1, id);
    update->bind(2, now.value);
    update->bind(3, staff);
    update->step();
    return after_change(writer, id, writer.changes() == 1);
  });
}

WishChangeOutcome SqlStore::thank_wish(WishId id, UserId wisher, std::string_view thanks) {
  return write_locking([&](Connection& writer) -> WishChangeOutcome {
    auto update = writer.cached(
        "UPDATE wishes SET thanks = ?3 WHERE id = ?1 AND user_id = ?2 AND status = 'fulfilled' AND thanks = ''");
    update->bind(1, id);
    update->bind(2, wisher);
    update->bind(3, thanks);
    update->step();
    return after_change(writer, id, writer.changes() == 1);
  });
}

// [SECTION] Figures

WishFigures SqlStore::wish_figures() {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT COUNT(DISTINCT CASE WHEN status = 'fulfilled' THEN user_id END), "
                           "COALESCE(SUM(CASE WHEN status = 'fulfilled' THEN 1 ELSE 0 END), 0), "
                           "COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0) FROM wishes");
  WishFigures f;
  if (query->step()) {
    f.workers_helped = query->column_int(0);
    f.wishes_fulfilled = query->column_int(1);
    f.open = query->column_int(2);
  }
  return f;
}

std::size_t SqlStore::seed_wishes(std::span<const SeedWish> wishes) {
  return write([&](Connection& writer) -> std::size_t {
    std::size_t stored = 0;
    for (const SeedWish& s : wishes) {
      const NewWish& w = s.wish;
      const bool reviewed = s.status != WishStatus::pending;
      const bool claimed = s.status == WishStatus::claimed || s.status == WishStatus::fulfilled;
      auto insert = writer.cached(
          "INSERT INTO wishes (union_id, town_id, user_id, display_name, category, title, story, estimated_yuan, "
          "status, reason, thanks, wisher_phone_sealed, claimant_id, claimant_phone_sealed, created_at, "
          "reviewed_at, reviewed_by, claimed_at, fulfilled_at, fulfilled_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
      insert->bind(1, w.union_id);
      insert->bind(2, w.town_id);
      insert->bind(3, w.user);
      insert->bind(4, w.display_name);
      insert->bind(5, wish_category_name(w.category));
      insert->bind(6, w.title);
      insert->bind(7, w.story);
      insert->bind(8, w.estimated_yuan);
      insert->bind(9, wish_status_name(s.status));
      insert->bind(10, s.reason);
      insert->bind(11, s.thanks);
      if (s.wisher_phone_sealed.empty()) insert->bind_null(12); else insert->bind_blob(12, s.wisher_phone_sealed);
      if (claimed) insert->bind(13, s.claimant); else insert->bind_null(13);
      if (claimed && !s.claimant_phone_sealed.empty()) insert->bind_blob(14, s.claimant_phone_sealed);
      else insert->bind_null(14);
      insert->bind(15, w.now.value);
      if (reviewed) {
        insert->bind(16, w.now.value + 86400);
        insert->bind(17, s.reviewer);
      } else {
        insert->bind_null(16);
        insert->bind_null(17);
      }
      if (claimed) insert->bind(18, w.now.value + 3 * 86400); else insert->bind_null(18);
      if (s.status == WishStatus::fulfilled) {
        insert->bind(19, w.now.value + 10 * 86400);
        insert->bind(20, s.reviewer);
      } else {
        insert->bind_null(19);
        insert->bind_null(20);
      }
      insert->step();
      insert->reset();
      ++stored;
    }
    return stored;
  });
}

}  // namespace gongyou::server::sql
