// tests/server/dialect_test.cpp — the SQL dialects of the store (server/store/sql/dialect.h): SQLite's fragments
// run on an in-memory SQLite database through the shared SQL interface; PostgreSQL's are checked as text (its
// fragments run in api_tests_postgres).
#include "server/store/sql/dialect.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "server/store/sqlite/sqlite_connection.h"

namespace gongyou::server::sql {
namespace {

/// The count of rows of `where` over ids 1, 5 and 7, with ?1 bound to `list`.
std::int64_t count_ids(Connection& connection, const std::string& where, const std::string& list) {
  auto query = connection.cached("SELECT count(*) FROM (SELECT 1 AS id UNION SELECT 5 UNION SELECT 7) WHERE " + where);
  query->bind(1, list);
  query->step();
  return query->column_int(0);
}

TEST(Dialect, SqliteIntListSelectsTheListedIds) {
  sqlite::Connection connection(":memory:");
  const Dialect& dialect = connection.dialect();
  const std::vector<std::int64_t> ids{1, 7, 9};
  EXPECT_EQ(count_ids(connection, dialect.in_int_list("id", 1), dialect.int_list(ids)), 2);
  EXPECT_EQ(count_ids(connection, dialect.in_int_list("id", 1), dialect.int_list({})), 0);
}

TEST(Dialect, SqliteFragmentsRun) {
  sqlite::Connection connection(":memory:");
  const Dialect& dialect = connection.dialect();
  auto query = connection.cached("SELECT " + dialect.position("'abcabc'", "'ca'") + ", 'ABC' " +
                                 dialect.like_ascii_nocase() + " '%b%', " + dialect.char_one() + " < 'A'" +
                                 dialect.byte_order() + ", " + dialect.next_id("sites") + " IS NULL");
  ASSERT_TRUE(query->step());
  EXPECT_EQ(query->column_int(0), 3);
  EXPECT_EQ(query->column_int(1), 1);
  EXPECT_EQ(query->column_int(2), 1);
  EXPECT_EQ(query->column_int(3), 1);
  EXPECT_EQ(dialect.after_explicit_ids("sites"), "");
  EXPECT_STREQ(dialect.for_update(), "");
  EXPECT_EQ(dialect.username_is(1), "username = ?1");
}

TEST(Dialect, PostgresFragments) {
  const Dialect& dialect = Dialect::postgres();
  EXPECT_EQ(dialect.kind(), Dialect::Kind::postgres);
  const std::vector<std::int64_t> ids{1, 5};
  EXPECT_EQ(dialect.int_list(ids), "{1,5}");
  EXPECT_EQ(dialect.int_list({}), "{}");
  EXPECT_EQ(dialect.in_int_list("id", 9), "id = ANY (CAST(?9 AS bigint[]))");
  EXPECT_EQ(dialect.position("a", "b"), "strpos(a, b)");
  EXPECT_EQ(dialect.username_is(2), "lower(username) = lower(?2)");
  EXPECT_STREQ(dialect.for_update(), " FOR UPDATE");
  EXPECT_EQ(dialect.after_explicit_ids("sites"),
            "SELECT setval(pg_get_serial_sequence('sites', 'id'), (SELECT max(id) FROM sites))");
}

}  // namespace
}  // namespace gongyou::server::sql
