// tests/server/store_choice_test.cpp — the pieces of the PostgreSQL store that need no database: which --db
// values name PostgreSQL, and the ?N to $N placeholder rewrite that lets both stores share SQL texts.
#include <gtest/gtest.h>

#include "server/store/open_store.h"
#include "server/store/postgres/pg_connection.h"

namespace gongyou::server {
namespace {

TEST(StoreChoice, PostgresUrlsAndFilePaths) {
  EXPECT_TRUE(is_postgres_url("postgresql://postgres@127.0.0.1:5432/gongyou"));
  EXPECT_TRUE(is_postgres_url("postgres://db1/gongyou"));
  EXPECT_FALSE(is_postgres_url("gongyou.db"));
  EXPECT_FALSE(is_postgres_url("/var/lib/gongyou/postgresql://x.db"));
  EXPECT_FALSE(is_postgres_url("postgresql:relative.db"));
}

TEST(DollarPlaceholders, RewritesNumberedParametersOutsideQuotes) {
  EXPECT_EQ(postgres::dollar_placeholders("SELECT a FROM t WHERE id = ?1 AND b = ?12"),
            "SELECT a FROM t WHERE id = $1 AND b = $12");
  EXPECT_EQ(postgres::dollar_placeholders("SELECT '?1' || ?2"), "SELECT '?1' || $2");
  EXPECT_EQ(postgres::dollar_placeholders("SELECT ? , x?"), "SELECT ? , x?");
  EXPECT_EQ(postgres::dollar_placeholders("already $1"), "already $1");
}

}  // namespace
}  // namespace gongyou::server
