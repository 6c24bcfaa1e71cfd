// server/http/elastic_thread_pool.cpp — see elastic_thread_pool.h.
#include "server/http/elastic_thread_pool.h"

#include <algorithm>

namespace gongyou::server::http {

ElasticThreadPool::ElasticThreadPool(std::size_t initial_threads, std::size_t max_threads)
    : max_threads_(std::max<std::size_t>(max_threads, 1)) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < std::clamp<std::size_t>(initial_threads, 1, max_threads_); ++i) start_thread();
}

ElasticThreadPool::~ElasticThreadPool() { shutdown(); }

void ElasticThreadPool::start_thread() {
  threads_.emplace_back([this] { run(); });
}

void ElasticThreadPool::enqueue(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    if (!stopping_ && tasks_.size() > idle_ && threads_.size() < max_threads_) start_thread();
  }
  work_.notify_one();
}

void ElasticThreadPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  work_.notify_all();
  for (auto& thread : threads_) thread.join();  // no thread is started once stopping_ is set
  std::lock_guard lock(mutex_);
  threads_.clear();
}

void ElasticThreadPool::run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      work_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      --idle_;
      if (tasks_.empty()) return;  // stopping, nothing left
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace gongyou::server::http
