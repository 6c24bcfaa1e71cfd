// server/store/sql/dialect.cpp — see dialect.h: each fragment with SQLite's text first, PostgreSQL's second.
#include "server/store/sql/dialect.h"

namespace gongyou::server::sql {

const Dialect& Dialect::sqlite() {
  static const Dialect dialect(Kind::sqlite);
  return dialect;
}

const Dialect& Dialect::postgres() {
  static const Dialect dialect(Kind::postgres);
  return dialect;
}

std::string Dialect::position(std::string_view haystack, std::string_view needle) const {
  return std::string(pg() ? "strpos(" : "instr(") + std::string(haystack) + ", " + std::string(needle) + ")";
}

const char* Dialect::like_ascii_nocase() const { return pg() ? "ILIKE" : "LIKE"; }

const char* Dialect::byte_order() const { return pg() ? " COLLATE \"C\"" : ""; }

const char* Dialect::char_one() const { return pg() ? "chr(1)" : "char(1)"; }

std::string Dialect::in_int_list(std::string_view column, int param) const {
  const std::string p = "?" + std::to_string(param);
  // SQLite reads the subquery of IN once, into a temporary index.
  return pg() ? std::string(column) + " = ANY (CAST(" + p + " AS bigint[]))"
              : std::string(column) + " IN (SELECT value FROM json_each(" + p + "))";
}

std::string Dialect::int_list(std::span<const std::int64_t> values) const {
  std::string list;
  for (std::int64_t value : values) (list += list.empty() ? "" : ",") += std::to_string(value);
  return pg() ? "{" + list + "}" : "[" + list + "]";
}

std::string Dialect::username_is(int param) const {
  const std::string p = "?" + std::to_string(param);
  // SQLite: the column is COLLATE NOCASE. PostgreSQL: the unique and failure indexes are on lower(username).
  return pg() ? "lower(username) = lower(" + p + ")" : "username = " + p;
}

const char* Dialect::username_conflict() const { return pg() ? "((lower(username)))" : "(username)"; }

std::string Dialect::next_id(std::string_view table) const {
  return pg() ? "nextval(pg_get_serial_sequence('" + std::string(table) + "', 'id'))" : "NULL";
}

std::string Dialect::after_explicit_ids(std::string_view table) const {
  if (!pg()) return "";
  const std::string t(table);
  // Explicit ids do not advance the identity sequence: move it past them.
  return "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT max(id) FROM " + t + "))";
}

const char* Dialect::sites_by_position() const { return pg() ? "" : " INDEXED BY sites_by_position"; }

const char* Dialect::for_update() const { return pg() ? " FOR UPDATE" : ""; }

}  // namespace gongyou::server::sql
