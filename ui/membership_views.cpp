// ui/membership_views.cpp — see membership_views.h.
//
// [SECTION] Words and small pieces
// [SECTION] 我的: the membership lines
// [SECTION] My union
// [SECTION] The union finder
// [SECTION] The real-name form
// [SECTION] The staff desk
#include "ui/membership_views.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Words and small pieces
//-------------------------------------------------------------------------------------------------

constexpr ImU32 kOverdueRed = IM_COL32(201, 42, 42, 255);
constexpr ImU32 kGood = IM_COL32(47, 158, 68, 255);

const char* level_name(UnionLevel level) {
  switch (level) {
    case UnionLevel::federation: return tr(Text::mem_level_federation);
    case UnionLevel::town: return tr(Text::mem_level_town);
    case UnionLevel::park: return tr(Text::mem_level_park);
    case UnionLevel::industry: return tr(Text::mem_level_industry);
    case UnionLevel::village: return tr(Text::mem_level_village);
    case UnionLevel::grassroots: return tr(Text::mem_level_grassroots);
  }
  return "";
}

const char* status_name(ApplicationStatus status) {
  switch (status) {
    case ApplicationStatus::pending: return tr(Text::mem_status_pending);
    case ApplicationStatus::approved: return tr(Text::mem_status_approved);
    case ApplicationStatus::rejected: return tr(Text::mem_status_rejected);
    case ApplicationStatus::withdrawn: return tr(Text::mem_status_withdrawn);
  }
  return "";
}

const char* real_name_status(RealNameStatus status) {
  switch (status) {
    case RealNameStatus::none: return tr(Text::mem_realname_none);
    case RealNameStatus::unverified: return tr(Text::mem_realname_unverified);
    case RealNameStatus::verified: return tr(Text::mem_realname_verified);
  }
  return "";
}

/// The name of the union the caller is a member of, or "".
const char* my_union_name(const MembershipState& s) {
  if (!s.member) return "";
  if (s.my_union && s.my_union->id == s.member->union_id) return s.my_union->name.c_str();
  if (s.profile && s.profile->union_id == s.member->union_id) return s.profile->union_name.c_str();
  return "";
}

/// "入会 · 螺城镇某某公司工会" or "转会 · A → B".
const char* application_title(const MembershipApplication& a, char* out, std::size_t size) {
  if (a.kind == MembershipKind::transfer)
    std::snprintf(out, size, "%s · %s → %s", tr(Text::mem_kind_transfer), a.from_union_name.c_str(),
                  a.union_name.c_str());
  else
    std::snprintf(out, size, "%s · %s", tr(Text::mem_kind_join), a.union_name.c_str());
  return out;
}

/// The deadline of a pending application: "11月27日 周五 前答复 · 还剩 2 个工作日", or how overdue it is.
const char* deadline_line(const MembershipApplication& a, char* out, std::size_t size) {
  const ShortText day = format_day(shanghai_date(a.due_by));
  if (a.overdue || a.days_left < 0)
    std::snprintf(out, size, tr(Text::mem_overdue_fmt), day.c_str(), std::max(1, -a.days_left));
  else if (a.days_left == 0)
    std::snprintf(out, size, tr(Text::mem_due_today_fmt), day.c_str());
  else
    std::snprintf(out, size, tr(Text::mem_due_fmt), day.c_str(), a.days_left);
  return out;
}

/// "等待 A、B 审核" for the sides still to decide.
const char* waiting_line(const MembershipApplication& a, char* out, std::size_t size) {
  char names[256];
  int used = 0;
  names[0] = 0;
  for (UnionId side : a.waiting_for) {
    const std::string& name = a.side_name(side);
    if (name.empty() || used >= static_cast<int>(sizeof names)) continue;
    used += std::snprintf(names + used, sizeof names - used, "%s%s", used ? "、" : "", name.c_str());
  }
  if (!names[0]) return nullptr;
  std::snprintf(out, size, tr(Text::mem_waiting_for_fmt), names);
  return out;
}

