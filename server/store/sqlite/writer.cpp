// server/store/sqlite/writer.cpp — see writer.h.
#include "server/store/sqlite/writer.h"

namespace gongyou::server::sqlite {
namespace {

/// The most writes one batch takes: a bound on the time its first caller waits behind the others.
constexpr std::size_t kMaxBatch = 1024;

/// Runs a savepoint statement, prepared once (sqlite3_exec would parse it again for every write).
void savepoint_step(Connection& connection, std::string_view sql) { connection.cached(sql)->step(); }

}  // namespace

Writer::Writer(std::unique_ptr<Connection> connection)
    : connection_(std::move(connection)), thread_([this] { loop(); }) {}

Writer::~Writer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
}

Writer::Counts Writer::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::size_t Writer::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void Writer::run_queued(const std::function<void(Connection&)>& work) {
  Job job{&work, nullptr};
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(&job);
  }
  queued_.notify_one();
  job.answered.acquire();
  if (job.error) std::rethrow_exception(job.error);
}

void Writer::loop() {
  active_ = this;
  std::vector<Job*> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      if (queue_.size() <= kMaxBatch) {
        batch.swap(queue_);
      } else {
        batch.assign(queue_.begin(), queue_.begin() + kMaxBatch);
        queue_.erase(queue_.begin(), queue_.begin() + kMaxBatch);
      }
    }
    run_batch(std::move(batch));
    batch.clear();
  }
}

void Writer::run_batch(std::vector<Job*> batch) {
  const std::size_t size = batch.size();
  std::uint64_t batches = 0, reruns = 0;
  std::vector<Job*> all = batch;
  while (!batch.empty()) {
    ++batches;
    batch = try_batch(batch);
    reruns += batch.size();
  }
  {
    std::lock_guard lock(mutex_);
    counts_.writes += size;
    counts_.batches += batches;
    counts_.reruns += reruns;
  }
  for (Job* job : all) job->answered.release();  // the caller may destroy its job at once: touch it no more
}

std::vector<Writer::Job*> Writer::try_batch(const std::vector<Job*>& batch) {
  try {
    Transaction transaction(*connection_);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      Job* job = batch[i];
      savepoint_step(*connection_, "SAVEPOINT job");
      try {
        (*job->work)(*connection_);
        savepoint_step(*connection_, "RELEASE job");
      } catch (...) {
        job->error = std::current_exception();
        if (!connection_->in_transaction()) {
          // SQLite rolled the whole transaction back: the writes before this one are undone, the ones after it
          // have not run. Both go into a new transaction; this one has failed alone.
          std::vector<Job*> again;
          for (Job* other : batch)
            if (!other->error) again.push_back(other);
          return again;
        }
        savepoint_step(*connection_, "ROLLBACK TO job");
        savepoint_step(*connection_, "RELEASE job");
      }
    }
    transaction.commit();
  } catch (...) {
    // BEGIN, a savepoint statement or the COMMIT failed: nothing of the batch is durable.
    for (Job* job : batch)
      if (!job->error) job->error = std::current_exception();
  }
  return {};
}

}  // namespace gongyou::server::sqlite
