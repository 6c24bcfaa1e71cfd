// tests/core/site_test.cpp — Site JSON: round trip, every rejection with its message, and the
// non-throwing parser on malformed JSON and broken UTF-8 (the wasm build has no exceptions).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/site.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

Site sample_site() {
  Site site;
  site.id = SiteId{42};
  site.type = SiteType::love_station;
  site.name = "螺城镇八二三路爱心驿站";
  site.town = "螺城镇";
  site.address = "惠安县螺城镇八二三中路88号";
  site.position = {25.031234, 118.798765};
  site.phone = "0595-87123456";
  site.hours = "24/7";
  site.facilities = {"water", "charging", "toilet"};
  site.bookable = false;
  return site;
}

/// The error message of decoding `j`, or a note that it was accepted.
std::string decode_error(const json& j) {
  const auto decoded = site_from_json(j);
  if (const auto* error = std::get_if<DecodeError>(&decoded)) return error->message;
  return "(accepted)";
}

/// The sample site's JSON with one field replaced (or removed when `value` is discarded).
json sample_with(const char* key, json value) {
  json j = to_json(sample_site());
  if (value.is_discarded())
    j.erase(key);
  else
    j[key] = std::move(value);
  return j;
}

const json kRemove = json(json::value_t::discarded);

TEST(SiteJson, HasTheApiFields) {
  const json j = to_json(sample_site());
  EXPECT_EQ(j.at("id"), 42);
  EXPECT_EQ(j.at("type"), "love_station");
  EXPECT_EQ(j.at("name"), "螺城镇八二三路爱心驿站");
  EXPECT_EQ(j.at("lat"), 25.031234);
  EXPECT_EQ(j.at("lon"), 118.798765);
  EXPECT_EQ(j.at("facilities"), json({"water", "charging", "toilet"}));
  EXPECT_EQ(j.at("bookable"), false);
  for (const char* key : {"town", "address", "phone", "hours"}) EXPECT_TRUE(j.at(key).is_string()) << key;
}

TEST(SiteJson, RoundTripsThroughText) {
  const Site original = sample_site();
  const json parsed = parse_json_or_discarded(to_json(original).dump());
  ASSERT_FALSE(parsed.is_discarded());
  const auto decoded = site_from_json(parsed);
  ASSERT_TRUE(std::holds_alternative<Site>(decoded)) << std::get<DecodeError>(decoded).message;
  EXPECT_EQ(std::get<Site>(decoded), original);
}

TEST(SiteJson, OptionalFieldsMayBeMissingOrNull) {
  const json minimal = parse_json_or_discarded(R"({"type":"bookstore","name":"书屋","lat":25,"lon":118,
                                                   "town":null,"facilities":null,"bookable":null})");
  const auto decoded = site_from_json(minimal);
  ASSERT_TRUE(std::holds_alternative<Site>(decoded)) << std::get<DecodeError>(decoded).message;
  const Site& site = std::get<Site>(decoded);
  EXPECT_EQ(site.id.value, 0);
  EXPECT_EQ(site.type, SiteType::bookstore);
  EXPECT_EQ(site.position, (LatLon{25, 118}));
  EXPECT_TRUE(site.town.empty());
  EXPECT_TRUE(site.facilities.empty());
  EXPECT_FALSE(site.bookable);
}

TEST(SiteJson, RejectsNonObjects) {
  for (const char* text : {"[]", "null", "42", R"("site")", "true", R"([{"type":"bookstore"}])"})
    EXPECT_EQ(decode_error(parse_json_or_discarded(text)), "a site must be a JSON object") << text;
  EXPECT_EQ(decode_error(json(json::value_t::discarded)), "a site must be a JSON object");
}

TEST(SiteJson, RejectsMissingRequiredFields) {
  EXPECT_EQ(decode_error(sample_with("type", kRemove)), "missing field 'type'");
  EXPECT_EQ(decode_error(sample_with("name", kRemove)), "missing field 'name'");
  EXPECT_EQ(decode_error(sample_with("name", nullptr)), "missing field 'name'");
  EXPECT_EQ(decode_error(sample_with("lat", kRemove)), "missing field 'lat'");
  EXPECT_EQ(decode_error(sample_with("lon", kRemove)), "missing field 'lon'");
  EXPECT_EQ(decode_error(json::object()), "missing field 'type'");
}

TEST(SiteJson, RejectsWrongTypes) {
  EXPECT_EQ(decode_error(sample_with("id", "42")), "field 'id' must be an integer");
  EXPECT_EQ(decode_error(sample_with("id", 4.5)), "field 'id' must be an integer");
  EXPECT_EQ(decode_error(sample_with("type", 3)), "field 'type' must be a string");
  EXPECT_EQ(decode_error(sample_with("name", 7)), "field 'name' must be a string");
  EXPECT_EQ(decode_error(sample_with("address", json::array({"a"}))), "field 'address' must be a string");
  EXPECT_EQ(decode_error(sample_with("phone", 87123456)), "field 'phone' must be a string");
  EXPECT_EQ(decode_error(sample_with("hours", json::object())), "field 'hours' must be a string");
  EXPECT_EQ(decode_error(sample_with("lat", "25.03")), "field 'lat' must be a number");
  EXPECT_EQ(decode_error(sample_with("lon", true)), "field 'lon' must be a number");
  EXPECT_EQ(decode_error(sample_with("lat", nullptr)), "field 'lat' must be a number");
  EXPECT_EQ(decode_error(sample_with("facilities", "water")), "field 'facilities' must be an array of strings");
  EXPECT_EQ(decode_error(sample_with("facilities", json::array({"water", 1}))),
            "field 'facilities' must be an array of strings");
  EXPECT_EQ(decode_error(sample_with("bookable", "yes")), "field 'bookable' must be true or false");
  EXPECT_EQ(decode_error(sample_with("bookable", 1)), "field 'bookable' must be true or false");
}

