// tests/app/site_links_test.cpp — the links of a site's card: dialable tel:, map providers at the datum each
// expects, names that cannot break out of their URL part, and the app's own share link.
#include "app/sites/site_links.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "core/china_coordinates.h"

namespace gongyou {
namespace {

Site sample_site() {
  Site site;
  site.id = SiteId{12};
  site.name = "螺城镇爱心驿站 & <b>#1</b>";
  site.address = "惠安县螺城镇八二三路 1 号?x=1";
  site.position = LatLon{25.031, 118.797};
  site.phone = "0595-8788 0728";
  return site;
}

TEST(SiteLinks, UrlEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(url_encode("a-Z_9.~"), "a-Z_9.~");
  EXPECT_EQ(url_encode("a&b=c#d e/中"), "a%26b%3Dc%23d%20e%2F%E4%B8%AD");
  EXPECT_EQ(url_encode("<script>"), "%3Cscript%3E");
}

TEST(SiteLinks, CallDialsOnlyDigitsAndALeadingPlus) {
  Site site = sample_site();
  EXPECT_EQ(site_links(site).call, "tel:059587880728");
  site.phone = "+86 (595) 8788-0728";
  EXPECT_EQ(site_links(site).call, "tel:+8659587880728");
  site.phone = "";
  EXPECT_EQ(site_links(site).call, "");
  site.phone = "暂无 +";
  EXPECT_EQ(site_links(site).call, "") << "no digits: no call button";
}

TEST(SiteLinks, AmapGetsTheGcj02PositionOthersWgs84) {
  const Site site = sample_site();
  const SiteLinks links = site_links(site);
  const LatLon gcj = wgs84_to_gcj02(site.position);
  char position[64];
  std::snprintf(position, sizeof position, "position=%.6f,%.6f&", gcj.lon, gcj.lat);
  EXPECT_EQ(links.amap.rfind("https://uri.amap.com/marker?", 0), 0u);
  EXPECT_NE(links.amap.find(position), std::string::npos) << links.amap;
  EXPECT_GT(std::abs(gcj.lon - site.position.lon) + std::abs(gcj.lat - site.position.lat), 1e-3)
      << "the datum shift is applied (hundreds of metres in Fujian)";
  EXPECT_NE(links.baidu.find("location=25.031000,118.797000&"), std::string::npos) << links.baidu;
  EXPECT_NE(links.baidu.find("coord_type=wgs84"), std::string::npos);
  EXPECT_EQ(links.osm, "https://www.openstreetmap.org/?mlat=25.031000&mlon=118.797000#map=17/25.031000/118.797000");
}

TEST(SiteLinks, SiteTextCannotEndItsUrlPartEarly) {
  const SiteLinks links = site_links(sample_site());
  for (const std::string* url : {&links.amap, &links.baidu}) {
    EXPECT_EQ(url->find('<'), std::string::npos) << *url;
    EXPECT_EQ(url->find('#'), std::string::npos) << *url;
    EXPECT_EQ(url->find(' '), std::string::npos) << *url;
    EXPECT_EQ(url->find("&x=1"), std::string::npos) << "the address's own ?x=1 stays inside its value";
  }
  EXPECT_NE(links.amap.find("&name=" + url_encode(sample_site().name) + "&"), std::string::npos);
}

TEST(SiteLinks, ShareIsTheAppsOwnLinkToTheSite) { EXPECT_EQ(site_links(sample_site()).share, "#/site/12"); }

}  // namespace
}  // namespace gongyou
