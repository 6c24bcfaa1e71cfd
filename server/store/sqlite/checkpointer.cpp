// server/store/sqlite/checkpointer.cpp — see checkpointer.h.
#include "server/store/sqlite/checkpointer.h"

namespace gongyou::server::sqlite {
namespace {

/// WAL pages after which a checkpoint is due: SQLite's own default (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
constexpr int kCheckpointPages = 1000;

}  // namespace

Checkpointer::Checkpointer(const std::string& path, Connection& writer)
    : writer_(writer), connection_(path), thread_([this] { loop(); }) {
  sqlite3_wal_hook(writer_.raw(), &Checkpointer::on_commit, this);
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_autocheckpoint(writer_.raw(), kCheckpointPages);  // the writer checkpoints by itself again
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  due_.notify_one();
  thread_.join();
}

int Checkpointer::on_commit(void* self, sqlite3*, const char*, int wal_pages) {
  if (wal_pages >= kCheckpointPages) {
    auto* checkpointer = static_cast<Checkpointer*>(self);
    {
      std::lock_guard lock(checkpointer->mutex_);
      checkpointer->pending_ = true;
    }
    checkpointer->due_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::loop() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      due_.wait(lock, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    // PASSIVE: copies what no reader still needs, waits for nobody; a failure (say a full disk) only leaves
    // the WAL longer until the next try.
    sqlite3_wal_checkpoint_v2(connection_.raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

}  // namespace gongyou::server::sqlite
