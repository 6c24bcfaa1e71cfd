// server/store/postgres/pg_store.cpp — see pg_store.h: connecting and migrating, sites, idempotency records,
// server secrets and the purge of expired rows. Every SQL text here is a fixed literal; filters are bound
// parameters, and an unused filter is bound as NULL.
#include "server/store/postgres/pg_store.h"

#include <nlohmann/json.hpp>

#include "server/store/postgres/pg_migrate.h"

namespace gongyou::server::postgres {
namespace {

constexpr const char* kListSql = R"sql(
SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites
WHERE id > ?1
  AND (?2::float8 IS NULL OR (lon BETWEEN ?2 AND ?4 AND lat BETWEEN ?3 AND ?5))
  AND (?6::text IS NULL OR strpos(?6, ',' || type || ',') > 0)
  AND (?7::text IS NULL OR name ILIKE ?7 ESCAPE '\' OR address ILIKE ?7 ESCAPE '\' OR town ILIKE ?7 ESCAPE '\'
       OR id = ANY (?9::bigint[]))
ORDER BY id
LIMIT ?8
)sql";

constexpr const char* kFindSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites WHERE id = ?1";

constexpr const char* kAllSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites ORDER BY id";

constexpr const char* kInsertSql = R"sql(
INSERT INTO sites (id, type, name, town, address, lat, lon, phone, hours, facilities, bookable)
VALUES (coalesce(?1, nextval(pg_get_serial_sequence('sites', 'id'))), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
RETURNING id
)sql";

/// Reads the current row of a SELECT of the sites columns in table order (id, type, ... bookable).
Site read_site(const Statement& row) {
  Site site;
  site.id = SiteId{row.column_int(0)};
  const std::string type = row.column_text(1);
  const auto parsed_type = site_type_from_id(type);
  if (!parsed_type) throw PgError("site " + std::to_string(site.id.value) + " has unknown type '" + type + "'");
  site.type = *parsed_type;
  site.name = row.column_text(2);
  site.town = row.column_text(3);
  site.address = row.column_text(4);
  site.position = LatLon{row.column_double(5), row.column_double(6)};
  site.phone = row.column_text(7);
  site.hours = row.column_text(8);
  const nlohmann::json facilities = parse_json_or_discarded(row.column_text(9));
  if (facilities.is_array())
    for (const auto& item : facilities)
      if (item.is_string()) site.facilities.push_back(item.get<std::string>());
  site.bookable = row.column_int(10) != 0;
  return site;
}

/// ",a,b," for the strpos() test of kListSql.
std::string type_list(const std::vector<SiteType>& types) {
  std::string list = ",";
  for (SiteType type : types) (list += info(type).id) += ',';
  return list;
}

/// "{1,5,7}", the bigint[] literal for the = ANY of kListSql.
std::string id_list(const std::vector<SiteId>& ids) {
  std::string list;
  for (SiteId id : ids) (list += list.empty() ? '{' : ',') += std::to_string(id.value);
  return list.empty() ? "{}" : list + '}';
}

/// An ILIKE pattern (case-insensitive for ASCII like SQLite's LIKE) matching `text` literally anywhere: %, _ and \ are
/// escaped with \.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern += '%';
}

/// Connects once and brings the schema to the newest version, before the pool opens.
std::string migrated(const std::string& conninfo, int statement_timeout_ms) {
  Connection connection(conninfo, statement_timeout_ms);
  apply_migrations(connection, embedded_postgres_migrations());
  return conninfo;
}

/// Inserts the sites when the table is empty; false (nothing written) when it holds any.
/// Inserts one site; with `keep_id` a positive id is kept, else the sequence gives one. Returns the id.
std::int64_t insert_site(Connection& writer, const Site& site, bool keep_id) {
  auto insert = writer.cached(kInsertSql);
  if (keep_id && site.id.value > 0) insert->bind(1, site.id.value);
  insert->bind(2, info(site.type).id);
  insert->bind(3, site.name);
  insert->bind(4, site.town);
  insert->bind(5, site.address);
  insert->bind(6, site.position.lat);
  insert->bind(7, site.position.lon);
  insert->bind(8, site.phone);
  insert->bind(9, site.hours);
  insert->bind(10, nlohmann::json(site.facilities).dump());
  insert->bind(11, std::int64_t{site.bookable ? 1 : 0});
  return insert->step() ? insert->column_int(0) : 0;
}

bool insert_sites_if_none(Connection& writer, std::span<const Site> sites) {
  {
    auto count = writer.cached("SELECT EXISTS (SELECT 1 FROM sites)");
    if (count->step() && count->column_int(0) != 0) return false;
  }
  for (const Site& site : sites) insert_site(writer, site, /*keep_id=*/true);
  // Explicit ids do not advance the identity sequence: move it past them.
  auto sequence = writer.cached("SELECT setval(pg_get_serial_sequence('sites', 'id'), (SELECT max(id) FROM sites))");
  sequence->step();
  return true;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& conninfo, std::size_t connections, int statement_timeout_ms)
    : pool_(migrated(conninfo, statement_timeout_ms), connections, statement_timeout_ms) {}

