// server/store/sql/sql_membership.cpp — SqlStore's real-name profiles and membership applications
// (store/membership_store.h). Every decision that counts — one pending application per person, one decision per
// side, the member moved once — is taken in one serial write transaction and backed by a unique key
// (applications_one_pending, the decisions' primary key), so concurrent requests decide it once.
#include "server/store/sql/sql_store.h"

#include <span>
#include <unordered_map>

namespace gongyou::server::sql {
namespace {

constexpr const char* kProfileColumns =
    "p.user_id, u.username, p.real_name, p.id_masked, p.phone_masked, p.consent_at, p.verified_at, p.union_id, "
    "p.member_since";

MemberProfileRecord read_profile(const Statement& row) {
  MemberProfileRecord p;
  p.user = row.column_id<UserId>(0);
  p.username = row.column_text(1);
  p.real_name = row.column_text(2);
  p.id_masked = row.column_text(3);
  p.phone_masked = row.column_text(4);
  p.consent_at = UtcSeconds{row.column_int(5)};
  if (!row.column_is_null(6)) p.verified_at = UtcSeconds{row.column_int(6)};
  if (!row.column_is_null(7)) p.union_id = row.column_id<UnionId>(7);
  if (!row.column_is_null(8)) p.member_since = UtcSeconds{row.column_int(8)};
  return p;
}

constexpr const char* kApplicationColumns =
    "a.id, a.user_id, a.kind, a.status, a.union_id, a.from_union_id, a.reason, a.created_at, a.due_by, a.decided_at";

ApplicationRecord read_application(const Statement& row) {
  ApplicationRecord a;
  a.id = row.column_id<ApplicationId>(0);
  a.user = row.column_id<UserId>(1);
  a.kind = parse_membership_kind(row.column_text(2)).value_or(MembershipKind::join);
  a.status = parse_application_status(row.column_text(3)).value_or(ApplicationStatus::pending);
  a.union_id = row.column_id<UnionId>(4);
  if (!row.column_is_null(5)) a.from_union = row.column_id<UnionId>(5);
  a.reason = row.column_text(6);
  a.created_at = UtcSeconds{row.column_int(7)};
  a.due_by = UtcSeconds{row.column_int(8)};
  if (!row.column_is_null(9)) a.decided_at = UtcSeconds{row.column_int(9)};
  return a;
}

/// Fills in the decisions of an application.
void load_decisions(Connection& connection, ApplicationRecord& application) {
  auto query = connection.cached(
      "SELECT union_id, decision, reason, staff_id, at FROM application_decisions WHERE application_id = ?1 "
      "ORDER BY at, union_id");
  query->bind(1, application.id);
  application.decisions.clear();
  while (query->step())
    application.decisions.push_back({query->column_id<UnionId>(0), query->column_text(1) == "approve",
                                     query->column_text(2), query->column_id<UserId>(3),
                                     UtcSeconds{query->column_int(4)}});
}

/// Fills in the decisions of many applications with one query (the staff queue's page).
void load_decisions(Connection& connection, std::span<ApplicationRecord* const> applications) {
  if (applications.empty()) return;
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, ApplicationRecord*> by_id;
  for (ApplicationRecord* a : applications) {
    ids.push_back(a->id.value);
    by_id[a->id.value] = a;
    a->decisions.clear();
  }
  const Dialect& dialect = connection.dialect();
  auto query = connection.cached("SELECT application_id, union_id, decision, reason, staff_id, at "
                                 "FROM application_decisions WHERE " +
                                 dialect.in_int_list("application_id", 1) + " ORDER BY at, union_id");
  query->bind(1, dialect.int_list(ids));
  while (query->step())
    by_id.at(query->column_int(0))
        ->decisions.push_back({query->column_id<UnionId>(1), query->column_text(2) == "approve",
                               query->column_text(3), query->column_id<UserId>(4), UtcSeconds{query->column_int(5)}});
}

std::optional<ApplicationRecord> load_application(Connection& connection, ApplicationId id, bool lock = false) {
  auto query = connection.cached(std::string("SELECT ") + kApplicationColumns +
                                 " FROM membership_applications a WHERE a.id = ?1" +
                                 (lock ? connection.dialect().for_update() : ""));
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  ApplicationRecord application = read_application(*query);
  load_decisions(connection, application);
  return application;
}

std::optional<MemberProfileRecord> profile_on(Connection& connection, UserId user) {
  auto query = connection.cached(std::string("SELECT ") + kProfileColumns +
                                 " FROM member_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = ?1");
  query->bind(1, user);
  if (!query->step()) return std::nullopt;
  return read_profile(*query);
}

std::string union_name(Connection& connection, UnionId id) {
  auto query = connection.cached("SELECT name FROM unions WHERE id = ?1");
  query->bind(1, id);
  return query->step() ? query->column_text(0) : std::string();
}

/// The text of the notification that an application ended.
std::string decision_message(Connection& connection, const ApplicationRecord& a) {
  const std::string target = union_name(connection, a.union_id);
  const char* what = a.kind == MembershipKind::join ? "入会申请" : "转会申请";
  if (a.status == ApplicationStatus::approved)
    return std::string("您加入“") + target + "”的" + what + "已通过。";
  std::string reason;
  for (const ApplicationDecisionRecord& d : a.decisions)
    if (!d.approve) reason = d.reason;
  return std::string("您加入“") + target + "”的" + what + "未通过：" + reason;
}

}  // namespace

ProfileWriteResult SqlStore::put_profile(const ProfileWrite& profile) {
  return write([&](Connection& writer) {
    {
      auto taken = writer.cached("SELECT user_id FROM member_profiles WHERE id_hash = ?1");
      taken->bind_blob(1, profile.id_hash);
      if (taken->step() && taken->column_id<UserId>(0) != profile.user) return ProfileWriteResult::conflict;
    }
    // A correction of the name or the number undoes the verification: staff compare the card again.
    auto upsert = writer.cached(
        "INSERT INTO member_profiles (user_id, real_name, id_sealed, id_hash, id_masked, phone_sealed, phone_masked, "
        "consent_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
        "ON CONFLICT (user_id) DO UPDATE SET "
        "verified_at = CASE WHEN member_profiles.real_name = excluded.real_name AND "
        "member_profiles.id_hash = excluded.id_hash THEN member_profiles.verified_at ELSE NULL END, "
        "verified_by = CASE WHEN member_profiles.real_name = excluded.real_name AND "
        "member_profiles.id_hash = excluded.id_hash THEN member_profiles.verified_by ELSE NULL END, "
        "real_name = excluded.real_name, id_sealed = excluded.id_sealed, id_hash = excluded.id_hash, "
        "id_masked = excluded.id_masked, phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked, "
        "updated_at = excluded.updated_at");
    upsert->bind(1, profile.user);
    upsert->bind(2, profile.real_name);
    upsert->bind_blob(3, profile.id_sealed);
    upsert->bind_blob(4, profile.id_hash);
    upsert->bind(5, profile.id_masked);
    upsert->bind_blob(6, profile.phone_sealed);
    upsert->bind(7, profile.phone_masked);
    upsert->bind(8, profile.now.value);
    upsert->step();
    return ProfileWriteResult::saved;
  });
}

std::optional<MemberProfileRecord> SqlStore::find_profile(UserId user) {
  auto connection = borrow();
  return profile_on(*connection, user);
}

bool SqlStore::delete_profile(UserId user, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto withdraw = writer.cached(
        "UPDATE membership_applications SET status = 'withdrawn', decided_at = ?2 "
        "WHERE user_id = ?1 AND status = 'pending'");
    withdraw->bind(1, user);
    withdraw->bind(2, now.value);
    withdraw->step();
    auto erase = writer.cached("DELETE FROM member_profiles WHERE user_id = ?1");
    erase->bind(1, user);
    erase->step();
    return writer.changes() > 0;
  });
}

