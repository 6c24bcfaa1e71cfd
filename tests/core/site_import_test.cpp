// tests/core/site_import_test.cpp — GCJ-02 conversion (published test vectors, round trips) and site uploads: good
// CSV in English and Chinese headers with quoting, BOM and CRLF; every kind of bad row reported with its row number
// and nothing accepted from a bad file; duplicates against stored sites and earlier rows; GeoJSON; random input.
#include "core/site_import.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/china_coordinates.h"
#include "core/geo.h"

namespace gongyou {
namespace {

TEST(ChinaCoordinates, PublishedVectors) {
  // The test vectors of googollee/eviltransform (WGS-84 -> GCJ-02): Shanghai, Shenzhen, Beijing.
  const double vectors[][4] = {{31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
                               {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
                               {39.911954, 116.377817, 39.91334545536069, 116.38404722455657}};
  for (const auto& v : vectors) {
    const LatLon gcj = wgs84_to_gcj02({v[0], v[1]});
    EXPECT_NEAR(gcj.lat, v[2], 1e-9);
    EXPECT_NEAR(gcj.lon, v[3], 1e-9);
    const LatLon back = gcj02_to_wgs84({v[2], v[3]});
    EXPECT_LT(great_circle_distance(back, {v[0], v[1]}).value, 0.001);
  }
}

TEST(ChinaCoordinates, RoundTripsAndOutsideChina) {
  std::mt19937 rng(8);
  std::uniform_real_distribution<double> lat(18, 53), lon(74, 134);
  for (int i = 0; i < 2000; ++i) {
    const LatLon wgs{lat(rng), lon(rng)};
    const LatLon gcj = wgs84_to_gcj02(wgs);
    const double shift = great_circle_distance(wgs, gcj).value;
    ASSERT_GT(shift, 1.0);
    ASSERT_LT(shift, 1500.0);
    ASSERT_LT(great_circle_distance(gcj02_to_wgs84(gcj), wgs).value, 0.001);
  }
  EXPECT_EQ(wgs84_to_gcj02({48.85, 2.35}), (LatLon{48.85, 2.35}));  // Paris: no offset
  EXPECT_EQ(gcj02_to_wgs84({-33.9, 151.2}), (LatLon{-33.9, 151.2}));
}

TEST(Utf8, Validity) {
  EXPECT_TRUE(is_valid_utf8("爱心驿站 abc 𠀀"));
  EXPECT_FALSE(is_valid_utf8("\xB0\xAE\xD0\xC4"));  // 爱心 in GB18030
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xE7\x88"));          // cut short
}

constexpr std::string_view kGood =
    "\xEF\xBB\xBF"
    "类型,名称,纬度,经度,地址,开放时间,设施,备注\r\n"
    "爱心驿站,螺城爱心驿站（八二三路）,25.031,118.801,\"惠安县螺城镇八二三中路1号, 一楼\",Mo-Su "
    "07:00-21:00,饮水|充电|toilet,\"他说\"\"好\"\"\"\r\n"
    "\r\n"
    "water_point,东园饮水点,24.985,118.735,,24/7,water,\r\n"
    "mommy_hut,\"多行\n名称\",25.05,118.77,,\"周一至周五 08:00-18:00；周六 09:00-12:00\",\"nursing、wifi\",\r\n";

TEST(SiteImport, GoodCsvWithChineseHeadersQuotingBomAndCrlf) {
  const ImportReport report = import_sites_csv(kGood, {});
  ASSERT_TRUE(report.ok()) << report.errors[0].row << ": " << report.errors[0].message;
  EXPECT_EQ(report.rows, 3u);
  ASSERT_EQ(report.sites.size(), 3u);
  const Site& a = report.sites[0];
  EXPECT_EQ(a.type, SiteType::love_station);
  EXPECT_EQ(a.name, "螺城爱心驿站（八二三路）");
  EXPECT_EQ(a.address, "惠安县螺城镇八二三中路1号, 一楼");
  EXPECT_EQ(a.position, (LatLon{25.031, 118.801}));
  EXPECT_EQ(a.facilities, (std::vector<std::string>{"water", "charging", "toilet"}));
  EXPECT_EQ(report.sites[1].type, SiteType::water_point);
  EXPECT_EQ(report.sites[2].name, "多行\n名称");
  EXPECT_EQ(report.sites[2].facilities, (std::vector<std::string>{"nursing", "wifi"}));
  EXPECT_EQ(a.id.value, 0);
}

TEST(SiteImport, Gcj02InputIsConvertedToWgs84) {
  ImportOptions options;
  options.datum = Datum::gcj02;
  const LatLon wgs{25.031, 118.801};
  const LatLon gcj = wgs84_to_gcj02(wgs);
  const std::string csv =
      "type,name,lat,lon\nlove_station,A," + std::to_string(gcj.lat) + "," + std::to_string(gcj.lon) + "\n";
  const ImportReport report = import_sites_csv(csv, options);
  ASSERT_TRUE(report.ok());
  EXPECT_LT(great_circle_distance(report.sites[0].position, wgs).value, 0.5);  // to_string keeps 6 decimals
  EXPECT_GT(great_circle_distance(gcj, wgs).value, 100.0) << "the offset is real";
}

TEST(SiteImport, EveryBadRowIsReportedWithItsRow) {
  const std::string csv =
      "type,name,lat,lon,hours,facilities,bookable\n"           // line 1
      "love_station,好的,25.03,118.80,,,\n"                     // 2: good
      "spaceship,未知类型,25.03,118.80,,,\n"                    // 3
      "love_station,,25.03,118.80,,,\n"                         // 4
      "love_station,坐标错,abc,118.80,,,\n"                     // 5
      "love_station,超出,95,118.80,,,\n"                        // 6
      "love_station,颠倒,118.80,25.03,,,\n"                     // 7
      "love_station,零点,0,0,,,\n"                              // 8
      "love_station,时间错,25.03,118.81,Mo-Fr 25:00-26:00,,\n"  // 9
      "love_station,设施错,25.03,118.82,,jacuzzi,\n"            // 10
      "love_station,字段少,25.03\n"                             // 11
      "love_station,好的,25.03,118.80001,,,\n"                  // 12: duplicate of row 2 (about 1 m away)
      "love_station,可预约错,25.03,118.83,,,maybe\n"            // 13
      "love_station,NaN,nan,118.80,,,\n";                       // 14
  const ImportReport report = import_sites_csv(csv, {});
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.rows, 13u);
  std::vector<std::size_t> rows;
  for (const ImportIssue& e : report.errors) {
    rows.push_back(e.row);
    EXPECT_FALSE(e.message.empty());
  }
  EXPECT_EQ(rows, (std::vector<std::size_t>{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}));
  const auto message = [&](std::size_t row) {
    for (const ImportIssue& e : report.errors)
      if (e.row == row) return e.message;
    return std::string();
  };
  EXPECT_NE(message(3).find("unknown type 'spaceship'"), std::string::npos);
  EXPECT_NE(message(7).find("swapped"), std::string::npos);
  EXPECT_NE(message(9).find("hours"), std::string::npos);
  EXPECT_NE(message(12).find("duplicate of row 2"), std::string::npos);
  ASSERT_EQ(report.sites.size(), 1u) << "only row 2 is good; the caller stores nothing since ok() is false";
}

TEST(SiteImport, DuplicateOfAStoredSite) {
  Site stored;
  stored.id = SiteId{42};
  stored.name = "螺城爱心驿站";
  stored.position = {25.03, 118.80};
  const std::vector<Site> existing{stored};
  const auto report = import_sites_csv(
      "type,name,lat,lon\nlove_station,螺城爱心驿站,25.0301,118.8001\nlove_station,螺城爱心驿站,25.04,118.80\n", {},
      existing);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].row, 2u);
  EXPECT_NE(report.errors[0].message.find("stored site 42"), std::string::npos);
  EXPECT_EQ(report.sites.size(), 1u) << "the same name 1 km away is another site";
}

TEST(SiteImport, FileLevelErrors) {
  const auto first_error = [](const ImportReport& r) { return r.errors.empty() ? ImportIssue{} : r.errors[0]; };
  EXPECT_EQ(first_error(import_sites_csv("", {})).row, 0u);
  EXPECT_EQ(first_error(import_sites_csv("name,lat,lon\nA,1,2\n", {})).message, "the header has no column type/类型");
  EXPECT_EQ(first_error(import_sites_csv("type,name,lat,lon\n", {})).message, "the file has a header but no sites");
  EXPECT_EQ(first_error(import_sites_csv("type,name,lat,lon,lat\n", {})).message, "column 'lat' appears twice");
  EXPECT_EQ(first_error(import_sites_csv("type,name,lat,lon\nwater_point,\"open,1,2\n", {})).row, 2u);
  EXPECT_EQ(first_error(import_sites_csv("类型,名称\n\xB0\xAE,1\n", {})).row, 0u) << "GB18030 bytes are not UTF-8";
  EXPECT_FALSE(import_sites_csv("type,name,lat,lon\n", {}).ok());
}

TEST(SiteImport, GeoJson) {
  const std::string_view good = R"({"type":"FeatureCollection","features":[
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.80,25.03]},
     "properties":{"type":"爱心驿站","name":"甲","facilities":["water","充电"],"bookable":false,"phone":12351}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.81,25.04]},
     "properties":{"type":"water_point","name":"乙","hours":"24/7"}}]})";
  const ImportReport ok = import_sites_geojson(good, {});
  ASSERT_TRUE(ok.ok()) << ok.errors[0].message;
  ASSERT_EQ(ok.sites.size(), 2u);
  EXPECT_EQ(ok.sites[0].position, (LatLon{25.03, 118.80}));
  EXPECT_EQ(ok.sites[0].facilities, (std::vector<std::string>{"water", "charging"}));
  EXPECT_EQ(ok.sites[0].phone, "12351");
  const std::string_view bad = R"({"type":"FeatureCollection","features":[
    {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":["118","25"]},"properties":{"type":"water_point","name":"x"}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.8,25.03]},"properties":{"type":7,"name":"x"}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.8,25.03]},"properties":{"type":"water_point","name":{"a":1}}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.8,25.03]},"properties":{"type":"water_point","name":"好"}},
    {"type":"Feature","geometry":{"type":"Point","coordinates":[118.8,25.03]},"properties":{"type":"water_point","name":"好"}},
    {"type":7}]})";
  const ImportReport report = import_sites_geojson(bad, {});
  std::vector<std::size_t> rows;
  for (const ImportIssue& e : report.errors) rows.push_back(e.row);
  EXPECT_EQ(rows, (std::vector<std::size_t>{1, 2, 3, 4, 6, 7}));
  EXPECT_EQ(import_sites_geojson("[1,2]", {}).errors.at(0).row, 0u);
  EXPECT_EQ(import_sites_geojson("{not json", {}).errors.at(0).row, 0u);
}

TEST(SiteImport, RandomInputNeverCrashes) {
  std::mt19937 rng(9);
  const std::string_view pieces[] = {",",        "\"",     "\n",   "\r\n", "type", "name", "lat", "lon", "love_station",
                                     "25.03",    "118.8",  "爱心", "\xB0", "{",    "}",    "[",   "]",   ":",
                                     "\"type\"", "Feature"};
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int k = 0, n = static_cast<int>(rng() % 30); k < n; ++k) text += pieces[rng() % std::size(pieces)];
    const ImportReport csv = import_sites_csv(text, {});
    const ImportReport geo = import_sites_geojson(text, {});
    ASSERT_TRUE(csv.ok() || !csv.errors.empty());
    ASSERT_TRUE(geo.ok() || !geo.errors.empty());
  }
}

}  // namespace
}  // namespace gongyou
