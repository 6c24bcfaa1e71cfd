// server/store/sql/sql_sites.cpp — SqlStore's sites and workplaces (store.h), idempotency records, server secrets and the
// purge of expired rows. Every SQL text here is fixed but for the dialect's fragments; filters are bound
// parameters, and an unused filter is bound as NULL.
#include <nlohmann/json.hpp>

#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

/// The site listing. With `in_box` the bbox (?2..?5) is required and, on SQLite, searched through the
/// sites_by_position index (lat range, lon checked in the index) instead of walking every id: with bound
/// parameters SQLite cannot tell a small box from a large one and walks the ids, which at 150,000 sites costs
/// 50 ms for a viewport with no site (every row read); through the index the same request takes under 1 ms, and
/// the worst case (a box as tall as half of China, its ids sorted) about 30 ms.
std::string list_sql(const Dialect& dialect, bool in_box) {
  const std::string like = std::string(" ") + dialect.like_ascii_nocase() + " ?7 ESCAPE '\\' ";
  return std::string("SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites") +
         (in_box ? dialect.sites_by_position() : "") + " WHERE id > ?1 AND " +
         (in_box ? "lon BETWEEN ?2 AND ?4 AND lat BETWEEN ?3 AND ?5"
                 : "(CAST(?2 AS double precision) IS NULL OR (lon BETWEEN ?2 AND ?4 AND lat BETWEEN ?3 AND ?5))") +
         " AND (CAST(?6 AS text) IS NULL OR " + dialect.position("?6", "',' || type || ','") + " > 0)" +
         " AND (CAST(?7 AS text) IS NULL OR name" + like + "OR address" + like + "OR town" + like + "OR " +
         dialect.in_int_list("id", 9) + ") ORDER BY id LIMIT ?8";
}

constexpr const char* kFindSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites WHERE id = ?1";

constexpr const char* kAllSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites ORDER BY id";

/// Inserts a site; NULL for ?1 takes the next automatic id.
std::string insert_sql(const Dialect& dialect) {
  return "INSERT INTO sites (id, type, name, town, address, lat, lon, phone, hours, facilities, bookable) "
         "VALUES (coalesce(?1, " +
         dialect.next_id("sites") + "), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id";
}

/// Reads the current row of a SELECT of the sites columns in table order (id, type, ... bookable).
Site read_site(const Statement& row) {
  Site site;
  site.id = SiteId{row.column_int(0)};
  const std::string type = row.column_text(1);
  const auto parsed_type = site_type_from_id(type);
  if (!parsed_type) throw Error("site " + std::to_string(site.id.value) + " has unknown type '" + type + "'");
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

/// ",a,b," for the position test of list_sql().
std::string type_list(const std::vector<SiteType>& types) {
  std::string list = ",";
  for (SiteType type : types) (list += info(type).id) += ',';
  return list;
}

/// The ids for the in_int_list() of list_sql().
std::string id_list(const Dialect& dialect, const std::vector<SiteId>& ids) {
  std::vector<std::int64_t> values;
  values.reserve(ids.size());
  for (SiteId id : ids) values.push_back(id.value);
  return dialect.int_list(values);
}

/// A LIKE pattern (ASCII case ignored, like_ascii_nocase()) matching `text` literally anywhere: %, _ and \ are
/// escaped with \.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern += '%';
}

/// Inserts one site (with its id when `keep_id` and the id is positive, else the next automatic one); its id.
std::int64_t insert_site(Connection& writer, const Site& site, bool keep_id) {
  auto insert = writer.cached(insert_sql(writer.dialect()));
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

/// Inserts the sites when the table is empty; false (nothing written) when it holds any.
bool insert_sites_if_none(Connection& writer, std::span<const Site> sites) {
  {
    auto count = writer.cached("SELECT EXISTS (SELECT 1 FROM sites)");
    if (count->step() && count->column_int(0) != 0) return false;
  }
  for (const Site& site : sites) insert_site(writer, site, /*keep_id=*/true);
  if (const std::string sql = writer.dialect().after_explicit_ids("sites"); !sql.empty()) {
    auto sequence = writer.cached(sql);
    sequence->step();
  }
  return true;
}

}  // namespace

SitePage SqlStore::list_sites(const SitePageRequest& request) {
  auto connection = borrow();
  const SiteFilter& filter = request.filter;
  const Dialect& dialect = (*connection).dialect();
  auto query = (*connection).cached(list_sql(dialect, filter.bbox.has_value()));
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
    if (!filter.text_initials_matches.empty()) query->bind(9, id_list(dialect, filter.text_initials_matches));
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

std::optional<Site> SqlStore::find_site(SiteId id) {
  auto connection = borrow();
  auto query = (*connection).cached(kFindSql);
  query->bind(1, id.value);
  if (!query->step()) return std::nullopt;
  return read_site(*query);
}

std::vector<Site> SqlStore::all_sites() {
  auto connection = borrow();
  auto query = (*connection).cached(kAllSql);
  std::vector<Site> sites;
  while (query->step()) sites.push_back(read_site(*query));
  return sites;
}

bool SqlStore::seed_sites(std::span<const Site> sites) {
  return write([&](Connection& writer) { return insert_sites_if_none(writer, sites); });
}

std::vector<SiteId> SqlStore::insert_sites(std::span<const Site> sites) {
  return write([&](Connection& writer) {
    std::vector<SiteId> ids;
    ids.reserve(sites.size());
    for (const Site& site : sites) ids.push_back(SiteId{insert_site(writer, site, /*keep_id=*/false)});
    return ids;
  });
}

std::vector<Workplace> SqlStore::all_workplaces() {
  auto connection = borrow();
  auto query = (*connection).cached("SELECT lat, lon, members, town FROM workplaces ORDER BY id");
  std::vector<Workplace> workplaces;
  while (query->step())
    workplaces.push_back({LatLon{query->column_double(0), query->column_double(1)},
                          static_cast<std::uint32_t>(query->column_int(2)), query->column_text(3)});
  return workplaces;
}

bool SqlStore::seed_workplaces(std::span<const Workplace> workplaces) {
  return write([&](Connection& writer) {
    {
      auto any = writer.cached("SELECT EXISTS (SELECT 1 FROM workplaces)");
      if (any->step() && any->column_int(0) != 0) return false;
    }
    for (const Workplace& workplace : workplaces) {
      auto insert = writer.cached("INSERT INTO workplaces (lat, lon, members, town) VALUES (?1, ?2, ?3, ?4)");
      insert->bind(1, workplace.position.lat);
      insert->bind(2, workplace.position.lon);
      insert->bind(3, std::int64_t{workplace.members});
      insert->bind(4, workplace.town);
      insert->step();
    }
    return true;
  });
}

IdempotentAnswer SqlStore::run_idempotent(const IdempotencyKey& key, UtcSeconds now, UtcSeconds fresh_since,
                                          const std::function<StoredResponse()>& action) {
  return write([&](Connection& writer) {
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

std::string SqlStore::server_secret(std::string_view name, const std::function<std::string()>& make) {
  return write([&](Connection& writer) {
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

void SqlStore::purge_expired(UtcSeconds now, UtcSeconds idempotency_before, UtcSeconds failures_before) {
  write([&](Connection& writer) {
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

}  // namespace gongyou::server::sql
