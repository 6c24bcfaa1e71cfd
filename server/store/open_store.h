// server/store/open_store.h — picks the Store implementation from the --db value; the only place above the
// store that names one.
#pragma once
#include <memory>
#include <string>

#include "server/store/store.h"

namespace gongyou::server {

/// How to reach the database.
struct StoreOptions {
  std::string db;                   ///< a SQLite file path, or a postgresql:// (postgres://) URL
  std::size_t connections = 0;      ///< SQLite: read connections; PostgreSQL: pooled connections; 0: the default
  int statement_timeout_ms = 5000;  ///< PostgreSQL: longest a statement may run (then 503)
};

/// True when `db` names a PostgreSQL database rather than a SQLite file.
bool is_postgres_url(const std::string& db);

/// Opens (creating and migrating when needed) the store `options.db` names.
std::unique_ptr<Store> open_store(const StoreOptions& options);

}  // namespace gongyou::server
