// server/store/sqlite/migrate.cpp — see migrate.h.
#include "server/store/sqlite/migrate.h"

#include <string>

namespace gongyou::server::sqlite {

void apply_migrations(Connection& connection, std::span<const Migration> migrations) {
  const std::int64_t current = connection.pragma_int("user_version");
  const std::int64_t newest = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest)
    throw SqliteError("database schema version " + std::to_string(current) + " is newer than this server (" +
                      std::to_string(newest) + "); use a newer gongyou-server");
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    Transaction transaction(connection);
    try {
      connection.exec(std::string(migration.sql).c_str());
    } catch (const SqliteError& e) {
      throw SqliteError("migration " + std::string(migration.name) + " failed: " + e.what());
    }
    // user_version lives in the database header and changes with the transaction. The value is our own integer.
    connection.exec(("PRAGMA user_version = " + std::to_string(migration.version)).c_str());
    transaction.commit();
  }
}

}  // namespace gongyou::server::sqlite
