// server/store/postgres/pg_store.cpp — see pg_store.h: connecting and migrating, lending pooled connections,
// running writes as transactions of the pool.
#include "server/store/postgres/pg_store.h"

#include "server/store/postgres/pg_migrate.h"

namespace gongyou::server::postgres {
namespace {

/// Connects once and brings the schema to the newest version, before the pool opens.
std::string migrated(const std::string& conninfo, int statement_timeout_ms) {
  Connection connection(conninfo, statement_timeout_ms);
  apply_migrations(connection, embedded_postgres_migrations());
  return conninfo;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& conninfo, std::size_t connections, int statement_timeout_ms)
    : pool_(migrated(conninfo, statement_timeout_ms), connections, statement_timeout_ms) {}

sql::Connection& PostgresStore::lend() { return pool_.lend(); }

void PostgresStore::give_back(sql::Connection& connection) noexcept {
  pool_.give_back_lent(static_cast<Connection&>(connection));
}

void PostgresStore::run_write(WriteMode mode, const std::function<void(sql::Connection&)>& work) {
  const auto run = [&](Connection& connection) { work(connection); };
  if (mode == WriteMode::locking)
    pool_.transact_locking(run);
  else
    pool_.transact(run);
}

}  // namespace gongyou::server::postgres
