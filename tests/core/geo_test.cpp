// tests/core/geo_test.cpp — great-circle distances against known values; walking time and ring radius.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/geo.h"

namespace gongyou {
namespace {

constexpr LatLon kBeijing{39.9042, 116.4074};   // Tiananmen
constexpr LatLon kShanghai{31.2304, 121.4737};  // People's Square
constexpr LatLon kHuian{25.03, 118.80};

TEST(GreatCircleDistance, ZeroForTheSamePoint) {
  EXPECT_EQ(great_circle_distance(kHuian, kHuian).value, 0.0);
  EXPECT_NEAR(great_circle_distance({90, 0}, {90, 135}).value, 0.0, 1e-6);  // every longitude meets at the pole
}

TEST(GreatCircleDistance, OneDegreeOfLatitudeIsAbout111Km) {
  const double expected = kEarthRadius.value * std::numbers::pi / 180.0;  // 111 195 m on the mean sphere
  EXPECT_NEAR(great_circle_distance({25, 118}, {26, 118}).value, expected, 1e-6);
  EXPECT_NEAR(great_circle_distance({-0.5, 0}, {0.5, 0}).value, expected, 1e-6);
  EXPECT_NEAR(expected, 111'200, 10);
}

TEST(GreatCircleDistance, OneDegreeOfLongitudeShrinksWithCosLatitude) {
  const double at_equator = great_circle_distance({0, 10}, {0, 11}).value;
  // cos 60° = 1/2; the great circle is 0.53 m shorter than the parallel between the same points.
  EXPECT_NEAR(great_circle_distance({60, 10}, {60, 11}).value, at_equator / 2, 1.0);
}

TEST(GreatCircleDistance, BeijingToShanghaiIsAbout1067Km) {
  EXPECT_NEAR(great_circle_distance(kBeijing, kShanghai).value, 1'067'000, 3'000);
}

TEST(GreatCircleDistance, IsSymmetric) {
  EXPECT_DOUBLE_EQ(great_circle_distance(kBeijing, kShanghai).value, great_circle_distance(kShanghai, kBeijing).value);
}

TEST(GreatCircleDistance, AntipodesAreHalfACircumferenceApart) {
  const double half = std::numbers::pi * kEarthRadius.value;
  EXPECT_NEAR(great_circle_distance({0, 0}, {0, 180}).value, half, 1e-3);
  EXPECT_NEAR(great_circle_distance({90, 0}, {-90, 0}).value, half, 1e-3);
  EXPECT_NEAR(great_circle_distance(kHuian, {-kHuian.lat, kHuian.lon - 180}).value, half, 1e-3);
}

TEST(GreatCircleDistance, CrossesTheAntimeridianTheShortWay) {
  EXPECT_NEAR(great_circle_distance({0, 179.5}, {0, -179.5}).value, kEarthRadius.value * std::numbers::pi / 180, 1e-6);
}

TEST(Walking, FifteenMinuteRingFollowsTheNamedConstants) {
  const double expected = kDefaultRingMinutes.value * kWalkingSpeed.value / kWalkingDetourFactor;
  EXPECT_DOUBLE_EQ(walk_ring_radius().value, expected);
  EXPECT_NEAR(walk_ring_radius().value, 923.08, 0.01);  // 15 min × 80 m/min ÷ 1.3
}

TEST(Walking, MinutesAndRingRadiusAreInverse) {
  for (double minutes : {0.0, 1.0, 5.0, 15.0, 30.0, 123.4}) {
    EXPECT_NEAR(walk_minutes(walk_ring_radius(Minutes{minutes})).value, minutes, 1e-9);
  }
  for (double metres : {0.0, 80.0, 923.0, 5'000.0}) {
    EXPECT_NEAR(walk_ring_radius(walk_minutes(Metres{metres})).value, metres, 1e-9);
  }
  const MetresPerMinute cycling{250};
  EXPECT_NEAR(walk_minutes(walk_ring_radius(Minutes{10}, cycling, 1.1), cycling, 1.1).value, 10, 1e-9);
}

TEST(Walking, DetourMakesTheWalkLonger) {
  EXPECT_DOUBLE_EQ(walk_minutes(Metres{800}, kWalkingSpeed, 1.0).value, 10.0);
  EXPECT_GT(walk_minutes(Metres{800}).value, 10.0);
}

}  // namespace
}  // namespace gongyou
