// tests/server/writer_test.cpp — the SQLite writer's group commit: many threads write at once, every write
// that returns is committed, a write that throws leaves nothing behind and does not disturb the others of its
// group, and a write joins the transaction of the write it is called from.
#include "server/store/sqlite/writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
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

}  // namespace
}  // namespace gongyou::server::sqlite
