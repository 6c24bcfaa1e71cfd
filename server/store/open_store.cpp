// server/store/open_store.cpp — see open_store.h.
#include "server/store/open_store.h"

#include "server/store/postgres/pg_store.h"
#include "server/store/sqlite/sqlite_store.h"

namespace gongyou::server {

bool is_postgres_url(const std::string& db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

std::unique_ptr<Store> open_store(const StoreOptions& options) {
  if (is_postgres_url(options.db))
    return std::make_unique<postgres::PostgresStore>(options.db, options.connections, options.statement_timeout_ms);
  return std::make_unique<sqlite::SqliteStore>(options.db, options.connections);
}

}  // namespace gongyou::server