TEST(SiteJson, RejectsBadValues) {
  EXPECT_EQ(decode_error(sample_with("type", "spa")), "unknown site type 'spa'");
  EXPECT_EQ(decode_error(sample_with("type", "")), "unknown site type ''");
  EXPECT_EQ(decode_error(sample_with("name", "")), "field 'name' must not be empty");
  EXPECT_EQ(decode_error(sample_with("id", -1)), "field 'id' must be an integer from 0 to 9223372036854775807");
  const json too_big_id = parse_json_or_discarded(R"({"id":18446744073709551615})");
  ASSERT_FALSE(too_big_id.is_discarded());
  EXPECT_EQ(decode_error(sample_with("id", too_big_id.at("id"))),
            "field 'id' must be an integer from 0 to 9223372036854775807");
  EXPECT_EQ(decode_error(sample_with("id", std::numeric_limits<std::int64_t>::max())), "(accepted)");
}

TEST(SiteJson, RejectsCoordinatesOutOfRange) {
  const std::string bad_lat = "field 'lat' must be a latitude from -90 to 90 degrees (WGS-84)";
  const std::string bad_lon = "field 'lon' must be a longitude from -180 to 180 degrees (WGS-84)";
  EXPECT_EQ(decode_error(sample_with("lat", 91)), bad_lat);
  EXPECT_EQ(decode_error(sample_with("lat", -90.000001)), bad_lat);
  EXPECT_EQ(decode_error(sample_with("lat", 1e308)), bad_lat);
  EXPECT_EQ(decode_error(sample_with("lat", std::numeric_limits<double>::quiet_NaN())), bad_lat);
  EXPECT_EQ(decode_error(sample_with("lat", -std::numeric_limits<double>::infinity())), bad_lat);
  EXPECT_EQ(decode_error(sample_with("lon", -181)), bad_lon);
  EXPECT_EQ(decode_error(sample_with("lon", 180.0000001)), bad_lon);
  EXPECT_EQ(decode_error(sample_with("lon", std::numeric_limits<double>::quiet_NaN())), bad_lon);
  // The edges themselves are valid.
  json edges = sample_with("lat", -90);
  edges["lon"] = 180;
  EXPECT_EQ(decode_error(edges), "(accepted)");
  // Text too large for a double is either refused by the parser or refused as a coordinate.
  const json huge = parse_json_or_discarded(R"({"type":"bookstore","name":"x","lat":1e400,"lon":118})");
  if (!huge.is_discarded()) {
    EXPECT_EQ(decode_error(huge), bad_lat);
  }
}

TEST(ParseJson, AcceptsValidDocuments) {
  EXPECT_EQ(parse_json_or_discarded(R"({"名字":"惠安","n":[1,2.5,null,true]})"),
            json({{"名字", "惠安"}, {"n", {1, 2.5, nullptr, true}}}));
  EXPECT_EQ(parse_json_or_discarded("  42 \n"), json(42));
  EXPECT_EQ(parse_json_or_discarded(R"("\u60e0\u5b89")"), json("惠安"));
}

TEST(ParseJson, DiscardsMalformedText) {
  for (const char* text : {"", " ", "{", R"({"a":)", R"({'a':1})", "[1,]", R"({"a":1} x)", "NaN", "Infinity",
                           "// comment\n{}", "{\"a\":1,}", "01", "\"unterminated", "[1 2]", "tru"})
    EXPECT_TRUE(parse_json_or_discarded(text).is_discarded()) << "'" << text << "'";
  // A NUL byte is no JSON; nlohmann alone would stop there and accept the prefix.
  EXPECT_TRUE(parse_json_or_discarded(std::string_view("{}\0{}", 5)).is_discarded());
  EXPECT_TRUE(parse_json_or_discarded(std::string_view("{\"a\":1}\0", 8)).is_discarded());
}

TEST(ParseJson, DiscardsBrokenUtf8) {
  for (const char* text : {
           "\"\xC3\x28\"",          // invalid continuation byte
           "\"\xE6\x83\"",          // truncated 3-byte sequence (惠 missing its last byte)
           "\"\xC0\xAF\"",          // overlong encoding of '/'
           "\"\xED\xA0\x80\"",      // UTF-8 encoded surrogate
           "\"\xF4\x90\x80\x80\"",  // beyond U+10FFFF
           "\"\xFF\"",              // never valid
           "{\"\x80\":1}",          // stray continuation byte in a key
           R"("\ud800")",           // escaped lone high surrogate
           R"("\udc00\ud800")",     // escaped surrogates in the wrong order
       })
    EXPECT_TRUE(parse_json_or_discarded(text).is_discarded()) << testing::PrintToString(std::string(text));
}

}  // namespace
}  // namespace gongyou