const char* id_problem_text(IdNumberProblem p) {
  switch (p) {
    case IdNumberProblem::none: return nullptr;
    case IdNumberProblem::wrong_length: return tr(Text::mem_err_id_length);
    case IdNumberProblem::bad_character: return tr(Text::mem_err_id_character);
    case IdNumberProblem::impossible_birth_date: return tr(Text::mem_err_id_birth);
    case IdNumberProblem::future_birth_date: return tr(Text::mem_err_id_future);
    case IdNumberProblem::wrong_check_digit: return tr(Text::mem_err_id_check);
  }
  return nullptr;
}

/// The server's refusal of a save: its own words when it gave some, else a sentence for its code.
const char* profile_error_text(const MembershipState& s) {
  if (!s.profile_error.empty()) return s.profile_error.c_str();
  if (s.profile_error_code.empty()) return nullptr;
  if (s.profile_error_code == "conflict") return tr(Text::mem_err_conflict);
  if (s.profile_error_code == "consent_required") return tr(Text::mem_err_consent);
  if (s.profile_error_code == "invalid_phone") return tr(Text::mem_err_phone);
  if (s.profile_error_code == "network") return tr(Text::fb_network);
  return tr(Text::mem_err_other);
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] 我的: the membership lines
//-------------------------------------------------------------------------------------------------

void draw_membership_summary(const MembershipState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::mem_section));
  char line[256];
  if (s.member && my_union_name(s)[0]) {
    std::snprintf(line, sizeof line, tr(Text::mem_union_fmt), my_union_name(s));
    ImGui::TextWrapped("%s", line);
  } else {
    muted(tr(Text::mem_not_member));
  }
  mark_last_item("me_union_line");
  std::snprintf(line, sizeof line, tr(Text::mem_realname_fmt), real_name_status(s.real_name_status()));
  ImGui::TextWrapped("%s", line);
  if (row_button(true, false, tr(Text::mem_my_union), button_h)) intents.push_back(ShowScreen{Screen::my_union});
  mark_last_item("me_my_union");
  if (row_button(false, false, tr(Text::mem_profile), button_h)) intents.push_back(ShowScreen{Screen::member_profile});
  mark_last_item("me_profile");
  if (row_button(false, false, tr(Text::mem_find_union), button_h)) intents.push_back(ShowScreen{Screen::unions});
  mark_last_item("me_find_union");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] My union
//-------------------------------------------------------------------------------------------------

