// ui/booking_views.cpp — see booking_views.h.
//
// [SECTION] Helpers
// [SECTION] Sign-in dialog
// [SECTION] Slot grid
// [SECTION] My bookings and the door pass
// [SECTION] Reminders and feedback
#include "ui/booking_views.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "core/booking_rules.h"
#include "third_party/qrcodegen/cpp/qrcodegen.hpp"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------
namespace {

constexpr ImU32 kFree = IM_COL32(47, 158, 68, 255);
constexpr ImU32 kFew = IM_COL32(240, 140, 0, 255);
constexpr ImU32 kFull = IM_COL32(173, 181, 189, 255);
constexpr ImU32 kMine = IM_COL32(200, 16, 46, 255);


ImU32 status_color(BookingStatus s) {
  switch (s) {
    case BookingStatus::confirmed: return kFree;
    case BookingStatus::waitlisted:
    case BookingStatus::pending: return kFew;
    case BookingStatus::checked_in: return IM_COL32(46, 111, 216, 255);
    default: return kFull;
  }
}

/// True when the user holds the slot: confirmed, waiting or checked in.
bool holds(const Slot& slot) {
  return slot.my_booking_id && slot.my_status &&
         (*slot.my_status == BookingStatus::confirmed || *slot.my_status == BookingStatus::waitlisted ||
          *slot.my_status == BookingStatus::checked_in);
}

}  // namespace

