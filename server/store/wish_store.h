// server/store/wish_store.h — what the server needs stored about micro-wishes (wish_records.h). Every decision is
// one write transaction with a conditional update: vetting (WHERE status = 'pending'), the claim (WHERE status =
// 'open': of concurrent claims exactly one changes the row), the hand-over (WHERE status = 'claimed'), the thanks
// (WHERE status = 'fulfilled' AND thanks = '').
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "server/store/wish_records.h"

namespace gongyou::server {

/// Wish storage. Implementations are safe to call from many threads at once.
class WishStore {
 public:
  virtual ~WishStore() = default;

  /// Stores a pending wish unless its wisher has kOpenWishesPerPerson pending, open or claimed ones.
  virtual NewWishOutcome create_wish(const NewWish& wish) = 0;
  /// One wish, in any state.
  virtual std::optional<WishRecord> find_wish(WishId id) = 0;
  /// Wishes matching `query`, newest first (or oldest first), limit + 1 read.
  virtual std::vector<WishRecord> list_wishes(const WishQuery& query) = 0;
  /// Vets a pending wish once: approve → open, reject → rejected with the reason.
  virtual WishChangeOutcome review_wish(WishId id, WishDecision decision, std::string_view reason, UserId staff,
                                        UtcSeconds now) = 0;
  /// Claims an open wish for one person: exactly one of concurrent claims is done; the others get already_claimed
  /// (or conflict when the wish is not open for another reason, own_wish for its wisher).
  virtual WishChangeOutcome claim_wish(const ClaimRequest& claim) = 0;
  /// Marks a claimed wish handed over, once.
  virtual WishChangeOutcome fulfil_wish(WishId id, UserId staff, UtcSeconds now) = 0;
  /// The wisher's thank-you note on a fulfilled wish, once.
  virtual WishChangeOutcome thank_wish(WishId id, UserId wisher, std::string_view thanks) = 0;
  /// The wall's figures over the rows (subtree: only wishes of that union range).
  virtual WishFigures wish_figures() = 0;
  /// Loads handled wishes in one transaction (demo data); no limits are checked. How many were stored.
  virtual std::size_t seed_wishes(std::span<const SeedWish> wishes) = 0;
};

}  // namespace gongyou::server
