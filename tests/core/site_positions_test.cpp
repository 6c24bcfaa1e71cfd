// tests/core/site_positions_test.cpp — the compact positions form: a round trip over the demo and random sites,
// its size, and every kind of bad column refused with a reason (never a throw: the wasm build has none).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/site_positions.h"
#include "tools/demo_data/huian_demo.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

std::vector<Site> random_sites(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lat(-89.9, 89.9), lon(-180, 180);
  std::uniform_int_distribution<int> gap(1, 1000), type(0, static_cast<int>(all_site_types().size()) - 1);
  std::vector<Site> sites(n);
  std::int64_t id = 0;
  for (Site& s : sites) {
    id += gap(rng);
    s.id = SiteId{id};
    s.type = static_cast<SiteType>(type(rng));
    s.position = {lat(rng), lon(rng)};
  }
  return sites;
}

std::string error_of(const std::string& text) {
  const auto decoded = decode_site_positions(parse_json_or_discarded(text));
  const auto* e = std::get_if<DecodeError>(&decoded);
  return e ? e->message : "";
}

TEST(SitePositions, RoundTripKeepsIdsTypesAndPositionsToAMetre) {
  for (const auto& sites : {demo::huian_sites(), random_sites(5000, 7)}) {
    const auto decoded = decode_site_positions(parse_json_or_discarded(encode_site_positions(sites)));
    const auto* p = std::get_if<SitePositions>(&decoded);
    ASSERT_NE(p, nullptr) << std::get<DecodeError>(decoded).message;
    ASSERT_EQ(p->size(), sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
      EXPECT_EQ(p->ids[i], sites[i].id);
      EXPECT_EQ(p->types[i], sites[i].type);
      EXPECT_NEAR(p->positions[i].lat, sites[i].position.lat, 0.5e-5 + 1e-12);
      EXPECT_NEAR(p->positions[i].lon, sites[i].position.lon, 0.5e-5 + 1e-12);
    }
  }
}

TEST(SitePositions, IsCompact) {
  const auto sites = random_sites(10000, 3);
  EXPECT_LT(encode_site_positions(sites).size(), sites.size() * 30);
}

TEST(SitePositions, EmptySetRoundTrips) {
  const auto decoded = decode_site_positions(parse_json_or_discarded(encode_site_positions({})));
  ASSERT_TRUE(std::holds_alternative<SitePositions>(decoded));
  EXPECT_EQ(std::get<SitePositions>(decoded).size(), 0u);
}

TEST(SitePositions, RefusesBadColumnsWithAReason) {
  const std::string types = R"("types":["service_center","love_station"])";
  EXPECT_NE(error_of("[]"), "");
  EXPECT_NE(error_of("{}"), "");
  EXPECT_NE(error_of("not json"), "");
  EXPECT_NE(error_of(R"({"count":-1,)" + types + R"(,"id":[],"type":[],"lat":[],"lon":[]})"), "");
  EXPECT_NE(error_of(R"({"count":1,"id":[1],"type":[0],"lat":[0],"lon":[0]})"), "") << "no type table";
  EXPECT_NE(error_of(R"({"count":2,)" + types + R"(,"id":[1],"type":[0],"lat":[0],"lon":[0]})"), "") << "short";
  EXPECT_NE(error_of(R"({"count":1,)" + types + R"(,"id":["1"],"type":[0],"lat":[0],"lon":[0]})"), "") << "string";
  EXPECT_NE(error_of(R"({"count":1,)" + types + R"(,"id":[1.5],"type":[0],"lat":[0],"lon":[0]})"), "") << "fraction";
  EXPECT_NE(error_of(R"({"count":2,)" + types + R"(,"id":[3,0],"type":[0,0],"lat":[0,0],"lon":[0,0]})"), "")
      << "ids must increase";
  EXPECT_NE(error_of(R"({"count":1,)" + types + R"(,"id":[1],"type":[2],"lat":[0],"lon":[0]})"), "") << "type index";
  EXPECT_NE(error_of(R"({"count":1,"types":["spaceport"],"id":[1],"type":[0],"lat":[0],"lon":[0]})"), "");
  EXPECT_NE(error_of(R"({"count":1,)" + types + R"(,"id":[1],"type":[0],"lat":[9100000],"lon":[0]})"), "") << "lat";
  EXPECT_NE(error_of(R"({"count":1,)" + types + R"(,"id":[1],"type":[0],"lat":[0],"lon":[-18000001]})"), "") << "lon";
  EXPECT_EQ(error_of(R"({"count":1,)" + types + R"(,"id":[7],"type":[1],"lat":[2503000],"lon":[11880000]})"), "");
}

}  // namespace
}  // namespace gongyou