SitePage PostgresStore::list_sites(const SitePageRequest& request) {
  auto connection = pool_.borrow();
  auto query = (*connection).cached(kListSql);
  const SiteFilter& filter = request.filter;
  query->bind(1, request.after.value);
  if (filter.bbox) {
    query->bind(2, filter.bbox->min_lon);
    query->bind(3, filter.bbox->min_lat);
    query->bind(4, filter.bbox->max_lon);
    query->bind(5, filter.bbox->max_lat);
  }
  if (!filter.types.empty()) query->bind(6, type_list(filter.types));
  if (!filter.text.empty()) {
    query->bind(7, contains_pattern(filter.text));
    if (!filter.text_initials_matches.empty()) query->bind(9, id_list(filter.text_initials_matches));
  }
  query->bind(8, static_cast<std::int64_t>(request.limit) + 1);  // one more tells whether a next page exists
  SitePage page;
  while (query->step()) page.items.push_back(read_site(*query));
  if (page.items.size() > request.limit) {
    page.items.pop_back();
    page.has_more = true;
  }
  return page;
}

std::optional<Site> PostgresStore::find_site(SiteId id) {
  auto connection = pool_.borrow();
  auto query = (*connection).cached(kFindSql);
  query->bind(1, id.value);
  if (!query->step()) return std::nullopt;
  return read_site(*query);
}

std::vector<Site> PostgresStore::all_sites() {
  auto connection = pool_.borrow();
  auto query = (*connection).cached(kAllSql);
  std::vector<Site> sites;
  while (query->step()) sites.push_back(read_site(*query));
  return sites;
}

bool PostgresStore::seed_sites(std::span<const Site> sites) {
  return pool_.transact([&](Connection& writer) { return insert_sites_if_none(writer, sites); });
}

std::vector<SiteId> PostgresStore::insert_sites(std::span<const Site> sites) {
  return pool_.transact([&](Connection& writer) {
    std::vector<SiteId> ids;
    ids.reserve(sites.size());
    for (const Site& site : sites) ids.push_back(SiteId{insert_site(writer, site, /*keep_id=*/false)});
    return ids;
  });
}

IdempotentAnswer PostgresStore::run_idempotent(const IdempotencyKey& key, UtcSeconds now, UtcSeconds fresh_since,
                                               const std::function<StoredResponse()>& action) {
  return pool_.transact([&](Connection& writer) {
    {
      auto earlier = writer.cached(
          "SELECT body_hash, status, response_body FROM idempotency_keys "
          "WHERE user_id = ?1 AND key = ?2 AND method = ?3 AND path = ?4 AND created_at >= ?5");
      earlier->bind(1, key.user.value);
      earlier->bind(2, key.key);
      earlier->bind(3, key.method);
      earlier->bind(4, key.path);
      earlier->bind(5, fresh_since.value);
      if (earlier->step()) {
        if (earlier->column_text(0) != key.body_hash) return IdempotentAnswer{{}, false, true};
        return IdempotentAnswer{{static_cast<int>(earlier->column_int(1)), earlier->column_text(2)}, true, false};
      }
    }
    IdempotentAnswer answer{action(), false, false};
    auto store = writer.cached(
        "INSERT INTO idempotency_keys "
        "(user_id, key, method, path, body_hash, status, response_body, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (user_id, key, method, path) DO UPDATE SET "
        "body_hash = excluded.body_hash, status = excluded.status, response_body = excluded.response_body, "
        "created_at = excluded.created_at");
    store->bind(1, key.user.value);
    store->bind(2, key.key);
    store->bind(3, key.method);
    store->bind(4, key.path);
    store->bind(5, key.body_hash);
    store->bind(6, answer.response.status);
    store->bind(7, answer.response.body);
    store->bind(8, now.value);
    store->step();
    return answer;
  });
}

std::string PostgresStore::server_secret(std::string_view name, const std::function<std::string()>& make) {
  return pool_.transact([&](Connection& writer) {
    {
      auto existing = writer.cached("SELECT value FROM server_secrets WHERE name = ?1");
      existing->bind(1, name);
      if (existing->step()) return existing->column_blob(0);
    }
    std::string value = make();
    auto insert = writer.cached("INSERT INTO server_secrets (name, value) VALUES (?1, ?2)");
    insert->bind(1, name);
    insert->bind_blob(2, value);
    insert->step();
    return value;
  });
}

void PostgresStore::purge_expired(UtcSeconds now, UtcSeconds idempotency_before, UtcSeconds failures_before) {
  pool_.transact([&](Connection& writer) {
    auto sessions = writer.cached("DELETE FROM sessions WHERE expires_at <= ?1");
    sessions->bind(1, now.value);
    sessions->step();
    auto keys = writer.cached("DELETE FROM idempotency_keys WHERE created_at < ?1");
    keys->bind(1, idempotency_before.value);
    keys->step();
    auto failures = writer.cached("DELETE FROM login_failures WHERE at < ?1");
    failures->bind(1, failures_before.value);
    failures->step();
  });
}

}  // namespace gongyou::server::postgres
