// server/api/wishes_api.h — micro-wishes (微心愿, docs/api-wishes.md). Workers: the public wall (open, claimed and
// fulfilled wishes with their town and a masked name, never a contact), the wall's figures, writing a wish (verified
// members: pending until their union vets it), their own wishes and claims, claiming (exactly one claimant), the
// thank-you note. Staff of the wisher's union (admins: every union): the queue with both contacts (each read
// audited), vetting, marking a wish handed over. The hotlines (服务热线, docs/api-hotlines.md) are here too: one table.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>

#include "server/api/membership_services.h"
#include "server/http/router.h"
#include "server/store/wish_records.h"

namespace gongyou::server::api {

/// Who reads a wish: what its JSON holds.
enum class WishReader : std::uint8_t {
  anyone,  ///< the wall: the wish, its town, the masked name, the thanks; no ids of people, no contacts
  wisher,  ///< its wisher: also the decline reason and whether it was claimed (never the claimant's contact)
  claimant,  ///< its claimant: the public view and that it is theirs
  staff,   ///< the wisher's union staff: also the union, both people and their contacts (opened from the seal)
};

/// A wish as JSON for `reader`; contacts are opened with `services.member_key` for staff only.
nlohmann::json wish_json(const MembershipServices& services, const WishRecord& wish, WishReader reader);

/// The town-level union above `union_id` (itself when it is a town or a root): the wall's town.
UnionId wish_town(const UnionDirectory& unions, UnionId union_id);

/// Answers one page of `query` (offset and limit from the request's `cursor` and `limit`):
/// {"items":[...],"next_cursor":C|null} and the fields of `extra`, each wish as `reader_for` says.
void send_wish_page(const MembershipServices& services, const httplib::Request& req, httplib::Response& res,
                    WishQuery query, const std::function<WishReader(const WishRecord&)>& reader_for,
                    nlohmann::json extra = nlohmann::json::object());

/// Adds the workers' wish endpoints and the hotlines to `router`.
void add_wish_routes(http::Router& router, const MembershipServices& services);

/// Adds the staff's wish endpoints (queue, review, fulfilled) to `router`.
void add_wish_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
