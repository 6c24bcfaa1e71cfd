// server/store/sqlite/sqlite_store.cpp — see sqlite_store.h: opening and migrating the file, lending readers,
// running writes on the writer.
#include "server/store/sqlite/sqlite_store.h"

#include <cstdio>

#include "server/store/sqlite/migrate.h"

namespace gongyou::server::sqlite {
namespace {

/// The writer connection, with the file switched to WAL and migrated (before any reader opens it).
std::unique_ptr<Connection> open_writer(const std::string& path) {
  auto connection = std::make_unique<Connection>(path);
  connection->exec("PRAGMA journal_mode = WAL");
  // synchronous=FULL: every COMMIT waits for fsync of the WAL. With NORMAL, WAL commits survive a crash of
  // the process (kill -9) but the last ones may be lost when the machine loses power or the kernel crashes
  // before the next checkpoint. A 201 for a booking is a promise to a worker who will walk to the site,
  // so it is answered only once the booking is on disk. The price is one fsync per COMMIT, which the writer
  // (writer.h) shares among every write queued while the previous one ran.
  connection->exec("PRAGMA synchronous = FULL");
  apply_migrations(*connection, embedded_migrations());
  return connection;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, std::size_t readers)
    : writer_(open_writer(path)),
      checkpointer_(path, writer_.connection()),
      readers_(path, readers, /*read_only=*/true) {}

sql::Connection& SqliteStore::lend() { return readers_.take(); }

void SqliteStore::give_back(sql::Connection& connection) noexcept {
  readers_.give_back(static_cast<Connection*>(&connection));
}

std::string SqliteStore::write_counts() const {
  const Writer::Counts counts = writer_.counts();
  char line[160];
  std::snprintf(line, sizeof line, "%llu writes in %llu commits (%.1f per commit), %llu run again",
                static_cast<unsigned long long>(counts.writes), static_cast<unsigned long long>(counts.batches),
                counts.batches ? static_cast<double>(counts.writes) / static_cast<double>(counts.batches) : 0.0,
                static_cast<unsigned long long>(counts.reruns));
  return line;
}

void SqliteStore::run_write(WriteMode, const std::function<void(sql::Connection&)>& work) {
  writer_.transact([&](Connection& writer) { work(writer); });
}

}  // namespace gongyou::server::sqlite
