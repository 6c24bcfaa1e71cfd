// server/api/relief_api.h — complaints (职工维权, docs/api-complaints.md) and hardship aid (困难帮扶,
// docs/api-hardship.md). A case is named by its random case number; to anyone but its worker and the staff of the
// union that handles it (or one above), it answers 404 as if it did not exist. Texts are sealed with the member key
// before the store sees them; every staff read of a case's texts goes to the audit log.
#pragma once
#include <string>
#include <string_view>

#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// A fresh case number: `prefix` and 12 random Crockford base32 characters (60 bits).
std::string new_case_number(std::string_view prefix);

/// The worker's and the staff's complaint endpoints.
void add_complaint_routes(http::Router& router, const MembershipServices& services);

/// The worker's, the public's and the staff's hardship endpoints.
void add_hardship_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
