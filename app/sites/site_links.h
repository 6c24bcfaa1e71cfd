// app/sites/site_links.h — the links a site's card offers: call it, find the way there in Amap, Baidu Maps or
// OpenStreetMap, and share it. Pure string building (tested natively); opening them is the platform's job.
#pragma once
#include <string>
#include <string_view>

#include "core/site.h"

namespace gongyou {

/// Percent-encoding of a URL query value (RFC 3986: unreserved characters stay, every other byte is %XX).
std::string url_encode(std::string_view text);

/// Where a site's card can send the user.
struct SiteLinks {
  std::string call;   ///< "tel:+86..." with only dialable characters, or "" when the site has no phone
  std::string amap;   ///< Amap (高德) marker page, at the GCJ-02 position Amap expects
  std::string baidu;  ///< Baidu Maps marker page, told the position is WGS-84
  std::string osm;    ///< openstreetmap.org centred on the site
  std::string share;  ///< the app's own link to the site, as a URL hash ("#/site/12", route.h)
};

/// The links of `site`. Names and addresses travel percent-encoded, so no site text can end a URL part early.
SiteLinks site_links(const Site& site);

}  // namespace gongyou
