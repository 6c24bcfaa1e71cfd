// server/store/sqlite/writer.cpp — see writer.h.
#include "server/store/sqlite/writer.h"

namespace gongyou::server::sqlite {

void Writer::run_in_group(const std::function<void(Connection&)>& work) {
  Job job{&work, nullptr, false};
  std::unique_lock lock(mutex_);
  queue_.push_back(&job);
  // Either a running leader takes this job into its next group, or this thread leads when the leader is done.
  finished_.wait(lock, [&] { return job.done || !leading_; });
  if (!job.done) {
    leading_ = true;
    std::vector<Job*> batch;
    batch.swap(queue_);  // this job and every job that arrived meanwhile
    lock.unlock();
    run_batch(batch);
    lock.lock();
    for (Job* member : batch) member->done = true;
    leading_ = false;
    finished_.notify_all();
  }
  if (job.error) std::rethrow_exception(job.error);
}

void Writer::run_batch(const std::vector<Job*>& batch) {
  const ActiveMark mark(this);
  try {
    Transaction transaction(*connection_);
    for (Job* job : batch) {
      connection_->exec("SAVEPOINT job");
      try {
        (*job->work)(*connection_);
        connection_->exec("RELEASE job");
      } catch (...) {
        job->error = std::current_exception();
        connection_->exec("ROLLBACK TO job");  // throws when SQLite has already ended the transaction
        connection_->exec("RELEASE job");
      }
    }
    transaction.commit();
  } catch (...) {
    // BEGIN, a rollback or the COMMIT failed: nothing of the group is durable.
    for (Job* job : batch)
      if (!job->error) job->error = std::current_exception();
  }
}

}  // namespace gongyou::server::sqlite
