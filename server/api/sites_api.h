// server/api/sites_api.h — the read-only site endpoints of api.md: /health, /site-types, /sites,
// /sites/nearest and /sites/{id}.
#pragma once
#include "server/clock.h"
#include "server/http/router.h"
#include "server/sites/site_directory.h"
#include "server/store/store.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`; `store`, `directory` and `clock` (the "now" of open_now) must outlive it.
void add_site_routes(http::Router& router, Store& store, const SiteDirectory& directory, const Clock& clock);

}  // namespace gongyou::server::api
