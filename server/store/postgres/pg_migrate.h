// server/store/postgres/pg_migrate.h — brings a PostgreSQL database to the newest schema.
#pragma once
#include <span>

#include "server/store/migration.h"
#include "server/store/postgres/pg_connection.h"

namespace gongyou::server::postgres {

/// Applies, in order, each migration newer than the version in schema_migrations, all in one transaction
/// (PostgreSQL's DDL is transactional: all or nothing). An advisory lock makes instances that start together migrate
/// one after the other. Throws when the database is newer than this binary.
void apply_migrations(Connection& connection, std::span<const Migration> migrations);

}  // namespace gongyou::server::postgres