const char* hour_minute(LocalTime time, char (&out)[6]) {
  std::snprintf(out, sizeof out, "%02d:%02d", (time.minutes / 60) % 100, time.minutes % 60);
  return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Sign-in dialog
//-------------------------------------------------------------------------------------------------

namespace {

/// A square button drawing an eye (struck through while the password is hidden); true when tapped. Drawn, not a
/// font glyph: the UI font has no eye.
bool eye_button(bool open, float size) {
  constexpr float kPi = 3.14159265f;
  const bool tapped = ImGui::Button("##eye", ImVec2(size, size));
  if (ImGui::IsItemHovered() && ImGui::GetIO().MouseSource == ImGuiMouseSource_Mouse)
    ImGui::SetTooltip("%s", tr(open ? Text::hide_password : Text::show_password));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
  const float r = size * 0.3f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = kTextMuted;
  // The lids: two arcs meeting at the corners of the eye.
  dl->PathArcTo(ImVec2(c.x, c.y + r * 0.9f), r * 1.35f, kPi * 1.18f, kPi * 1.82f);
  dl->PathStroke(ink, 0, 1.6f);
  dl->PathArcTo(ImVec2(c.x, c.y - r * 0.9f), r * 1.35f, kPi * 0.18f, kPi * 0.82f);
  dl->PathStroke(ink, 0, 1.6f);
  dl->AddCircleFilled(c, r * 0.38f, ink);
  if (!open) dl->AddLine(ImVec2(c.x - r, c.y + r * 0.8f), ImVec2(c.x + r, c.y - r * 0.8f), ink, 1.8f);
  return tapped;
}

}  // namespace

void AuthDialog::draw(const SessionState& state, ImVec2 screen, std::vector<Intent>& intents) {
  if (state.auth_open && !was_open_) {
    // A fresh form each time: on a shared phone nobody finds the last worker's name or password.
    username_[0] = password_[0] = display_name_[0] = 0;
    show_password_ = false;
    ImGui::OpenPopup("##auth");
  }
  was_open_ = state.auth_open;
  const float width = std::min(380.0f, screen.x - 24);
  ImGui::SetNextWindowPos(ImVec2(screen.x / 2, screen.y * 0.35f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  if (!ImGui::BeginPopupModal("##auth", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (!state.auth_open) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const bool registering = state.auth_register;
  ImGui::PushFont(nullptr, kBaseFontSize * 1.1f);
  ImGui::TextUnformatted(tr(registering ? Text::register_account : Text::sign_in));
  ImGui::PopFont();
  if (state.feedback && state.feedback->kind == Feedback::Kind::error) {
    char buffer[200];
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 42, 55, 255));
    ImGui::TextWrapped("%s", feedback_text(*state.feedback, buffer, sizeof buffer));
    ImGui::PopStyleColor();
  }
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##user", tr(Text::username), username_, sizeof username_);
  mark_last_item("auth_username");
  const float eye = ImGui::GetFrameHeight();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - eye - ImGui::GetStyle().ItemSpacing.x);
  bool submit = ImGui::InputTextWithHint("##password", tr(Text::password), password_, sizeof password_,
                                         (show_password_ ? 0 : ImGuiInputTextFlags_Password) |
                                             ImGuiInputTextFlags_EnterReturnsTrue);
  mark_last_item("auth_password");
  ImGui::SameLine();
  if (eye_button(show_password_, eye)) show_password_ = !show_password_;
  mark_last_item("auth_show_password");
  if (registering) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    submit |= ImGui::InputTextWithHint("##name", tr(Text::display_name), display_name_, sizeof display_name_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", tr(Text::password_rule));
    ImGui::PopStyleColor();
  }
  ImGui::BeginDisabled(state.auth_busy);
  const float w = ImGui::GetContentRegionAvail().x;
  submit |= primary_button(tr(registering ? Text::register_account : Text::sign_in), ImVec2(w, 0));
  mark_last_item("auth_submit");
  ImGui::EndDisabled();
  if (submit && !state.auth_busy) {
    if (registering) intents.push_back(SubmitRegister{username_, password_, display_name_});
    else intents.push_back(SubmitLogin{username_, password_});
    std::memset(password_, 0, sizeof password_);  // never keep a password longer than the request needs
  }
  if (ImGui::Selectable(tr(registering ? Text::have_account : Text::no_account))) {
    intents.push_back(DismissFeedback{});
    intents.push_back(OpenAuth{!registering});
  }
  if (secondary_button(tr(Text::close), ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    intents.push_back(CloseAuth{});
    intents.push_back(ClearChoice{});
  }
  ImGui::EndPopup();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Slot grid
//-------------------------------------------------------------------------------------------------

void SlotGridView::layout(const BookingState& state) {
  if (laid_out_revision_ == state.slots_revision && laid_out_first_day_ == state.first_day) return;
  laid_out_revision_ = state.slots_revision;
  laid_out_first_day_ = state.first_day;
  times_.clear();
  for (const Slot& s : state.slots) {
    const int t = shanghai_time(s.start).minutes;
    if (std::find(times_.begin(), times_.end(), t) == times_.end()) times_.push_back(t);
  }
  std::sort(times_.begin(), times_.end());
  cells_.assign(times_.size() * kSlotGridDays, -1);
  for (std::size_t i = 0; i < state.slots.size(); ++i) {
    const Slot& s = state.slots[i];
    const auto day = days_since_epoch(shanghai_date(s.start)) - days_since_epoch(state.first_day);
    const auto row = std::lower_bound(times_.begin(), times_.end(), shanghai_time(s.start).minutes) - times_.begin();
    if (day >= 0 && day < kSlotGridDays) cells_[row * kSlotGridDays + day] = static_cast<int>(i);
  }
}

void SlotGridView::draw(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents) {
  if (secondary_button(tr(Text::back))) intents.push_back(ShowScreen{Screen::map});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(state.site_name.c_str());

  if (secondary_button(tr(Text::earlier_days))) intents.push_back(ShiftDays{-kSlotGridDays});
  ImGui::SameLine();
  if (secondary_button(tr(Text::later_days))) intents.push_back(ShiftDays{kSlotGridDays});
  // The colours' legend beside the buttons when it fits, else on the line below, wrapped (a long English one).
  ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
  ImGui::PushFont(nullptr, kBaseFontSize * 0.75f);
  const float legend_w = ImGui::CalcTextSize(tr(Text::legend)).x;
  if (legend_w + ImGui::GetStyle().ItemSpacing.x <= ImGui::GetContentRegionAvail().x - ImGui::GetItemRectMax().x +
                                                      ImGui::GetCursorScreenPos().x) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Text::legend));
  } else {
    ImGui::TextWrapped("%s", tr(Text::legend));
  }
  mark_last_item("legend");
  ImGui::PopFont();
  ImGui::PopStyleColor();

  layout(state);
  if (state.slots.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", state.slots_loading ? "…" : tr(Text::no_slots));
    ImGui::PopStyleColor();
  }

  const Slot* chosen = state.chosen();
  const bool visit = chosen && chosen->max_group > 1;  // a studio visit: a group, maybe approved by staff
  const float confirm_height = chosen ? ImGui::GetFrameHeightWithSpacing() * (visit ? 4.3f : 3.2f) : 0;
  ImGui::BeginChild("##grid", ImVec2(0, -confirm_height), ImGuiChildFlags_NavFlattened);
  if (!state.slots.empty()) {
    const float label_w = ImGui::CalcTextSize("00:00").x + 6;
    const float cell_w = (ImGui::GetContentRegionAvail().x - label_w) / kSlotGridDays;
    const float cell_h = ImGui::GetFrameHeight() * 1.15f;  // ≥ 44 CSS px on phones with the 22 px base
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::PushFont(nullptr, kBaseFontSize * 0.72f);
    const LocalDate today = shanghai_date(now);
    for (int d = 0; d < kSlotGridDays; ++d) {
      const LocalDate day = add_days(state.first_day, d);
      // 今天 / 明天 where they are, else the weekday; then the date.
      const char* name = day == today ? tr(Text::grid_today)
                         : day == add_days(today, 1) ? tr(Text::grid_tomorrow) : weekday_name(iso_weekday(day));
      char head[40];
      std::snprintf(head, sizeof head, "%s\n%d/%d", name, day.month, day.day);
      dl->AddText(ImVec2(origin.x + label_w + d * cell_w + 4, origin.y), day == today ? kBrandRed : kTextMuted, head);
    }
    ImGui::PopFont();
    const float head_h = ImGui::GetFontSize() * 1.5f;
    origin.y += head_h;
    for (std::size_t row = 0; row < times_.size(); ++row) {
      const float y = origin.y + row * cell_h;
      char label[6];
      ImGui::PushFont(nullptr, kBaseFontSize * 0.72f);
      dl->AddText(ImVec2(origin.x, y + cell_h * 0.3f), kTextMuted, hour_minute(LocalTime{times_[row]}, label));
      ImGui::PopFont();
      for (int d = 0; d < kSlotGridDays; ++d) {
        const int index = cells_[row * kSlotGridDays + d];
        if (index < 0) continue;
        const Slot* slot = &state.slots[index];
        const ImVec2 a(origin.x + label_w + d * cell_w + 2, y + 2), b(a.x + cell_w - 4, a.y + cell_h - 4);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(slot->id.value));
        const bool open = is_bookable_at(now, slot->start);
        const bool mine = holds(*slot);
        if (ImGui::InvisibleButton("##slot", ImVec2(b.x - a.x, b.y - a.y), ImGuiButtonFlags_EnableNav) && open)
          intents.push_back(ChooseSlot{slot->id});
        mark_last_item("slot", slot->id);
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        const ImU32 color = !open ? IM_COL32(233, 236, 239, 255)
                            : mine ? kMine
                            : slot->remaining == 0 ? kFull
                            : slot->remaining <= 3 ? kFew : kFree;
        const bool is_chosen = chosen && chosen->id == slot->id;
        dl->AddRectFilled(a, b, (color & 0x00FFFFFF) | (is_chosen || hovered ? 0xFF000000 : 0x30000000), 6);
        dl->AddRect(a, b, color, 6, 0, is_chosen ? 2.5f : 1.0f);
        char text[16];
        if (mine) std::snprintf(text, sizeof text, "%s", tr(Text::my_slot));
        else if (slot->remaining == 0) std::snprintf(text, sizeof text, "%s", tr(Text::full));
        else std::snprintf(text, sizeof text, "%d", slot->remaining);
        ImGui::PushFont(nullptr, kBaseFontSize * 0.75f);
        const ImVec2 ts = ImGui::CalcTextSize(text);
        dl->AddText(ImVec2((a.x + b.x - ts.x) / 2, (a.y + b.y - ts.y) / 2),
                    is_chosen || hovered ? IM_COL32_WHITE : (open ? IM_COL32(33, 37, 41, 255) : kTextMuted), text);
        ImGui::PopFont();
      }
    }
    // A day without slots while others have some: the site is closed then (周一 for Workers' Homes), said in its column.
    ImGui::PushFont(nullptr, kBaseFontSize * 0.72f);
    for (int d = 0; d < kSlotGridDays; ++d) {
      bool any = false;
      for (std::size_t row = 0; row < times_.size() && !any; ++row) any = cells_[row * kSlotGridDays + d] >= 0;
      if (any || times_.empty()) continue;
      const float x = origin.x + label_w + d * cell_w + 2;
      const float h = times_.size() * cell_h - 4;
      dl->AddRectFilled(ImVec2(x, origin.y + 2), ImVec2(x + cell_w - 4, origin.y + 2 + h), IM_COL32(241, 243, 245, 255), 6);
      const ImVec2 ts = ImGui::CalcTextSize(tr(Text::grid_closed));
      const ImVec2 at(x + (cell_w - 4 - ts.x) / 2, origin.y + 2 + (h - ts.y) / 2);
      ImGui::SetCursorScreenPos(ImVec2(x, origin.y + 2));
      ImGui::Dummy(ImVec2(cell_w - 4, h));
      mark_last_item("grid_closed", d);
      dl->AddText(ImVec2(std::max(at.x, x + 2), at.y), kTextMuted, tr(Text::grid_closed));
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + times_.size() * cell_h));
    ImGui::Dummy(ImVec2(0, 0));
  }
  ImGui::EndChild();

  if (chosen) {
    ImGui::Separator();
    char line[160], remaining[48];
    std::snprintf(remaining, sizeof remaining, tr(Text::remaining_fmt), chosen->remaining);
    std::snprintf(line, sizeof line, "%s · %s", format_interval(chosen->start, chosen->end).c_str(), remaining);
    ImGui::TextUnformatted(line);
    if (visit) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(tr(Text::group_size_label));
      ImGui::SameLine();
      int group = state.group_size;
      ImGui::SetNextItemWidth(ImGui::GetFrameHeight() * 4);
      if (ImGui::InputInt("##group", &group, 1, 5)) intents.push_back(SetGroupSize{group});
      mark_last_item("group_size");
      ImGui::SameLine();
      char rule[96];
      std::snprintf(rule, sizeof rule, tr(Text::visit_rule_fmt), chosen->min_group, chosen->max_group);
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      ImGui::TextWrapped("%s", rule);
      ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(state.booking_busy);
    const float w = ImGui::GetContentRegionAvail().x;
    if (chosen->remaining >= (visit ? state.group_size : 1)) {
      const char* label = visit && chosen->approval_required ? tr(Text::submit_visit) : tr(Text::confirm_booking);
      if (primary_button(label, ImVec2(w * 0.62f, 0))) intents.push_back(ConfirmBooking{false});
      mark_last_item("confirm", chosen->id);
    } else {
      char label[80];
      std::snprintf(label, sizeof label, tr(Text::join_waitlist_fmt), chosen->waitlist);
      if (primary_button(label, ImVec2(w * 0.62f, 0))) intents.push_back(ConfirmBooking{true});
      mark_last_item("join_waitlist", chosen->id);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (secondary_button(tr(Text::cancel_choice), ImVec2(-FLT_MIN, 0))) intents.push_back(ClearChoice{});
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] My bookings and the door pass
//-------------------------------------------------------------------------------------------------

void draw_qr_code(const char* text, float size) {
  // Encoded once per text, not every frame.
  static std::string encoded_text;
  static std::optional<qrcodegen::QrCode> qr_cache;
  if (!qr_cache || encoded_text != text) {
    qr_cache = qrcodegen::QrCode::encodeText(text, qrcodegen::QrCode::Ecc::MEDIUM);
    encoded_text = text;
  }
  const qrcodegen::QrCode& qr = *qr_cache;
  const int n = qr.getSize(), quiet = 4;
  const float module = size / (n + 2 * quiet);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), IM_COL32_WHITE, 8);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (qr.getModule(x, y)) {
        const ImVec2 a(p.x + (x + quiet) * module, p.y + (y + quiet) * module);
        dl->AddRectFilled(a, ImVec2(a.x + module + 0.3f, a.y + module + 0.3f), IM_COL32(0, 0, 0, 255));
      }
  ImGui::Dummy(ImVec2(size, size));
}

