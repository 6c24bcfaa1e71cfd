// ui/activity_views.h — union activities on screen (活动报名): the list with kind chips (upcoming first: places left or
// the waitlist's length, online or the site), one activity (its time, place with a way to the map, places, the
// description as plain text, my sign-up or waitlist position, 我要报名 / 取消报名, and for a 惠工鹊桥 matchmaking
// event the declaration form: age, single, a phone shown to the organizer only), and the 我的活动 section of 我的.
// Reads ActivityState, emits intents; no I/O, no allocation in an idle frame.
#pragma once
#include <cstdint>
#include <vector>

#include "app/activities/activities.h"
#include "app/intent.h"
#include "ui/confirm_tap.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The activity screens; they keep their scroll, the armed 取消报名 and the declaration being typed between frames.
class ActivityViews {
 public:
  /// Draws the view the state names.
  void draw(const ActivityState& state, bool signed_in, bool phone, std::vector<Intent>& intents);

 private:
  void draw_list(const ActivityState& state, float button_h, std::vector<Intent>& intents);
  void draw_detail(const ActivityState& state, bool signed_in, float button_h, std::vector<Intent>& intents);
  void draw_actions(const ActivityState& state, const ActivitySummary& a, bool signed_in, float button_h,
                    std::vector<Intent>& intents);
  void draw_declaration(const ActivitySummary& a, bool busy, float button_h, std::vector<Intent>& intents);

  TouchScroll list_scroll_, detail_scroll_;
  ConfirmTap confirm_;               ///< 取消报名, once armed
  ActivityId declaration_for_;       ///< the event the declaration form was last emptied for
  char age_[4] = {};                 ///< the declaration being typed
  char phone_[24] = {};
  bool single_ = false;
};

/// 我的活动 on 我的: my sign-ups with their status, a tap opens the activity (nothing while there are none).
void draw_my_activities(const ActivityState& state, float button_h, std::vector<Intent>& intents);

}  // namespace gongyou::ui
