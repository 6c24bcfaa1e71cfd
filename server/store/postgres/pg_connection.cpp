// server/store/postgres/pg_connection.cpp — see pg_connection.h.
#include "server/store/postgres/pg_connection.h"

#include <cstdlib>

#include "server/store/store_error.h"

namespace gongyou::server::postgres {
namespace {

/// A PgError from a failed result (or the connection's message when there is no result).
[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what) {
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty()) message = PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  // No SQLSTATE and a broken link: class 08 (connection exception).
  std::string sqlstate = state ? state : (PQstatus(conn) != CONNECTION_OK ? "08006" : "");
  // Lost link (class 08), server shutting down (57P01..57P03), statement or lock timeout: try again later.
  const bool unavailable = sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate == "57014" ||
                           sqlstate == "55P03" || PQstatus(conn) != CONNECTION_OK;
  if (unavailable) throw StoreUnavailable("database unavailable: " + std::string(what) + ": " + message);
  throw PgError(std::string(what) + ": " + message, std::move(sqlstate));
}

using Result = std::unique_ptr<PGresult, void (*)(PGresult*)>;

/// The length of the well-formed UTF-8 sequence at the start of `text` (shortest form, no surrogates, at most
/// U+10FFFF), or 0 when it is not one.
std::size_t utf8_sequence(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                            : 0;
  if (length == 0 || text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(i) & 0xC0) != 0x80) return 0;
  if (lead == 0xE0 && byte(1) < 0xA0) return 0;  // overlong
  if (lead == 0xED && byte(1) > 0x9F) return 0;  // surrogate
  if (lead == 0xF0 && byte(1) < 0x90) return 0;  // overlong
  if (lead == 0xF4 && byte(1) > 0x8F) return 0;  // above U+10FFFF
  return length;
}

/// `text` with each byte that is not part of well-formed UTF-8 replaced by U+FFFD. PostgreSQL refuses such
/// bytes in text (SQLite keeps them); they cannot occur in stored text, so a search for them still finds
/// nothing, as on SQLite. NUL, which PostgreSQL text cannot hold either, becomes U+FFFD too.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = text[0] == '\0' ? 0 : utf8_sequence(text);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      text.remove_prefix(1);
    } else {
      out += text.substr(0, length);
      text.remove_prefix(length);
    }
  }
  return out;
}

}  // namespace

std::string dollar_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    const bool numbered = i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9';
    out += (c == '?' && !quoted && numbered) ? '$' : c;
  }
  return out;
}

Statement::Value& Statement::slot(int index) {
  if (index < 1 || static_cast<std::size_t>(index) > values_.size())
    throw PgError("bind: no parameter $" + std::to_string(index) + " in " + name_, "");
  return values_[static_cast<std::size_t>(index - 1)];
}

void Statement::bind(int index, std::int64_t value) { slot(index) = {std::to_string(value), false}; }

void Statement::bind(int index, double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  slot(index) = {std::string(text), false};
}

void Statement::bind(int index, std::string_view text) { slot(index) = {valid_utf8(text), false}; }

void Statement::bind_blob(int index, std::string_view bytes) { slot(index) = {std::string(bytes), true}; }

void Statement::bind_null(int index) { slot(index) = {std::nullopt, false}; }

bool Statement::step() {
  if (!result_) {
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
    for (const Value& value : values_) {
      values.push_back(value.text ? value.text->data() : nullptr);
      lengths.push_back(value.text ? static_cast<int>(value.text->size()) : 0);
      formats.push_back(value.binary ? 1 : 0);
    }
    connection_.count_round_trip();
    result_.reset(PQexecPrepared(connection_.raw(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                                 lengths.data(), formats.data(), 0));
    connection_.check(result_.get(), "execute");
    const char* tuples = PQcmdTuples(result_.get());
    connection_.set_changes(tuples && *tuples ? std::atoll(tuples) : 0);
    row_ = -1;
  }
  return ++row_ < PQntuples(result_.get());
}

void Statement::reset() noexcept {
  result_.reset();
  row_ = -1;
  for (Value& value : values_) value = {};
}

std::int64_t Statement::column_int(int index) const {
  const char* text = PQgetvalue(result_.get(), row_, index);
  if (text[0] == 't') return 1;  // boolean true (EXISTS, comparisons)
  if (text[0] == 'f') return 0;
  return std::atoll(text);
}

double Statement::column_double(int index) const { return std::atof(PQgetvalue(result_.get(), row_, index)); }

std::string Statement::column_text(int index) const {
  return std::string(PQgetvalue(result_.get(), row_, index),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row_, index)));
}

std::string Statement::column_blob(int index) const {
  std::size_t length = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, index)), &length);
  if (!bytes) throw PgError("cannot decode a bytea column", "");
  std::string value(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return value;
}

bool Statement::column_is_null(int index) const { return PQgetisnull(result_.get(), row_, index) != 0; }

Connection::Connection(const std::string& conninfo, int statement_timeout_ms) {
  const std::string options = "-c statement_timeout=" + std::to_string(statement_timeout_ms) +
                              " -c lock_timeout=" + std::to_string(statement_timeout_ms) + " -c TimeZone=UTC";
  const char* keys[] = {"dbname", "options", "connect_timeout", "application_name", nullptr};
  const char* values[] = {conninfo.c_str(), options.c_str(), "3", "gongyou-server", nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw PgError("cannot connect to PostgreSQL: " + message, "08001");
  }
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);  // no NOTICE lines on stderr
}

Connection::~Connection() { PQfinish(conn_); }

void Connection::check(PGresult* result, std::string_view what) {
  const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, result, what);
}

void Connection::exec(const char* sql) {
  count_round_trip();
  Result result(PQexec(conn_, sql), PQclear);
  check(result.get(), "exec");
}

sql::StatementUse Connection::cached(std::string_view sql) {
  auto [it, inserted] = statements_.try_emplace(std::string(sql));
  if (inserted) {
    try {
      const std::string name = "s" + std::to_string(++prepared_);
      const std::string text = dollar_placeholders(sql);
      round_trips_.fetch_add(2, std::memory_order_relaxed);  // prepare and describe
      Result prepared(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), PQclear);
      check(prepared.get(), "prepare");
      Result described(PQdescribePrepared(conn_, name.c_str()), PQclear);
      check(described.get(), "describe");
      it->second = std::make_unique<Statement>(*this, name, PQnparams(described.get()));
    } catch (...) {
      statements_.erase(it);
      throw;
    }
  }
  return sql::StatementUse(*it->second);
}

bool Connection::reconnect() {
  statements_.clear();  // the new session has no prepared statements
  prepared_ = 0;
  PQreset(conn_);
  return healthy();
}

}  // namespace gongyou::server::postgres