void MyBookingsView::draw(const BookingState& state, UtcSeconds now, std::vector<Intent>& intents) {
  if (state.pass) {
    const DoorPass& pass = *state.pass;
    if (secondary_button(tr(Text::back))) intents.push_back(HidePass{});
    mark_last_item("pass_back");
    ImGui::PushFont(nullptr, kBaseFontSize * 1.1f);
    ImGui::TextUnformatted(tr(Text::pass_title));
    ImGui::PopFont();
    for (const Booking& b : state.my_bookings)
      if (b.id == pass.booking_id) ImGui::TextWrapped("%s · %s", b.site_name.c_str(), format_interval(b.start, b.end).c_str());
    const float size = std::min(ImGui::GetContentRegionAvail().x, 280.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - size) / 2);
    draw_qr_code(pass.token.c_str(), size);
    mark_last_item("qr", pass.booking_id);
    char from[6], until[6];
    ImGui::Text(tr(Text::pass_valid_fmt), hour_minute(shanghai_time(pass.valid_from), from),
                hour_minute(shanghai_time(pass.valid_until), until));
    if (now < pass.valid_from) {  // shown early: the door will not open yet, and the worker should know
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 96, 0, 255));
      char opens[128], at[6];
      std::snprintf(opens, sizeof opens, "%s %s", format_day(shanghai_date(pass.valid_from)).c_str(),
                    hour_minute(shanghai_time(pass.valid_from), at));
      ImGui::TextWrapped(tr(Text::pass_not_yet_fmt), opens);
      ImGui::PopStyleColor();
      mark_last_item("pass_not_yet", pass.booking_id);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", tr(Text::pass_hint));
    ImGui::PopStyleColor();
    return;
  }
  if (state.my_bookings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", state.my_bookings_loading ? "…" : tr(Text::no_bookings));
    ImGui::PopStyleColor();
    return;
  }
  // Upcoming first (soonest first), then the past (latest first); ties by id. Sorted in place each frame (now moves
  // on), into a vector that keeps its capacity: no allocation once it has held the list.
  order_.clear();
  for (const Booking& b : state.my_bookings) order_.push_back(&b);
  std::sort(order_.begin(), order_.end(), [&](const Booking* a, const Booking* b) {
    const bool a_future = a->end > now, b_future = b->end > now;
    if (a_future != b_future) return a_future;
    if (a->start != b->start) return a_future ? a->start < b->start : b->start < a->start;
    return a->id < b->id;
  });
  for (const Booking* b : order_) {
    ImGui::PushID(static_cast<int>(b->id.value));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(b->site_name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextUnformatted(format_interval(b->start, b->end).c_str());
    ImGui::PopStyleColor();
    char status[48];
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(b->status));
    ImGui::TextUnformatted(booking_status_text(*b, status, sizeof status));
    ImGui::PopStyleColor();
    const bool upcoming = b->end > now;
    if (upcoming && b->status == BookingStatus::confirmed) {
      if (primary_button(tr(Text::show_pass))) intents.push_back(ShowPass{b->id});
      mark_last_item("show_pass", b->id);
      ImGui::SameLine();
      if (secondary_button(tr(Text::add_to_calendar))) intents.push_back(DownloadCalendar{b->id});
      mark_last_item("add_to_calendar", b->id);
      ImGui::SameLine();
      // Two taps: a booking given up by a slip is a place lost (issue 14.7).
      if (confirm_button(confirm_, "cancel_booking", b->id.value, tr(Text::cancel_booking),
                         tr(Text::cancel_booking_confirm)))
        intents.push_back(CancelBooking{b->id});
    } else if (upcoming && (b->status == BookingStatus::waitlisted || b->status == BookingStatus::pending)) {
      if (secondary_button(tr(Text::leave_waitlist))) intents.push_back(CancelBooking{b->id});
    }
    ImGui::EndGroup();
    ImGui::Separator();
    ImGui::PopID();
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Reminders and feedback
//-------------------------------------------------------------------------------------------------

void draw_reminders(const BookingState& state, UtcSeconds now) {
  for (const Booking& b : state.my_bookings) {
    if (b.status != BookingStatus::confirmed || b.start <= now || b.start.value - now.value > 3600) continue;
    char at[6];
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(176, 42, 55, 255));
    ImGui::TextWrapped(tr(Text::reminder_fmt), b.site_name.c_str(), hour_minute(shanghai_time(b.start), at));
    ImGui::PopStyleColor();
  }
}