void MembershipViews::draw_my_union(const MembershipState& s, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  ImGui::BeginChild("##my_union", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(my_union_scroll_);
  ImGui::SeparatorText(tr(Text::mem_my_union));
  char line[512];
  if (s.member && s.my_union) {
    const UnionOrg& u = *s.my_union;
    boxed("##my_union_card", IM_COL32(248, 249, 250, 255), [&] {
      ImGui::PushFont(nullptr, kBaseFontSize * 1.05f);
      ImGui::TextWrapped("%s", u.name.c_str());
      ImGui::PopFont();
      mark_last_item("my_union_name", u.id);
      int used = 0;  // the path, joined on the stack
      line[0] = 0;
      for (const UnionCrumb& c : u.path)
        if (used < static_cast<int>(sizeof line))
          used += std::snprintf(line + used, sizeof line - used, "%s%s", used ? " › " : "", c.name.c_str());
      if (line[0]) muted(line);
      char members[48];
      std::snprintf(members, sizeof members, tr(Text::mem_member_count_fmt), u.member_count);
      std::snprintf(line, sizeof line, "%s · %s", level_name(u.level), members);
      muted(line);
      if (const auto since = s.member_since()) {
        std::snprintf(line, sizeof line, tr(Text::mem_member_since_fmt), format_day(shanghai_date(*since)).c_str());
        muted(line);
      }
    });
  } else if (s.member) {
    ImGui::TextWrapped("%s", my_union_name(s));
  } else {
    muted(tr(Text::mem_not_member_hint));
  }
  std::snprintf(line, sizeof line, tr(Text::mem_realname_fmt), real_name_status(s.real_name_status()));
  colored(s.real_name_status() == RealNameStatus::verified ? kGood : ImGui::GetColorU32(ImGuiCol_Text), line);
  mark_last_item("my_union_realname");
  if (row_button(true, !s.profile, tr(Text::mem_profile), button_h)) intents.push_back(ShowScreen{Screen::member_profile});
  mark_last_item("my_union_profile");
  if (row_button(false, s.profile && !s.member, tr(Text::mem_find_union), button_h)) {
    intents.push_back(ShowScreen{Screen::unions});
    if (s.member && s.my_union && s.my_union->parent) intents.push_back(BrowseUnion{s.my_union->parent});
  }
  mark_last_item("my_union_find");

  ImGui::SeparatorText(tr(Text::mem_my_applications));
  if (s.my_applications.empty()) muted(tr(Text::mem_no_applications));
  for (const MembershipApplication& a : s.my_applications) {
    ImGui::PushID(static_cast<int>(a.id.value));
    ImGui::TextWrapped("%s", application_title(a, line, sizeof line));
    mark_last_item("my_application", a.id);
    const ImU32 status_color = a.status == ApplicationStatus::approved   ? kGood
                               : a.status == ApplicationStatus::rejected ? kOverdueRed
                                                                         : kTextMuted;
    colored(status_color, status_name(a.status));
    if (a.status == ApplicationStatus::pending) {
      if (waiting_line(a, line, sizeof line)) muted(line);
      colored(a.overdue ? kOverdueRed : kTextMuted, deadline_line(a, line, sizeof line));
    }
    if (a.status == ApplicationStatus::rejected && !a.rejection_reason().empty()) {
      std::snprintf(line, sizeof line, tr(Text::mem_rejected_because_fmt), a.rejection_reason().c_str());
      ImGui::TextWrapped("%s", line);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The union finder
//-------------------------------------------------------------------------------------------------

void MembershipViews::apply_confirm(const MembershipState& s, const UnionOrg& u, bool signed_in, float button_h,
                                    std::vector<Intent>& intents) {
  boxed("##apply_confirm", IM_COL32(255, 247, 230, 255), [&] {
    if (!signed_in) {
      muted(tr(Text::mem_sign_in_to_apply));
      if (row_button(true, true, tr(Text::sign_in), button_h)) intents.push_back(OpenAuth{false});
      mark_last_item("mem_apply_sign_in", u.id);
    } else if (s.profile_loaded && !s.profile) {
      muted(tr(Text::mem_profile_first));
      if (row_button(true, true, tr(Text::mem_profile), button_h)) intents.push_back(ShowScreen{Screen::member_profile});
      mark_last_item("mem_apply_profile", u.id);
    } else {
      const bool transfer = s.member.has_value();
      char line[512];
      if (transfer) std::snprintf(line, sizeof line, tr(Text::mem_confirm_transfer_fmt), my_union_name(s), u.name.c_str());
      else std::snprintf(line, sizeof line, tr(Text::mem_confirm_join_fmt), u.name.c_str());
      ImGui::TextWrapped("%s", line);
      ImGui::SetNextItemWidth(-FLT_MIN);
      ImGui::InputTextWithHint("##apply_reason", tr(Text::mem_reason_hint), apply_reason_, sizeof apply_reason_);
      mark_last_item("mem_apply_reason", u.id);
      if (row_button(true, true, tr(Text::mem_send_application), button_h)) {
        intents.push_back(ApplyToUnion{u.id, transfer ? MembershipKind::transfer : MembershipKind::join, apply_reason_});
        applying_ = {};
        apply_reason_[0] = 0;
      }
      mark_last_item("mem_send_application", u.id);
    }
    if (row_button(false, false, tr(Text::mem_cancel), button_h)) applying_ = {};
    mark_last_item("mem_apply_cancel", u.id);
  });
  // The confirm opens below the button, which may be the last row on screen: bring it into view, or the tap would
  // seem to do nothing. For a few frames, because the box sizes itself to its contents on the frames after it opens.
  if (reveal_confirm_frames_ > 0) {
    ImGui::SetScrollHereY(1.0f);
    --reveal_confirm_frames_;
  }
}

void MembershipViews::union_row(const MembershipState& s, const UnionOrg& u, bool signed_in, bool head,
                                float button_h, std::vector<Intent>& intents) {
  ImGui::PushID(static_cast<int>(u.id.value));
  ImGui::PushFont(nullptr, kBaseFontSize * (head ? 1.1f : 1.0f));
  ImGui::TextWrapped("%s", u.name.c_str());
  ImGui::PopFont();
  mark_last_item(head ? "mem_union_head" : "mem_union_row", u.id);
  char members[48], line[160];
  std::snprintf(members, sizeof members, tr(Text::mem_member_count_fmt), u.member_count);
  std::snprintf(line, sizeof line, "%s · %s", level_name(u.level), members);
  muted(line);
  bool first = true;
  if (!head && u.child_count > 0) {
    std::snprintf(line, sizeof line, tr(Text::mem_children_fmt), u.child_count);
    if (row_button(first, false, line, button_h)) intents.push_back(BrowseUnion{u.id});
    mark_last_item("mem_browse", u.id);
    first = false;
  }
  if (u.takes_members()) {
    if (s.member && s.member->union_id == u.id) {
      if (!first) ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextColored(ImColor(kGood), "%s", tr(Text::mem_your_union));
    } else {
      const bool pending = s.pending_application() != nullptr;
      ImGui::BeginDisabled(pending);
      if (row_button(first, applying_ != u.id, tr(s.member ? Text::mem_apply_transfer : Text::mem_apply_join), button_h)) {
        applying_ = applying_ == u.id ? UnionId{} : u.id;
        apply_reason_[0] = 0;
        reveal_confirm_frames_ = applying_ ? 3 : 0;
      }
      mark_last_item("mem_apply", u.id);
      ImGui::EndDisabled();
      if (pending) muted(tr(Text::mem_pending_note));
      if (applying_ == u.id && !pending) apply_confirm(s, u, signed_in, button_h, intents);
    }
  }
  ImGui::PopID();
}

void MembershipViews::draw_finder(const MembershipState& s, bool signed_in, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  if (phone) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 11));
  if (search_.draw("##union_search", tr(Text::mem_search_hint), s.query)) intents.push_back(SearchUnions{search_.text()});
  if (phone) ImGui::PopStyleVar();
  mark_last_item("mem_union_search");
  // The breadcrumbs: 全部 › the path › the union walked into (not a button: it is here).
  if (s.query.empty() && s.parent) {
    if (row_button(true, false, tr(Text::mem_all_unions), button_h)) intents.push_back(BrowseUnion{});
    mark_last_item("mem_crumb", 0);
    if (s.parent_union)
      for (const UnionCrumb& c : s.parent_union->path) {
        ImGui::PushID(static_cast<int>(c.id.value));
        if (row_button(false, false, c.name.c_str(), button_h)) intents.push_back(BrowseUnion{c.id});
        mark_last_item("mem_crumb", c.id);
        ImGui::PopID();
      }
  }
  ImGui::BeginChild("##union_list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(finder_scroll_);
  if (s.query.empty() && s.parent && s.parent_union) {
    boxed("##union_head", IM_COL32(248, 249, 250, 255),
          [&] { union_row(s, *s.parent_union, signed_in, /*head=*/true, button_h, intents); });
  }
  if (s.unions_failed) {
    colored(kOverdueRed, tr(Text::mem_load_failed));
    if (secondary_button(tr(Text::retry), ImVec2(0, button_h))) intents.push_back(BrowseUnion{s.parent});
    mark_last_item("mem_retry");
  } else if (s.unions.empty()) {
    muted(s.unions_loading ? tr(Text::loading) : tr(Text::mem_no_unions));
  }
  for (const UnionOrg& u : s.unions) {
    union_row(s, u, signed_in, /*head=*/false, button_h, intents);
    ImGui::Separator();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The real-name form
//-------------------------------------------------------------------------------------------------

void MembershipViews::profile_form(const MembershipState& s, UtcSeconds now, float button_h,
                                   std::vector<Intent>& intents) {
  const LocalDate today = shanghai_date(now);
  if (check_due_ || today != checked_on_) {  // checked when typed, not every frame (normalizing allocates)
    problems_ = check_profile_form(real_name_, id_number_, phone_, consent_, today);
    checked_on_ = today;
    check_due_ = false;
  }
  if (editing_ && s.profile) muted(tr(Text::mem_correct_note));
  const auto field = [&](const char* label, const char* id, char* buffer, std::size_t size, ImGuiInputTextFlags flags,
                         const char* mark) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText(id, buffer, size, flags)) check_due_ = true;
    mark_last_item(mark);
    return ImGui::IsItemActive();
  };
  // The name is plain text: the page's hidden text field brings IME compositions (拼音 → 李华) in as committed text.
  field(tr(Text::mem_real_name), "##real_name", real_name_, sizeof real_name_, 0, "mem_real_name");
  if (tried_save_ && problems_.name_missing) colored(kOverdueRed, tr(Text::mem_err_name));
  const bool id_active = field(tr(Text::mem_id_number), "##id_number", id_number_, sizeof id_number_,
                               ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank, "mem_id_number");
  // While the number is being typed it is short: its length is judged once the field is left (or Save tapped).
  const bool show_id = tried_save_ || (id_number_[0] && (!id_active || problems_.id != IdNumberProblem::wrong_length));
  if (show_id)
    if (const char* why = id_problem_text(problems_.id)) colored(kOverdueRed, why);
  const bool phone_active =
      field(tr(Text::mem_phone), "##phone", phone_, sizeof phone_, ImGuiInputTextFlags_CharsNoBlank, "mem_phone");
  if (problems_.phone_invalid && (tried_save_ || (phone_[0] && !phone_active))) colored(kOverdueRed, tr(Text::mem_err_phone));

  // The separate consent (PIPL Art. 29): its own box, its own words, its own tick; bundled with nothing.
  ImGui::Spacing();
  boxed("##consent", IM_COL32(240, 246, 255, 255), [&] {
    ImGui::TextWrapped("%s", tr(Text::mem_consent_title));
    ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
    ImGui::TextWrapped("%s", tr(Text::mem_consent_text));
    ImGui::PopStyleColor();
    if (button_h > 0)
      ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                          ImVec2(ImGui::GetStyle().FramePadding.x, (button_h - ImGui::GetFontSize()) / 2));
    // The label wraps beside the box on a narrow phone: the box is a checkbox alone, the words follow as text.
    if (ImGui::Checkbox("##consent_tick", &consent_)) check_due_ = true;
    mark_last_item("mem_consent");
    if (button_h > 0) ImGui::PopStyleVar();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", tr(Text::mem_consent_check));
    if (ImGui::IsItemClicked()) {
      consent_ = !consent_;
      check_due_ = true;
    }
  });

  if (const char* refused = profile_error_text(s)) colored(kOverdueRed, refused);
  ImGui::BeginDisabled(!consent_ || s.profile_busy);
  const bool save = row_button(true, true, tr(Text::mem_save), button_h);
  mark_last_item("mem_save");
  ImGui::EndDisabled();
  if (editing_) {
    if (row_button(false, false, tr(Text::mem_cancel), button_h)) {
      editing_ = false;
      std::memset(id_number_, 0, sizeof id_number_);
      std::memset(phone_, 0, sizeof phone_);
      check_due_ = true;
    }
    mark_last_item("mem_cancel_edit");
  }
  if (!consent_) muted(tr(Text::mem_consent_needed));
  if (save && consent_) {
    tried_save_ = true;
    problems_ = check_profile_form(real_name_, id_number_, phone_, consent_, today);
    if (problems_.ok()) intents.push_back(SaveMemberProfile{ProfileForm{real_name_, id_number_, phone_, consent_}});
  }
}

void MembershipViews::draw_profile(const MembershipState& s, UtcSeconds now, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  if (s.profile_saved != saved_seen_) {  // saved (or deleted): what was typed goes, the masks are shown
    saved_seen_ = s.profile_saved;
    std::memset(id_number_, 0, sizeof id_number_);
    std::memset(phone_, 0, sizeof phone_);
    std::memset(real_name_, 0, sizeof real_name_);
    consent_ = editing_ = tried_save_ = false;
    check_due_ = true;
  }
  ImGui::BeginChild("##member_profile", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(profile_scroll_);
  ImGui::SeparatorText(tr(Text::mem_profile));
  if (s.profile && !editing_) {
    const MemberProfile& p = *s.profile;
    const auto row = [](const char* label, const char* value, const char* mark) {
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      ImGui::TextUnformatted(label);
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::TextUnformatted(value);
      mark_last_item(mark);
    };
    row(tr(Text::mem_real_name), p.real_name.c_str(), "mem_shown_name");
    row(tr(Text::mem_id_number), p.id_number_masked.c_str(), "mem_shown_id");
    row(tr(Text::mem_phone), p.phone_masked.c_str(), "mem_shown_phone");
    char line[160];
    std::snprintf(line, sizeof line, tr(Text::mem_realname_fmt), real_name_status(s.real_name_status()));
    colored(p.verified ? kGood : ImGui::GetColorU32(ImGuiCol_Text), line);
    if (p.verified && p.verified_at) {
      std::snprintf(line, sizeof line, tr(Text::mem_verified_at_fmt), format_day(shanghai_date(*p.verified_at)).c_str());
      muted(line);
    } else if (!p.verified) {
      muted(tr(Text::mem_unverified_hint));
    }
    if (p.consent_at) {
      std::snprintf(line, sizeof line, tr(Text::mem_consent_at_fmt), format_day(shanghai_date(*p.consent_at)).c_str());
      muted(line);
    }
    if (row_button(true, false, tr(Text::mem_correct), button_h)) {
      editing_ = true;  // the same form, with the real name only: the full number is never sent back
      std::snprintf(real_name_, sizeof real_name_, "%s", p.real_name.c_str());
      std::memset(id_number_, 0, sizeof id_number_);
      std::memset(phone_, 0, sizeof phone_);
      consent_ = tried_save_ = false;
      check_due_ = true;
    }
    mark_last_item("mem_correct");
    same_line_or_wrap(button_width(tr(Text::mem_delete)));
    if (confirm_button(confirm_, "mem_delete", 0, tr(Text::mem_delete), tr(Text::mem_delete_confirm), ImVec2(0, button_h)))
      intents.push_back(DeleteMemberProfile{});
    muted(tr(Text::mem_delete_note));
  } else {
    profile_form(s, now, button_h, intents);
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The staff desk
//-------------------------------------------------------------------------------------------------

void MembershipViews::staff_union_picker(const MembershipState& s, std::vector<Intent>& intents) {
  const char* current = s.staff_union_info ? s.staff_union_info->name.c_str() : tr(Text::mem_pick_union);
  for (const UnionOrg& u : s.staff_choices)
    if (u.id == s.staff_union) current = u.name.c_str();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetTextLineHeightWithSpacing() * 12));
  const bool open = ImGui::BeginCombo("##staff_union", current);
  mark_last_item("mem_staff_union_picker");
  if (!open) return;
  if (s.admin) {  // admins act for every union: they search the tree
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##staff_union_filter", tr(Text::mem_search_hint), staff_filter_, sizeof staff_filter_))
      intents.push_back(SearchStaffUnions{staff_filter_});
  }
  for (const UnionOrg& u : s.staff_choices) {
    ImGui::PushID(static_cast<int>(u.id.value));
    if (ImGui::Selectable(u.name.c_str(), u.id == s.staff_union)) intents.push_back(PickStaffUnion{u.id});
    mark_last_item("mem_staff_union", u.id);
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

void MembershipViews::draw_staff(const MembershipState& s, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  ImGui::SeparatorText(tr(Text::mem_staff_title));
  if (!s.union_staff()) return muted(tr(Text::mem_staff_only));
  staff_union_picker(s, intents);
  char line[512], name[200];
  if (s.stats) {
    char rate[24];
    if (s.stats->members > 0) std::snprintf(rate, sizeof rate, "%.2f%%", s.stats->verification_rate * 100);
    else std::snprintf(rate, sizeof rate, "—");
    std::snprintf(line, sizeof line, tr(Text::mem_stats_fmt), s.stats->members, s.stats->verified, rate,
                  s.stats->pending, s.stats->overdue);
    muted(line);
    mark_last_item("mem_stats");
  }
  if (row_button(true, false, tr(Text::mem_export), button_h)) intents.push_back(ExportMembers{});
  mark_last_item("mem_export");

  ImGui::BeginChild("##staff_members", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(staff_scroll_);
  ImGui::SeparatorText(tr(Text::mem_queue_title));
  if (s.queue_overdue > 0) {
    std::snprintf(line, sizeof line, tr(Text::mem_queue_overdue_fmt), s.queue_overdue);
    colored(kOverdueRed, line);
  }
  if (s.queue.empty()) muted(tr(Text::mem_queue_empty));
  ImGui::PushID("queue");
  for (const MembershipApplication& a : s.queue) {
    ImGui::PushID(static_cast<int>(a.id.value));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (a.applicant)
      std::snprintf(name, sizeof name, "%s（%s）· %s", a.applicant->real_name.c_str(), a.applicant->username.c_str(),
                    a.applicant->id_number_masked.c_str());
    else
      std::snprintf(name, sizeof name, "#%lld", static_cast<long long>(a.id.value));
    colored(a.overdue ? kOverdueRed : ImGui::GetColorU32(ImGuiCol_Text), name);
    mark_last_item("mem_queue_row", a.id);
    muted(application_title(a, line, sizeof line));
    if (!a.reason.empty()) muted(a.reason.c_str());
    colored(a.overdue ? kOverdueRed : kTextMuted, deadline_line(a, line, sizeof line));
    if (a.overdue)  // a red bar at the row's left: overdue ones stand out in a long queue
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x - 6, top.y), ImVec2(top.x - 3, ImGui::GetCursorScreenPos().y),
                                                kOverdueRed);
    if (a.can_decide.empty()) {
      if (waiting_line(a, line, sizeof line)) muted(line);
      else muted(tr(Text::mem_other_side));
    } else {
      if (row_button(true, true, tr(Text::mem_approve), button_h))
        intents.push_back(DecideApplication{a.id, true, ""});
      mark_last_item("mem_approve", a.id);
      if (row_button(false, false, tr(Text::mem_reject), button_h)) {
        rejecting_ = rejecting_ == a.id ? ApplicationId{} : a.id;
        reject_reason_[0] = 0;
      }
      mark_last_item("mem_reject", a.id);
      if (rejecting_ == a.id) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputTextWithHint("##reject_reason", tr(Text::mem_reject_hint), reject_reason_, sizeof reject_reason_);
        mark_last_item("mem_reject_reason", a.id);
        const bool has_reason = std::strspn(reject_reason_, " \t") < std::strlen(reject_reason_);
        ImGui::BeginDisabled(!has_reason);
        if (row_button(true, true, tr(Text::mem_reject_confirm), button_h) && has_reason) {
          intents.push_back(DecideApplication{a.id, false, reject_reason_});
          rejecting_ = {};
        }
        mark_last_item("mem_reject_confirm", a.id);
        ImGui::EndDisabled();
      }
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::PopID();

  ImGui::SeparatorText(tr(Text::mem_verify_title));
  muted(tr(Text::mem_verify_hint));
  if (s.unverified.empty()) muted(tr(Text::mem_verify_empty));
  ImGui::PushID("verify");
  for (const UnionMember& m : s.unverified) {
    ImGui::PushID(static_cast<int>(m.user_id.value));
    std::snprintf(name, sizeof name, "%s（%s）", m.real_name.c_str(), m.username.c_str());
    ImGui::TextWrapped("%s", name);
    mark_last_item("mem_unverified", m.user_id);
    std::snprintf(line, sizeof line, "%s · %s", m.id_number_masked.c_str(), m.phone_masked.c_str());
    muted(line);
    if (row_button(true, true, tr(Text::mem_verify), button_h)) intents.push_back(VerifyMember{m.user_id});
    mark_last_item("mem_verify", m.user_id);
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::PopID();
  ImGui::EndChild();
}

}  // namespace gongyou::ui
