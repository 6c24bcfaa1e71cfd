// server/store/sqlite/migrate.h — brings a SQLite database up to the newest schema.
#pragma once
#include <span>

#include "server/store/migration.h"
#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sqlite {

/// Applies, in order, each migration newer than the database's PRAGMA user_version, each in its own
/// transaction together with the user_version bump. Throws when the database is newer than this binary.
void apply_migrations(Connection& connection, std::span<const Migration> migrations);

}  // namespace gongyou::server::sqlite
