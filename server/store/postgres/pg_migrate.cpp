// server/store/postgres/pg_migrate.cpp — see pg_migrate.h.
#include "server/store/postgres/pg_migrate.h"

#include <string>

namespace gongyou::server::postgres {
namespace {

/// The key of the advisory lock held while migrating ("gongyou" in ASCII, as a number).
constexpr const char* kLockSql = "SELECT pg_advisory_xact_lock(7381240953751413)";

std::int64_t current_version(Connection& connection) {
  auto query = connection.cached("SELECT coalesce(max(version), 0) FROM schema_migrations");
  query->step();
  return query->column_int(0);
}

}  // namespace

void apply_migrations(Connection& connection, std::span<const Migration> migrations) {
  const std::int64_t newest = migrations.empty() ? 0 : migrations.back().version;
  connection.exec("BEGIN");
  try {
    connection.exec(kLockSql);
    connection.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const std::int64_t current = current_version(connection);
    if (current > newest)
      throw PgError("database schema version " + std::to_string(current) + " is newer than this server (" +
                        std::to_string(newest) + "); use a newer gongyou-server",
                    "");
    // One transaction per migration would let a second instance see a half-migrated schema between them;
    // the lock is held to the end, so every migration commits together here (PostgreSQL's DDL is transactional).
    for (const Migration& migration : migrations) {
      if (migration.version <= current) continue;
      try {
        connection.exec(std::string(migration.sql).c_str());
      } catch (const PgError& e) {
        throw PgError("migration " + std::string(migration.name) + " failed: " + e.what(), e.sqlstate());
      }
      auto record = connection.cached("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)");
      record->bind(1, std::int64_t{migration.version});
      record->bind(2, migration.name);
      record->step();
    }
    connection.exec("COMMIT");
  } catch (...) {
    connection.exec("ROLLBACK");
    throw;
  }
}

}  // namespace gongyou::server::postgres
