// server/store/sqlite/sqlite_store.cpp — see sqlite_store.h. Every SQL text here is a fixed literal;
// filters are bound parameters, and an unused filter is bound as NULL.
#include "server/store/sqlite/sqlite_store.h"

#include <nlohmann/json.hpp>

#include "server/store/sqlite/migrate.h"

namespace gongyou::server::sqlite {
namespace {

constexpr const char* kListSql = R"sql(
SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites
WHERE id > ?1
  AND (?2 IS NULL OR (lon BETWEEN ?2 AND ?4 AND lat BETWEEN ?3 AND ?5))
  AND (?6 IS NULL OR instr(?6, ',' || type || ',') > 0)
  AND (?7 IS NULL OR name LIKE ?7 ESCAPE '\' OR address LIKE ?7 ESCAPE '\' OR town LIKE ?7 ESCAPE '\')
ORDER BY id
LIMIT ?8
)sql";

constexpr const char* kFindSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites WHERE id = ?1";

constexpr const char* kAllSql =
    "SELECT id, type, name, town, address, lat, lon, phone, hours, facilities, bookable FROM sites ORDER BY id";

constexpr const char* kInsertSql = R"sql(
INSERT INTO sites (id, type, name, town, address, lat, lon, phone, hours, facilities, bookable)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
)sql";

/// Reads the current row of a SELECT of the sites columns in table order (id, type, ... bookable).
Site read_site(const Statement& row) {
  Site site;
  site.id = SiteId{row.column_int(0)};
  const std::string type = row.column_text(1);
  const auto parsed_type = site_type_from_id(type);
  if (!parsed_type) throw SqliteError("site " + std::to_string(site.id.value) + " has unknown type '" + type + "'");
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

/// ",a,b," for the instr() test of kListSql.
std::string type_list(const std::vector<SiteType>& types) {
  std::string list = ",";
  for (SiteType type : types) (list += info(type).id) += ',';
  return list;
}

/// A LIKE pattern matching `text` literally anywhere: %, _ and \ are escaped with \.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern += '%';
}

/// The writer connection, with the file switched to WAL and migrated (before any reader opens it).
std::unique_ptr<Connection> open_writer(const std::string& path) {
  auto connection = std::make_unique<Connection>(path);
  connection->exec("PRAGMA journal_mode = WAL");
  apply_migrations(*connection, embedded_migrations());
  return connection;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path, std::size_t readers)
    : writer_(open_writer(path)), readers_(path, readers, /*read_only=*/true) {}

SitePage SqliteStore::list_sites(const SitePageRequest& request) {
  auto connection = readers_.borrow();
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
  if (!filter.text.empty()) query->bind(7, contains_pattern(filter.text));
  query->bind(8, static_cast<std::int64_t>(request.limit) + 1);  // one more tells whether a next page exists
  SitePage page;
  while (query->step()) page.items.push_back(read_site(*query));
  if (page.items.size() > request.limit) {
    page.items.pop_back();
    page.has_more = true;
  }
  return page;
}

std::optional<Site> SqliteStore::find_site(SiteId id) {
  auto connection = readers_.borrow();
  auto query = (*connection).cached(kFindSql);
  query->bind(1, id.value);
  if (!query->step()) return std::nullopt;
  return read_site(*query);
}

std::vector<Site> SqliteStore::all_sites() {
  auto connection = readers_.borrow();
  auto query = (*connection).cached(kAllSql);
  std::vector<Site> sites;
  while (query->step()) sites.push_back(read_site(*query));
  return sites;
}

bool SqliteStore::seed_sites(std::span<const Site> sites) {
  std::lock_guard lock(writer_mutex_);
  Transaction transaction(*writer_);
  {
    auto count = writer_->cached("SELECT EXISTS (SELECT 1 FROM sites)");
    if (count->step() && count->column_int(0) != 0) return false;
  }
  for (const Site& site : sites) {
    auto insert = writer_->cached(kInsertSql);
    if (site.id.value > 0) insert->bind(1, site.id.value);
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
    insert->step();
  }
  transaction.commit();
  return true;
}

}  // namespace gongyou::server::sqlite
