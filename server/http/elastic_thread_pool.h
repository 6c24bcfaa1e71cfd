// server/http/elastic_thread_pool.h — cpp-httplib's task queue, grown on demand.
//
// cpp-httplib serves each connection on one pool thread for as long as the connection is kept alive.
// Its default pool is fixed at max(8, cores-1) threads, so a 9th keep-alive client waits until another
// client goes idle for the whole keep-alive timeout: a stall of seconds. This pool starts a new thread
// whenever a connection arrives and no thread is idle, up to a ceiling; threads then stay for reuse.
#pragma once
#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gongyou::server::http {

/// A TaskQueue that has an idle thread ready for every queued task, up to `max_threads` threads.
class ElasticThreadPool final : public httplib::TaskQueue {
 public:
  /// Starts `initial_threads` threads (at least 1) and never runs more than `max_threads`.
  ElasticThreadPool(std::size_t initial_threads, std::size_t max_threads);
  ~ElasticThreadPool() override;

  /// Queues a task (one connection) and starts a thread when none is idle.
  void enqueue(std::function<void()> task) override;

  /// Lets queued tasks finish, then joins every thread.
  void shutdown() override;

 private:
  void start_thread();  // with mutex_ held
  void run();

  std::mutex mutex_;
  std::condition_variable work_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  std::size_t max_threads_;
  bool stopping_ = false;
};

}  // namespace gongyou::server::http
