// server/api/legal_api.h — legal aid (法律援助 · 案件查询, api-services.md "Legal aid", docs/api-legal.md). A
// consultation is read by its asker, its assigned lawyer and admins only; everyone else — another worker, another
// lawyer, union staff of any union — gets the same 404 as for a consultation that does not exist. Every read by a
// lawyer or an admin is written to the audit log. The case lookup is public, rate limited per address.
#pragma once
#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// POST /legal/consultations, GET /legal/consultations/{id}, …/messages, …/close, …/photos, GET /me/legal/
/// consultations, GET /legal/case-lookup, and the lawyers' and admins' /admin/legal/… endpoints.
void add_legal_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
