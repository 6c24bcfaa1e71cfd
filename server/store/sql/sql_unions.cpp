// server/store/sql/sql_unions.cpp — SqlStore's union tree, staff roles and audit log (store/membership_store.h).
// Fixed SQL texts with bound parameters only. A subtree is the pre-order range tree_first..tree_last.
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

std::optional<UnionLevel> level_or_none(const std::string& name) { return parse_union_level(name); }

}  // namespace

bool SqlStore::seed_unions(std::span<const UnionRecord> unions) {
  return write([&](Connection& writer) {
    {
      auto any = writer.cached("SELECT EXISTS (SELECT 1 FROM unions)");
      if (any->step() && any->column_int(0) != 0) return false;
    }
    for (const UnionRecord& u : unions) {
      auto insert = writer.cached(
          "INSERT INTO unions (id, parent_id, name, level, region, tree_first, tree_last) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      insert->bind(1, u.id);
      if (u.parent) insert->bind(2, *u.parent);
      else insert->bind_null(2);
      insert->bind(3, u.name);
      insert->bind(4, wire_name(u.level));
      insert->bind(5, u.region);
      insert->bind(6, u.tree_first);
      insert->bind(7, u.tree_last);
      insert->step();
    }
    if (const std::string sql = writer.dialect().after_explicit_ids("unions"); !sql.empty()) {
      auto sequence = writer.cached(sql);
      sequence->step();
    }
    return true;
  });
}

std::vector<UnionRecord> SqlStore::all_unions() {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT id, parent_id, name, level, region, tree_first, tree_last FROM unions ORDER BY id");
  std::vector<UnionRecord> unions;
  while (query->step()) {
    const std::optional<UnionLevel> level = level_or_none(query->column_text(3));
    if (!level) throw Error("unions: unknown level " + query->column_text(3));
    UnionRecord u{query->column_id<UnionId>(0), std::nullopt, query->column_text(2), *level, query->column_text(4),
                  static_cast<int>(query->column_int(5)), static_cast<int>(query->column_int(6))};
    if (!query->column_is_null(1)) u.parent = query->column_id<UnionId>(1);
    unions.push_back(std::move(u));
  }
  return unions;
}

std::vector<std::pair<UnionId, std::int64_t>> SqlStore::direct_member_counts() {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT union_id, count(*) FROM member_profiles WHERE union_id IS NOT NULL "
                           "GROUP BY union_id ORDER BY union_id");
  std::vector<std::pair<UnionId, std::int64_t>> counts;
  while (query->step()) counts.emplace_back(query->column_id<UnionId>(0), query->column_int(1));
  return counts;
}

UnionCounts SqlStore::subtree_counts(UnionSubtree subtree, UtcSeconds now) {
  auto connection = borrow();
  UnionCounts counts;
  {
    auto members = (*connection)
                       .cached("SELECT count(*), count(m.verified_at) FROM unions u "
                               "JOIN member_profiles m ON m.union_id = u.id WHERE u.tree_first BETWEEN ?1 AND ?2");
    members->bind(1, subtree.first);
    members->bind(2, subtree.last);
    if (members->step()) {
      counts.members = members->column_int(0);
      counts.verified = members->column_int(1);
    }
  }
  // An application counts for the subtree when it goes to or leaves one of its unions (each once).
  auto pending = (*connection)
                     .cached("SELECT count(*), coalesce(sum(CASE WHEN a.due_by < ?3 THEN 1 ELSE 0 END), 0) "
                             "FROM membership_applications a WHERE a.status = 'pending' AND "
                             "(a.union_id IN (SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2) OR "
                             "a.from_union_id IN (SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2))");
  pending->bind(1, subtree.first);
  pending->bind(2, subtree.last);
  pending->bind(3, now.value);
  if (pending->step()) {
    counts.pending = pending->column_int(0);
    counts.overdue = pending->column_int(1);
  }
  return counts;
}

void SqlStore::grant_staff(UserId user, UnionId union_id, std::string_view role, UtcSeconds now) {
  write_locking([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO staff_roles (user_id, union_id, role, granted_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (user_id, union_id, role) DO NOTHING");
    insert->bind(1, user);
    insert->bind(2, union_id);
    insert->bind(3, role);
    insert->bind(4, now.value);
    insert->step();
  });
}

std::vector<StaffRoleRecord> SqlStore::staff_roles(UserId user) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT s.user_id, u.username, s.union_id, s.role FROM staff_roles s "
                           "JOIN users u ON u.id = s.user_id WHERE s.user_id = ?1 ORDER BY s.union_id, s.role");
  query->bind(1, user);
  std::vector<StaffRoleRecord> roles;
  while (query->step())
    roles.push_back({query->column_id<UserId>(0), query->column_text(1), query->column_id<UnionId>(2),
                     query->column_text(3)});
  return roles;
}

std::vector<StaffRoleRecord> SqlStore::subtree_staff(UnionSubtree subtree) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT s.user_id, u.username, s.union_id, s.role FROM staff_roles s "
                           "JOIN users u ON u.id = s.user_id JOIN unions n ON n.id = s.union_id "
                           "WHERE n.tree_first BETWEEN ?1 AND ?2 ORDER BY n.tree_first, u.username LIMIT 1000");
  query->bind(1, subtree.first);
  query->bind(2, subtree.last);
  std::vector<StaffRoleRecord> roles;
  while (query->step())
    roles.push_back({query->column_id<UserId>(0), query->column_text(1), query->column_id<UnionId>(2),
                     query->column_text(3)});
  return roles;
}

void SqlStore::audit(const AuditEntry& entry) {
  write_locking([&](Connection& writer) { append_audit(writer, entry); });
}

void SqlStore::append_audit(Connection& writer, const AuditEntry& entry) {
  auto insert = writer.cached(
      "INSERT INTO audit_log (at, actor_id, action, union_id, subject_user_id, object_id, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert->bind(1, entry.at.value);
  insert->bind(2, entry.actor);
  insert->bind(3, entry.action);
  if (entry.union_id) insert->bind(4, *entry.union_id);
  else insert->bind_null(4);
  if (entry.subject) insert->bind(5, *entry.subject);
  else insert->bind_null(5);
  if (entry.object_id) insert->bind(6, *entry.object_id);
  else insert->bind_null(6);
  insert->bind(7, entry.detail);
  insert->step();
}

std::vector<AuditEntry> SqlStore::audit_log(std::int64_t before, std::size_t limit) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached("SELECT a.id, a.at, a.actor_id, coalesce(u.username, ''), a.action, a.union_id, "
                           "a.subject_user_id, a.object_id, a.detail FROM audit_log a "
                           "LEFT JOIN users u ON u.id = a.actor_id WHERE (?1 = 0 OR a.id < ?1) ORDER BY a.id DESC LIMIT ?2");
  query->bind(1, before);
  query->bind(2, static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> entries;
  while (query->step()) {
    AuditEntry e;
    e.id = query->column_int(0);
    e.at = UtcSeconds{query->column_int(1)};
    e.actor = query->column_id<UserId>(2);
    e.actor_username = query->column_text(3);
    e.action = query->column_text(4);
    if (!query->column_is_null(5)) e.union_id = query->column_id<UnionId>(5);
    if (!query->column_is_null(6)) e.subject = query->column_id<UserId>(6);
    if (!query->column_is_null(7)) e.object_id = query->column_int(7);
    e.detail = query->column_text(8);
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace gongyou::server::sql