void draw_feedback(const SessionState& state, std::vector<Intent>& intents) {
  if (!state.feedback || state.auth_open) return;
  const Feedback& f = *state.feedback;
  char buffer[240];
  const ImU32 color = f.kind == Feedback::Kind::error     ? IM_COL32(176, 42, 55, 255)
                      : f.kind == Feedback::Kind::success ? IM_COL32(43, 138, 62, 255)
                                                          : kTextMuted;
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  const float close_w = ImGui::CalcTextSize("×").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close_w - 8);
  ImGui::TextWrapped("%s", feedback_text(f, buffer, sizeof buffer));
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close_w);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0, 0, 0, 20));
  if (ImGui::SmallButton("×")) intents.push_back(DismissFeedback{});
  ImGui::PopStyleColor(2);
}

const char* booking_status_text(const Booking& b, char* buffer, std::size_t size) {
  switch (b.status) {
    case BookingStatus::confirmed: return tr(Text::status_confirmed);
    case BookingStatus::waitlisted:
      std::snprintf(buffer, size, tr(Text::status_waitlisted_fmt), b.waitlist_position);
      return buffer;
    case BookingStatus::cancelled: return tr(Text::status_cancelled);
    case BookingStatus::checked_in: return tr(Text::status_checked_in);
    case BookingStatus::no_show: return tr(Text::status_no_show);
    case BookingStatus::pending: return tr(Text::status_pending);
    case BookingStatus::denied:
      std::snprintf(buffer, size, tr(Text::status_denied_fmt), b.reason.c_str());
      return buffer;
  }
  return "";
}

