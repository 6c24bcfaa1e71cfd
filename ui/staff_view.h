// ui/staff_view.h — staff screens for one bookable site: the weekly template editor and the day's
// roster with check-in, cancel on someone's behalf and CSV export. Reads state, emits intents.
#pragma once
#include <vector>

#include "app/bookings/staff_desk.h"
#include "app/intent.h"
#include "app/sites/site_finder_state.h"
#include "core/civil_time.h"
#include "ui/confirm_tap.h"

namespace gongyou::ui {

/// The staff screen; keeps the template being edited between frames.
class StaffView {
 public:
  /// Draws the desk at `now`: a booking's 签到 shows only in its pass window; 代为取消 asks twice. The site picker
  /// offers the bookable sites of `sites`.
  void draw(const StaffDeskState& state, const SiteFinderState& sites, UtcSeconds now, std::vector<Intent>& intents);

 private:
  /// 管理: which bookable site the desk shows, searched by name, address or town (issue 14.11: it managed only the site last
  /// chosen on the map).
  void site_picker(const StaffDeskState& state, const SiteFinderState& sites, float width, std::vector<Intent>& intents);

  char site_filter_[128] = {};       // the picker's search text
  TemplateForm form_;
  std::uint64_t form_revision_ = 0;  // the server template the form was loaded from
  ConfirmTap confirm_;               // the armed 代为取消, if any
};

}  // namespace gongyou::ui
