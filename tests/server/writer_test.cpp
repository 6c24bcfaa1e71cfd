// tests/server/writer_test.cpp — the SQLite writer's group commit: many threads write at once, every write
// that returns is committed, the writes queued while a batch runs share the next commit, a write that throws
// leaves nothing behind and does not disturb the others of its batch (even when its failure ends the whole
// SQLite transaction), and a write joins the transaction of the write it is called from.
#include "server/store/sqlite/writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <semaphore>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gongyou::server::sqlite {
namespace {

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("gongyou-writer-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
    auto connection = std::make_unique<Connection>(path_.string());
    connection->exec("PRAGMA journal_mode = WAL");
    connection->exec("CREATE TABLE items (id INTEGER PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))");
    writer_ = std::make_unique<Writer>(std::move(connection));
  }
  void TearDown() override {
    writer_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  std::int64_t count(const char* where = "1") {
    Connection reader(path_.string());
    auto query = reader.cached(std::string("SELECT count(*) FROM items WHERE ") + where);
    return query->step() ? query->column_int(0) : -1;
  }

  static void insert(Connection& connection, std::int64_t value) {
    auto statement = connection.cached("INSERT INTO items (value) VALUES (?1)");
    statement->bind(1, value);
    statement->step();
  }

  std::filesystem::path path_;
  std::unique_ptr<Writer> writer_;
};

TEST_F(WriterTest, ReturnsTheResultOfTheWork) {
  const std::int64_t id = writer_->transact([](Connection& c) {
    insert(c, 7);
    return c.last_insert_rowid();
  });
  EXPECT_EQ(id, 1);
  EXPECT_EQ(count(), 1);
}

TEST_F(WriterTest, AThrowingWriteLeavesNothingBehind) {
  EXPECT_THROW(writer_->transact([](Connection& c) {
    insert(c, 1);
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  EXPECT_THROW(writer_->transact([](Connection& c) {
    insert(c, 2);
    insert(c, -1);  // CHECK fails
  }),
               SqliteError);
  EXPECT_EQ(count(), 0);
}

TEST_F(WriterTest, NestedCallsJoinTheOpenTransaction) {
  EXPECT_THROW(writer_->transact([this](Connection& c) {
    insert(c, 1);
    writer_->transact([](Connection& inner) { insert(inner, 2); });
    throw std::runtime_error("roll back both");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 0);
  writer_->transact([this](Connection& c) {
    insert(c, 1);
    writer_->transact([](Connection& inner) { insert(inner, 2); });
  });
  EXPECT_EQ(count(), 2);
}

TEST_F(WriterTest, ConcurrentWritesAllCommitAndFailuresStayAlone) {
  constexpr int kThreads = 32, kWritesPerThread = 50;
  std::atomic<int> failures{0}, successes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const bool fail = (t + i) % 5 == 0;
        try {
          writer_->transact([&](Connection& c) {
            insert(c, fail ? 1000 : 1);
            if (fail) insert(c, -1);  // the first insert of this write must vanish with it
          });
          ++successes;
        } catch (const SqliteError&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(successes + failures, kThreads * kWritesPerThread);
  EXPECT_EQ(failures, kThreads * kWritesPerThread / 5);
  EXPECT_EQ(count(), successes.load());
  EXPECT_EQ(count("value = 1000"), 0);
}

/// Holds the writer thread inside a write until released, so that the writes sent meanwhile queue up and
/// make one batch.
class HeldWriter {
 public:
  explicit HeldWriter(Writer& writer) : writer_(writer) {
    holder_ = std::thread([this] {
      writer_.transact([this](Connection&) {
        started_.release();
        release_.acquire();
      });
    });
    started_.acquire();
  }
  /// Waits until `n` writes are queued behind the held one.
  void wait_for_queue(std::size_t n) const {
    while (writer_.queued() < n) std::this_thread::yield();
  }
  /// Lets the writer thread go on.
  void release() {
    release_.release();
    holder_.join();
  }

 private:
  Writer& writer_;
  std::binary_semaphore started_{0}, release_{0};
  std::thread holder_;
};

TEST_F(WriterTest, WritesQueuedDuringABatchShareOneCommit) {
  HeldWriter held(*writer_);
  const auto before = writer_->counts();
  constexpr int kWrites = 20;
  std::vector<std::thread> threads;
  for (int i = 0; i < kWrites; ++i) threads.emplace_back([this] { writer_->transact([](Connection& c) { insert(c, 1); }); });
  held.wait_for_queue(kWrites);
  held.release();
  for (auto& thread : threads) thread.join();
  const auto after = writer_->counts();
  EXPECT_EQ(after.writes - before.writes, kWrites + 1);
  EXPECT_EQ(after.batches - before.batches, 2) << "the held write's batch, then one batch for the 20 queued";
  EXPECT_EQ(count(), kWrites);
}

TEST_F(WriterTest, AFailureThatEndsTheTransactionFailsAlone) {
  HeldWriter held(*writer_);
  std::atomic<int> committed{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&, i] {
      try {
        writer_->transact([&](Connection& c) {
          insert(c, i == 5 ? 1000 : 1);
          // What SQLite does by itself on a full disk or an I/O error: the whole transaction is rolled back.
          if (i == 5) {
            c.exec("ROLLBACK");
            throw SqliteError("database or disk is full");
          }
        });
        ++committed;
      } catch (const SqliteError&) {
        ++failed;
      }
    });
    held.wait_for_queue(static_cast<std::size_t>(i) + 1);  // queued in this order, so 5 runs amid the batch
  }
  held.release();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failed, 1);
  EXPECT_EQ(committed, 9);
  EXPECT_EQ(count(), 9);
  EXPECT_EQ(count("value = 1000"), 0);
  EXPECT_GE(writer_->counts().reruns, 5u) << "the writes before the failed one were undone and run again";
}

TEST_F(WriterTest, AWriteThatFailsInsideABatchLeavesItsNeighboursCommitted) {
  HeldWriter held(*writer_);
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      try {
        writer_->transact([i](Connection& c) {
          insert(c, i % 2 ? 1000 : 1);
          if (i % 2) insert(c, -1);  // CHECK fails: this write alone is rolled back to its savepoint
        });
      } catch (const SqliteError&) {
        ++failed;
      }
    });
    held.wait_for_queue(static_cast<std::size_t>(i) + 1);
  }
  const auto before = writer_->counts();
  held.release();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failed, 3);
  EXPECT_EQ(count(), 3);
  EXPECT_EQ(count("value = 1000"), 0);
  EXPECT_EQ(writer_->counts().reruns, before.reruns) << "a failed statement does not end the transaction";
}

}  // namespace
}  // namespace gongyou::server::sqlite
