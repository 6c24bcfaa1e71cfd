// server/store/sqlite/sqlite_store.h — the Store on one SQLite file in WAL mode.
//
// Connection model: one writer connection behind a mutex (SQLite allows one writer at a time anyway)
// and a pool of read-only connections lent one per request. WAL lets the readers run in parallel with
// each other and with the writer, so reads do not queue behind one lock.
#pragma once
#include <memory>
#include <mutex>
#include <string>

#include "server/store/sqlite/sqlite_connection.h"
#include "server/store/store.h"

namespace gongyou::server::sqlite {

/// Store over SQLite; opening migrates the file to the newest schema.
class SqliteStore final : public Store {
 public:
  /// Opens or creates the database at `path` with `readers` read connections.
  SqliteStore(const std::string& path, std::size_t readers);

  // The Store interface (store.h).
  SitePage list_sites(const SitePageRequest& request) override;
  std::optional<Site> find_site(SiteId id) override;
  std::vector<Site> all_sites() override;
  bool seed_sites(std::span<const Site> sites) override;

 private:
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;  // opened and migrated first
  ConnectionPool readers_;
};

}  // namespace gongyou::server::sqlite
