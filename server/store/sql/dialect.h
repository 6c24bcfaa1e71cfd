// server/store/sql/dialect.h — the few places where SQLite's and PostgreSQL's SQL differ, in one class that the
// store's shared code asks (through Connection::dialect()) for a fragment wherever its SQL text needs one. Everything
// else is written once in a form both accept: ?N placeholders, CAST(?N AS type) where PostgreSQL must know a
// parameter's type, INSERT ... ON CONFLICT, INSERT ... RETURNING id, IS DISTINCT FROM.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace gongyou::server::sql {

/// SQL text that differs between the two databases; sqlite() and postgres() give the two.
class Dialect {
 public:
  /// The database a dialect speaks.
  enum class Kind { sqlite, postgres };

  /// SQLite's dialect.
  static const Dialect& sqlite();
  /// PostgreSQL's dialect.
  static const Dialect& postgres();

  /// Which database this is.
  Kind kind() const { return kind_; }

  /// The 1-based position of `needle` in `haystack`, 0 when absent ("instr" or "strpos").
  std::string position(std::string_view haystack, std::string_view needle) const;
  /// The LIKE operator that ignores the case of ASCII letters ("LIKE" or "ILIKE").
  const char* like_ascii_nocase() const;
  /// " COLLATE ..." that orders text by its bytes ("" on SQLite, whose default does).
  const char* byte_order() const;
  /// The one-character string of code point 1 ("char(1)" or "chr(1)"), a separator that sorts first.
  const char* char_one() const;
  /// `column` is one of the integers listed in parameter `param`, which is bound to int_list() text.
  std::string in_int_list(std::string_view column, int param) const;
  /// The text to bind for in_int_list(): a JSON array "[1,5]" or an array literal "{1,5}".
  std::string int_list(std::span<const std::int64_t> values) const;

  /// A username compared with parameter `param` without ASCII case (the column's unique key).
  std::string username_is(int param) const;
  /// The ON CONFLICT target of the users' unique username: "(username)" or "((lower(username)))".
  const char* username_conflict() const;

  /// The expression of the next automatic id of `table` when an INSERT names the id column ("NULL" on SQLite,
  /// whose rowid then takes the next one).
  std::string next_id(std::string_view table) const;
  /// A statement to run after inserting explicit ids into `table`, so that automatic ids continue past them;
  /// "" when there is nothing to do (SQLite).
  std::string after_explicit_ids(std::string_view table) const;

  /// " INDEXED BY sites_by_position" on SQLite (which would otherwise walk every id for a bounding box), else "".
  const char* sites_by_position() const;

  /// " FOR UPDATE" where a write locks the rows it decides on before reading them (PostgreSQL, READ COMMITTED);
  /// "" where writes are serial anyway (SQLite's single writer): then no lock statement is run.
  const char* for_update() const;

 private:
  explicit Dialect(Kind kind) : kind_(kind) {}
  bool pg() const { return kind_ == Kind::postgres; }
  Kind kind_;
};

}  // namespace gongyou::server::sql
