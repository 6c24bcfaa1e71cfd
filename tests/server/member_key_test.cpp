// tests/server/member_key_test.cpp — the member key file: created once with mode 0600 and read back the same, refused
// when others can read it or it is malformed; sealing round-trips, uses a fresh nonce, and detects tampering; the
// keyed ID hash differs between keys (the database alone cannot confirm a guessed number).
#include "server/crypto/member_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "server/crypto/secrets.h"

namespace gongyou::server::crypto {
namespace {

class MemberKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    initialize();
    dir_ = std::filesystem::temp_directory_path() /
           ("gongyou-member-key-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const char* name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(MemberKeyFile, IsCreatedOnceWithMode0600AndReadBackTheSame) {
  const std::string file = path("db.member-key");
  const MemberKey first = MemberKey::load_or_create(file);
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  const std::string sealed = first.seal("350521198812310019");
  const MemberKey again = MemberKey::load_or_create(file);
  EXPECT_EQ(again.open(sealed), "350521198812310019");
  EXPECT_EQ(again.id_hash("350521198812310019"), first.id_hash("350521198812310019"));
}

TEST_F(MemberKeyFile, InstancesStartingTogetherAllGetTheSameKey) {
  const std::string file = path("cluster.member-key");
  std::vector<std::string> hashes(4);
  std::vector<std::thread> instances;
  for (std::size_t i = 0; i < hashes.size(); ++i)
    instances.emplace_back([&, i] { hashes[i] = MemberKey::load_or_create(file).id_hash("350521198812310019"); });
  for (std::thread& t : instances) t.join();
  for (const std::string& h : hashes) EXPECT_EQ(h, hashes[0]);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) files += entry.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 1u);  // no temporary file left behind
}

TEST_F(MemberKeyFile, IsRefusedWhenOthersCanReadItOrItIsMalformed) {
  const std::string file = path("open.member-key");
  MemberKey::load_or_create(file);
  ::chmod(file.c_str(), 0644);
  EXPECT_THROW(MemberKey::load_or_create(file), std::runtime_error);
  const std::string bad = path("bad.member-key");
  std::ofstream(bad) << "not hex at all\n";
  ::chmod(bad.c_str(), 0600);
  EXPECT_THROW(MemberKey::load_or_create(bad), std::runtime_error);
  EXPECT_THROW(MemberKey::load_or_create(path("missing-dir/x.member-key")), std::runtime_error);
}

TEST(MemberKey, SealingUsesAFreshNonceAndDetectsTampering) {
  initialize();
  const MemberKey key = MemberKey::from_bytes(std::string(32, 'k'));
  const std::string a = key.seal("13800138000");
  const std::string b = key.seal("13800138000");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find("13800138000"), std::string::npos);
  EXPECT_EQ(key.open(a), "13800138000");
  std::string tampered = a;
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  EXPECT_EQ(key.open(tampered), std::nullopt);
  EXPECT_EQ(key.open("short"), std::nullopt);
  const MemberKey other = MemberKey::from_bytes(std::string(32, 'o'));
  EXPECT_EQ(other.open(a), std::nullopt);
  EXPECT_NE(other.id_hash("350521198812310019"), key.id_hash("350521198812310019"));
  EXPECT_EQ(key.id_hash("350521198812310019").size(), 32u);
}

TEST(MemberKey, TheDefaultPathSitsBesideAnSqliteFile) {
  EXPECT_EQ(default_member_key_path("/var/lib/gongyou/gongyou.db"), "/var/lib/gongyou/gongyou.db.member-key");
  EXPECT_EQ(default_member_key_path("postgresql://gongyou@localhost/gongyou"), "gongyou.member-key");
}

}  // namespace
}  // namespace gongyou::server::crypto
