// server/store/wish_records.h — what the store keeps about micro-wishes (微心愿, docs/api-wishes.md): the wish with
// its vetting, its one claimant and its hand-over. Contacts are sealed (server/crypto/member_key.h) before the store
// sees them and are read only for the wisher's union staff.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/wish.h"

namespace gongyou::server {

/// A wish and where it stands.
struct WishRecord {
  WishId id;
  UnionId union_id;  ///< the wisher's grassroots union: its staff (and those above) vet and arrange
  UnionId town_id;   ///< the town-level union above it (the wall's town), or the union itself at the top
  UserId user;       ///< the wisher
  std::string display_name;  ///< as the wall shows it (张师傅), fixed when written
  WishCategory category = WishCategory::other;
  std::string title;
  std::string story;
  std::int64_t estimated_yuan = 0;
  WishStatus status = WishStatus::pending;
  std::string reason;  ///< why the union declined it (told to the wisher and staff only)
  std::string thanks;  ///< the wisher's thank-you note once fulfilled (public)
  UtcSeconds created_at;
  std::optional<UtcSeconds> reviewed_at, claimed_at, fulfilled_at;
  UserId claimant;                    ///< 0 until claimed
  std::string claimant_display_name;  ///< the claimant's account name (staff and the wisher's own view only)
  std::string wisher_phone_sealed;    ///< from the wisher's member profile when written (staff only)
  std::string claimant_phone_sealed;  ///< given with the claim or from the claimant's profile (staff only)
  std::string claimant_note;          ///< what the donor wrote with the claim (staff only)
};

/// A wish to store (pending). The wisher's sealed phone is copied from their member profile by the store.
struct NewWish {
  UnionId union_id, town_id;
  UserId user;
  std::string display_name;
  WishCategory category = WishCategory::other;
  std::string title, story;
  std::int64_t estimated_yuan = 0;
  UtcSeconds now;
};

/// What writing a wish came to.
enum class NewWishResult : std::uint8_t { created, limit };

/// The result of create_wish().
struct NewWishOutcome {
  NewWishResult result = NewWishResult::created;
  std::optional<WishRecord> wish;
};

/// Which wishes to list.
struct WishQuery {
  std::optional<WishStatus> status;        ///< nothing: every state
  std::optional<UnionId> town;             ///< only wishes of this town
  std::optional<WishCategory> category;    ///< only wishes of this category
  std::optional<UserId> wisher, claimant;  ///< only this person's wishes / claims
  std::optional<std::pair<std::int64_t, std::int64_t>> subtree;  ///< tree_first..tree_last of the union's subtree
  bool oldest_first = false;  ///< the staff queue: first come, first vetted
  std::size_t offset = 0;
  std::size_t limit = 50;  ///< limit + 1 are read to know whether more follow
};

/// A claim to record.
struct ClaimRequest {
  WishId wish;
  UserId claimant;
  std::string claimant_phone_sealed;  ///< empty: the store copies the claimant's profile phone, if any
  std::string note;
  UtcSeconds now;
};

/// What a state change came to.
enum class WishChange : std::uint8_t { done, not_found, conflict, already_claimed, own_wish };

/// The result of a state change: the wish as it is after the call.
struct WishChangeOutcome {
  WishChange result = WishChange::not_found;
  std::optional<WishRecord> wish;
};

/// The wall's figures, computed from the rows: distinct wishers with a fulfilled wish, and fulfilled wishes.
struct WishFigures {
  std::int64_t workers_helped = 0;
  std::int64_t wishes_fulfilled = 0;
  std::int64_t open = 0;
};

/// A wish as it was written and handled, for loading demo data.
struct SeedWish {
  NewWish wish;
  WishStatus status = WishStatus::open;
  std::string reason, thanks;
  UserId claimant, reviewer;
  std::string wisher_phone_sealed, claimant_phone_sealed;
};

}  // namespace gongyou::server
