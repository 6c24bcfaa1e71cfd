// ui/staff_view.h — staff screens for one bookable site: the weekly template editor and the day's
// roster with check-in, cancel on someone's behalf and CSV export. Reads state, emits intents.
#pragma once
#include <vector>

#include "app/bookings/staff_desk.h"
#include "app/intent.h"

namespace gongyou::ui {

/// The staff screen; keeps the template being edited between frames.
class StaffView {
 public:
  void draw(const StaffDeskState& state, std::vector<Intent>& intents);

 private:
  TemplateForm form_;
  std::uint64_t form_revision_ = 0;  // the server template the form was loaded from
};

}  // namespace gongyou::ui
