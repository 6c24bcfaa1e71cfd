// server/store/sql/sql_accounts.cpp — SqlStore's accounts: users, sessions and login failures
// (store/account_store.h). Fixed SQL texts with bound parameters only; usernames compare without ASCII case
// through the dialect's username_is() (SQLite: the column's COLLATE NOCASE; PostgreSQL: lower(), which the
// unique and failure indexes are built on).
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

constexpr const char* kUserColumns = "id, username, display_name, role";

/// Reads id, username, display_name, role from columns first..first+3.
User read_user(const Statement& row, int first = 0) {
  return User{UserId{row.column_int(first)}, row.column_text(first + 1), row.column_text(first + 2),
              row.column_text(first + 3) == "admin" ? Role::admin : Role::worker};
}

/// The user with this username, read on `connection`.
std::optional<User> user_by_name(Connection& connection, std::string_view username) {
  auto query = connection.cached(std::string("SELECT ") + kUserColumns + " FROM users WHERE " +
                                 connection.dialect().username_is(1));
  query->bind(1, username);
  if (!query->step()) return std::nullopt;
  return read_user(*query);
}

}  // namespace

std::optional<User> SqlStore::create_user(const NewUser& user) {
  return write_locking([&](Connection& writer) -> std::optional<User> {
    auto insert =
        writer.cached(std::string("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT ") +
                      writer.dialect().username_conflict() + " DO NOTHING RETURNING id");
    insert->bind(1, user.username);
    insert->bind(2, user.display_name);
    insert->bind(3, role_name(user.role));
    insert->bind(4, user.password_hash);
    insert->bind(5, user.created_at.value);
    if (!insert->step()) return std::nullopt;  // the name is taken
    return User{UserId{insert->column_int(0)}, user.username, user.display_name, user.role};
  });
}

User SqlStore::upsert_admin(const NewUser& user) {
  return write([&](Connection& writer) {
    auto upsert = writer.cached(
        std::string("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                    "VALUES (?1, ?2, 'admin', ?3, ?4) ON CONFLICT ") +
        writer.dialect().username_conflict() + " DO UPDATE SET role = 'admin', password_hash = excluded.password_hash");
    upsert->bind(1, user.username);
    upsert->bind(2, user.display_name);
    upsert->bind(3, user.password_hash);
    upsert->bind(4, user.created_at.value);
    upsert->step();
    return *user_by_name(writer, user.username);
  });
}

std::optional<UserCredentials> SqlStore::find_credentials(std::string_view username) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kUserColumns + ", password_hash FROM users WHERE " +
                           (*connection).dialect().username_is(1));
  query->bind(1, username);
  if (!query->step()) return std::nullopt;
  return UserCredentials{read_user(*query), query->column_text(4)};
}

void SqlStore::create_session(const NewSession& session) {
  write_locking([&](Connection& writer) {
    auto insert =
        writer.cached("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)");
    insert->bind(1, session.token_hash);
    insert->bind(2, session.user.value);
    insert->bind(3, session.created_at.value);
    insert->bind(4, session.expires_at.value);
    insert->step();
  });
}

std::optional<User> SqlStore::session_user(std::string_view token_hash, UtcSeconds now) {
  auto connection = borrow();
  auto query =
      (*connection)
          .cached(
              "SELECT u.id, u.username, u.display_name, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
              "WHERE s.token_hash = ?1 AND s.expires_at > ?2");
  query->bind(1, token_hash);
  query->bind(2, now.value);
  if (!query->step()) return std::nullopt;
  return read_user(*query);
}

void SqlStore::delete_session(std::string_view token_hash) {
  write_locking([&](Connection& writer) {
    auto remove = writer.cached("DELETE FROM sessions WHERE token_hash = ?1");
    remove->bind(1, token_hash);
    remove->step();
  });
}

void SqlStore::record_login_failure(std::string_view username, std::string_view address, UtcSeconds at) {
  write_locking([&](Connection& writer) {
    auto insert = writer.cached("INSERT INTO login_failures (username, address, at) VALUES (?1, ?2, ?3)");
    insert->bind(1, username);
    insert->bind(2, address);
    insert->bind(3, at.value);
    insert->step();
  });
}

void SqlStore::clear_login_failures(std::string_view username) {
  write_locking([&](Connection& writer) {
    auto remove = writer.cached("DELETE FROM login_failures WHERE " + writer.dialect().username_is(1));
    remove->bind(1, username);
    remove->step();
  });
}

std::optional<UtcSeconds> SqlStore::nth_recent_login_failure(FailureScope scope, std::string_view who, UtcSeconds since,
                                                             int n) {
  auto connection = borrow();
  const std::string who_is = scope == FailureScope::username ? (*connection).dialect().username_is(1) : "address = ?1";
  auto query =
      (*connection)
          .cached("SELECT at FROM login_failures WHERE " + who_is + " AND at > ?2 ORDER BY at DESC LIMIT 1 OFFSET ?3");
  query->bind(1, who);
  query->bind(2, since.value);
  query->bind(3, n - 1);
  if (!query->step()) return std::nullopt;
  return UtcSeconds{query->column_int(0)};
}

}  // namespace gongyou::server::sql