bool SqlStore::verify_profile(UserId user, UserId staff, UtcSeconds now) {
  return write_locking([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE member_profiles SET verified_at = coalesce(verified_at, ?3), "
        "verified_by = coalesce(verified_by, ?2) WHERE user_id = ?1");
    update->bind(1, user);
    update->bind(2, staff);
    update->bind(3, now.value);
    update->step();
    if (writer.changes() == 0) return false;
    append_audit(writer, AuditEntry{0, now, staff, {}, "member_verify", std::nullopt, user, std::nullopt, ""});
    return true;
  });
}

std::size_t SqlStore::seed_members(std::span<const SeedMember> members) {
  return write([&](Connection& writer) {
    std::size_t added = 0;
    for (const SeedMember& member : members) {
      UserId user;
      {
        auto account = writer.cached(
            std::string("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                        "VALUES (?1, ?2, 'worker', ?3, ?4) ON CONFLICT ") +
            writer.dialect().username_conflict() + " DO NOTHING RETURNING id");
        account->bind(1, member.account.username);
        account->bind(2, member.account.display_name);
        account->bind(3, member.account.password_hash);
        account->bind(4, member.account.created_at.value);
        if (!account->step()) continue;  // the name is taken
        user = account->column_id<UserId>(0);
      }
      const ProfileWrite& p = member.profile;
      auto insert = writer.cached(
          "INSERT INTO member_profiles (user_id, real_name, id_sealed, id_hash, id_masked, phone_sealed, "
          "phone_masked, consent_at, verified_at, union_id, member_since, updated_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?8) ON CONFLICT DO NOTHING");
      insert->bind(1, user);
      insert->bind(2, p.real_name);
      insert->bind_blob(3, p.id_sealed);
      insert->bind_blob(4, p.id_hash);
      insert->bind(5, p.id_masked);
      insert->bind_blob(6, p.phone_sealed);
      insert->bind(7, p.phone_masked);
      insert->bind(8, p.now.value);
      if (member.verified) insert->bind(9, p.now.value);
      else insert->bind_null(9);
      if (member.union_id) {
        insert->bind(10, *member.union_id);
        insert->bind(11, p.now.value);
      } else {
        insert->bind_null(10);
        insert->bind_null(11);
      }
      insert->step();
      added += writer.changes() > 0 ? 1 : 0;
    }
    return added;
  });
}

ApplyOutcome SqlStore::apply_for_membership(const NewApplication& application) {
  return write([&](Connection& writer) -> ApplyOutcome {
    const std::optional<MemberProfileRecord> profile = profile_on(writer, application.user);
    if (!profile) return {ApplyResult::profile_required, std::nullopt, ""};
    {
      auto pending = writer.cached(
          "SELECT EXISTS (SELECT 1 FROM membership_applications WHERE user_id = ?1 AND status = 'pending')");
      pending->bind(1, application.user);
      if (pending->step() && pending->column_int(0) != 0)
        return {ApplyResult::conflict, std::nullopt, "已有一份待审核的申请"};
    }
    if (application.kind == MembershipKind::join && profile->union_id)
      return {ApplyResult::conflict, std::nullopt, "您已是工会会员，请申请转会"};
    if (application.kind == MembershipKind::transfer && !profile->union_id)
      return {ApplyResult::conflict, std::nullopt, "您还不是工会会员，请先申请入会"};
    if (application.kind == MembershipKind::transfer && profile->union_id == application.union_id)
      return {ApplyResult::conflict, std::nullopt, "您已是该工会的会员"};
    ApplicationId id;
    {
      auto insert = writer.cached(
          "INSERT INTO membership_applications (user_id, kind, union_id, from_union_id, reason, created_at, due_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
      insert->bind(1, application.user);
      insert->bind(2, wire_name(application.kind));
      insert->bind(3, application.union_id);
      if (application.kind == MembershipKind::transfer) insert->bind(4, *profile->union_id);
      else insert->bind_null(4);
      insert->bind(5, application.reason);
      insert->bind(6, application.now.value);
      insert->bind(7, application.due_by.value);
      insert->step();
      id = insert->column_id<ApplicationId>(0);
    }
    return {ApplyResult::created, load_application(writer, id), ""};
  });
}

std::optional<ApplicationRecord> SqlStore::find_application(ApplicationId id) {
  auto connection = borrow();
  return load_application(*connection, id);
}

std::vector<ApplicationRecord> SqlStore::user_applications(UserId user) {
  auto connection = borrow();
  std::vector<ApplicationRecord> items;
  {
    auto query = (*connection)
                     .cached(std::string("SELECT ") + kApplicationColumns +
                             " FROM membership_applications a WHERE a.user_id = ?1 ORDER BY a.id DESC LIMIT 100");
    query->bind(1, user);
    while (query->step()) items.push_back(read_application(*query));
  }
  std::vector<ApplicationRecord*> pointers;
  for (ApplicationRecord& a : items) pointers.push_back(&a);
  load_decisions(*connection, pointers);
  return items;
}

std::vector<StaffApplicationRecord> SqlStore::subtree_applications(UnionSubtree subtree,
                                                                   std::optional<ApplicationStatus> status,
                                                                   std::size_t limit) {
  auto connection = borrow();
  std::vector<StaffApplicationRecord> items;
  {
    // Pending ones by deadline (the overdue come first); decided ones newest first.
    auto query = (*connection)
                     .cached(std::string("SELECT ") + kApplicationColumns +
                             ", u.username, coalesce(p.real_name, ''), coalesce(p.id_masked, ''), "
                             "p.verified_at IS NOT NULL FROM membership_applications a "
                             "JOIN users u ON u.id = a.user_id LEFT JOIN member_profiles p ON p.user_id = a.user_id "
                             "WHERE (?3 = 'all' OR a.status = ?3) AND "
                             "(a.union_id IN (SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2) OR "
                             "a.from_union_id IN (SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2)) "
                             "ORDER BY CASE WHEN a.status = 'pending' THEN 0 ELSE 1 END, "
                             "CASE WHEN a.status = 'pending' THEN a.due_by ELSE -a.id END, a.id LIMIT ?4");
    query->bind(1, subtree.first);
    query->bind(2, subtree.last);
    query->bind(3, status ? wire_name(*status) : std::string_view("all"));
    query->bind(4, static_cast<std::int64_t>(limit));
    while (query->step())
      items.push_back({read_application(*query), query->column_text(10), query->column_text(11),
                       query->column_text(12), query->column_int(13) != 0});
  }
  std::vector<ApplicationRecord*> pointers;
  for (StaffApplicationRecord& item : items) pointers.push_back(&item.application);
  load_decisions(*connection, pointers);
  return items;
}

DecideOutcome SqlStore::decide_application(const DecisionRequest& decision) {
  return write([&](Connection& writer) -> DecideOutcome {
    std::optional<ApplicationRecord> application = load_application(writer, decision.application, /*lock=*/true);
    if (!application) return {DecideResult::not_found, std::nullopt};
    if (application->status != ApplicationStatus::pending) return {DecideResult::already_decided, application};
    int recorded = 0;
    for (const UnionId side : decision.sides) {
      auto insert = writer.cached(
          "INSERT INTO application_decisions (application_id, union_id, decision, reason, staff_id, at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (application_id, union_id) DO NOTHING");
      insert->bind(1, application->id);
      insert->bind(2, side);
      insert->bind(3, std::string_view(decision.approve ? "approve" : "reject"));
      insert->bind(4, decision.reason);
      insert->bind(5, decision.staff);
      insert->bind(6, decision.now.value);
      insert->step();
      if (writer.changes() > 0) {
        ++recorded;
        append_audit(writer, AuditEntry{0, decision.now, decision.staff, {}, "application_decision", side,
                                        application->user, application->id.value,
                                        decision.approve ? "approve" : "reject"});
      }
    }
    if (recorded == 0) return {DecideResult::already_decided, application};
    load_decisions(writer, *application);
    bool approved_by_all = decision.approve;
    for (const std::optional<UnionId> needed : {std::optional(application->union_id), application->from_union}) {
      if (!needed) continue;
      bool approved = false;
      for (const ApplicationDecisionRecord& d : application->decisions) approved |= d.union_id == *needed && d.approve;
      approved_by_all &= approved;
    }
    if (!decision.approve || approved_by_all) {
      const ApplicationStatus ended = decision.approve ? ApplicationStatus::approved : ApplicationStatus::rejected;
      auto update = writer.cached(
          "UPDATE membership_applications SET status = ?2, decided_at = ?3 WHERE id = ?1 AND status = 'pending'");
      update->bind(1, application->id);
      update->bind(2, wire_name(ended));
      update->bind(3, decision.now.value);
      update->step();
      application->status = ended;
      application->decided_at = decision.now;
      if (ended == ApplicationStatus::approved) {
        // The membership changes in the same transaction as the approval (api-services.md).
        auto move = writer.cached(
            "UPDATE member_profiles SET union_id = ?2, member_since = ?3, updated_at = ?3 WHERE user_id = ?1");
        move->bind(1, application->user);
        move->bind(2, application->union_id);
        move->bind(3, decision.now.value);
        move->step();
      }
      auto notify = writer.cached(
          "INSERT INTO notifications (user_id, kind, application_id, message, created_at) "
          "VALUES (?1, 'membership_update', ?2, ?3, ?4)");
      notify->bind(1, application->user);
      notify->bind(2, application->id);
      notify->bind(3, decision_message(writer, *application));
      notify->bind(4, decision.now.value);
      notify->step();
    }
    return {DecideResult::decided, application};
  });
}

std::vector<MemberProfileRecord> SqlStore::subtree_members(const MemberQuery& query) {
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  auto select = (*connection)
                    .cached(std::string("SELECT ") + kProfileColumns +
                            " FROM member_profiles p JOIN users u ON u.id = p.user_id "
                            "JOIN unions n ON n.id = p.union_id WHERE n.tree_first BETWEEN ?1 AND ?2 "
                            "AND p.user_id > ?3 AND (?4 = 0 OR (?4 = 1) = (p.verified_at IS NOT NULL)) "
                            "AND (?5 = '' OR " + dialect.position("p.real_name", "?5") + " > 0 OR " +
                            dialect.position("lower(u.username)", "lower(?5)") + " > 0) ORDER BY p.user_id LIMIT ?6");
  select->bind(1, query.subtree.first);
  select->bind(2, query.subtree.last);
  select->bind(3, query.after);
  select->bind(4, std::int64_t{query.verified ? (*query.verified ? 1 : 2) : 0});
  select->bind(5, query.text);
  select->bind(6, static_cast<std::int64_t>(query.limit + 1));
  std::vector<MemberProfileRecord> members;
  while (select->step()) members.push_back(read_profile(*select));
  return members;
}

}  // namespace gongyou::server::sql