const char* feedback_text(const Feedback& f, char* buffer, std::size_t size) {
  struct Pair {
    const char* code;
    Text text;
  };
  static constexpr Pair kCodes[] = {
      {"booked", Text::fb_booked},           {"cancelled", Text::fb_cancelled},
      {"signed_in", Text::fb_signed_in},     {"signed_out", Text::fb_signed_out},
      {"template_saved", Text::fb_template_saved}, {"checked_in", Text::fb_checked_in},
      {"slot_full", Text::fb_slot_full},     {"too_late", Text::fb_too_late},
      {"booking_limit", Text::fb_booking_limit}, {"conflict", Text::fb_conflict},
      {"slot_closed", Text::fb_slot_closed}, {"login_failed", Text::fb_login_failed},
      {"unauthorized", Text::fb_login_failed}, {"username_taken", Text::fb_username_taken},
      {"weak_password", Text::fb_weak_password}, {"rate_limited", Text::fb_rate_limited},
      {"session_expired", Text::fb_session_expired}, {"network", Text::fb_network},
      {"forbidden", Text::fb_forbidden},     {"not_found", Text::fb_not_found},
      {"enrolled", Text::fb_enrolled},       {"left_course", Text::fb_left_course},
      {"request_sent", Text::fb_request_sent}, {"decision_saved", Text::fb_decision_saved},
      {"pick_place", Text::fb_pick_place},   {"course_full", Text::fb_course_full},
      {"visit_pending", Text::fb_visit_pending}, {"visit_approved", Text::fb_visit_approved},
      {"visit_denied", Text::fb_visit_denied},
      {"calendar_downloaded", Text::fb_calendar_downloaded}, {"roster_downloaded", Text::fb_roster_downloaded},
      {"export_downloaded", Text::fb_export_downloaded}, {"not_bookable", Text::fb_not_bookable},
      {"booking_cancelled", Text::fb_pass_cancelled}, {"already_used", Text::fb_pass_used},
      {"not_confirmed", Text::fb_pass_not_confirmed}, {"pass_expired", Text::fb_pass_expired},
      {"application_sent", Text::fb_application_sent}, {"profile_required", Text::fb_profile_required},
      {"application_conflict", Text::fb_application_conflict}, {"profile_saved", Text::fb_profile_saved},
      {"profile_deleted", Text::fb_profile_deleted}, {"application_approved", Text::fb_application_approved},
      {"application_rejected", Text::fb_application_rejected}, {"already_decided", Text::fb_already_decided},
      {"member_verified", Text::fb_member_verified}, {"members_downloaded", Text::fb_members_downloaded},
      {"quiz_submitted", Text::fb_quiz_submitted}, {"quiz_time_up", Text::fb_quiz_time_up},
      {"camp_posted", Text::fb_camp_posted}, {"camp_too_long", Text::fb_camp_too_long},
      {"camp_empty", Text::fb_camp_empty}, {"camp_approved", Text::fb_camp_approved},
      {"camp_declined", Text::fb_camp_declined},
      {"wish_claimed", Text::fb_wish_claimed}, {"wish_submitted", Text::fb_wish_submitted}, {"wish_incomplete", Text::fb_wish_incomplete}, {"wish_thanked", Text::fb_wish_thanked}, {"wish_approved", Text::fb_wish_approved}, {"wish_declined", Text::fb_wish_declined}, {"wish_fulfilled", Text::fb_wish_fulfilled}, {"already_claimed", Text::fb_already_claimed},
      {"activity_signed_up", Text::fb_activity_signed_up}, {"activity_cancelled", Text::fb_activity_cancelled},
  };
  if (f.code == "activity_waitlisted") {
    std::snprintf(buffer, size, tr(Text::fb_activity_waitlisted_fmt), f.number);
    return buffer;
  }
  if (f.code == "waitlisted" || f.code == "course_waitlisted") {
    std::snprintf(buffer, size, tr(f.code == "waitlisted" ? Text::fb_waitlisted_fmt : Text::fb_course_waitlisted_fmt),
                  f.number);
    return buffer;
  }
  for (const Pair& p : kCodes)
    if (f.code == p.code) return tr(p.text);
  // The server's validation messages are for developers (English): a sentence first, the detail after.
  if (f.code == "bad_request") {
    std::snprintf(buffer, size, f.detail.empty() ? "%s" : "%s（%s）", tr(Text::fb_bad_request), f.detail.c_str());
    return buffer;
  }
  // A refusal we have no sentence for: the server's own words (bad_request on a template, ...).
  if (!f.detail.empty()) {
    std::snprintf(buffer, size, "%s", f.detail.c_str());
    return buffer;
  }
  return tr(Text::fb_other);
}

}  // namespace gongyou::ui
