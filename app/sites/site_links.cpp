// app/sites/site_links.cpp — see site_links.h.
#include "app/sites/site_links.h"

#include <cstdio>

#include "core/china_coordinates.h"
#include "app/navigation.h"

namespace gongyou {
namespace {

/// A coordinate with 6 decimals (about 0.1 m), the precision the map providers' URL APIs take.
std::string degrees(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.6f", value);
  return out;
}

/// "tel:" and the number's dialable characters (digits, a leading +); "" when there are none.
std::string tel_link(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '+' && digits.empty()) digits += c;
  }
  return digits.empty() || digits == "+" ? "" : "tel:" + digits;
}

}  // namespace

std::string url_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

SiteLinks site_links(const Site& site) {
  SiteLinks links;
  links.call = tel_link(site.phone);
  // Amap's URI API (uri.amap.com/marker): position=lon,lat in GCJ-02, the datum of Chinese maps.
  const LatLon gcj = wgs84_to_gcj02(site.position);
  links.amap = "https://uri.amap.com/marker?position=" + degrees(gcj.lon) + "," + degrees(gcj.lat) +
               "&name=" + url_encode(site.name) + "&src=gongyou&coordinate=gaode&callnative=1";
  // Baidu's URI API (api.map.baidu.com/marker): location=lat,lng; coord_type=wgs84 makes Baidu convert to its BD-09.
  links.baidu = "https://api.map.baidu.com/marker?location=" + degrees(site.position.lat) + "," +
                degrees(site.position.lon) + "&title=" + url_encode(site.name) + "&content=" +
                url_encode(site.address) + "&output=html&coord_type=wgs84&src=gongyou";
  links.osm = "https://www.openstreetmap.org/?mlat=" + degrees(site.position.lat) + "&mlon=" +
              degrees(site.position.lon) + "#map=17/" + degrees(site.position.lat) + "/" + degrees(site.position.lon);
  links.share = format_route(Route{Route::Kind::site, site.id.value});
  return links;
}

}  // namespace gongyou
