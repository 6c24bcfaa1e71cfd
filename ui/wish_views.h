// ui/wish_views.h — micro-wishes and hotlines on screen: the wall (the figures, open or fulfilled wishes filtered by
// category and town, each with its town and masked name), one wish with 我来认领 (a confirm tap), the new-wish form
// with live character counts, my wishes (state, decline reason, thanks) and my claims, the union staff's desk (vet,
// arrange with both contacts, mark handed over), and the hotlines with open-now badges and a call button. Wish text is
// always drawn as plain text. Reads WishState, emits intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/intent.h"
#include "app/wishes/wishes.h"
#include "ui/confirm_tap.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The wish and hotline screens; they keep their scroll, the form being filled and the armed claim.
class WishViews {
 public:
  /// Draws the view the state names.
  void draw(const WishState& state, bool signed_in, bool phone, std::vector<Intent>& intents);

 private:
  void draw_wall(const WishState& state, bool signed_in, float button_h, std::vector<Intent>& intents);
  void draw_detail(const WishState& state, bool signed_in, float button_h, std::vector<Intent>& intents);
  void draw_form(const WishState& state, float button_h, std::vector<Intent>& intents);
  void draw_mine(const WishState& state, float button_h, std::vector<Intent>& intents);
  void draw_desk(const WishState& state, float button_h, std::vector<Intent>& intents);
  void draw_hotlines(const WishState& state, float button_h, std::vector<Intent>& intents);

  TouchScroll scroll_;
  ConfirmTap confirm_;
  char title_[256] = {};   ///< the new wish's title (40 characters of up to 4 bytes fit)
  char story_[2048] = {};  ///< its story (500 characters)
  char thanks_[1280] = {};  ///< a thank-you note being written (300 characters)
  int yuan_ = 100;
  int category_ = 0;                ///< index into kWishCategories
  std::uint64_t submitted_seen_ = 0;  ///< the state's `submitted` when the form was last emptied
  WishId thanking_;                 ///< the wish whose note is open (0: none)
};

}  // namespace gongyou::ui
