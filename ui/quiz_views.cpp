// ui/quiz_views.cpp — see quiz_views.h.
//
// [SECTION] Small pieces
// [SECTION] The list
// [SECTION] One quiz
// [SECTION] Taking a quiz
// [SECTION] The result
// [SECTION] The draw and its proof
#include "ui/quiz_views.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Small pieces
//-------------------------------------------------------------------------------------------------

constexpr ImU32 kGood = IM_COL32(47, 158, 68, 255);
constexpr ImU32 kBad = IM_COL32(201, 42, 42, 255);
constexpr ImU32 kCardBg = IM_COL32(248, 249, 250, 255);
constexpr ImU32 kChosenBg = IM_COL32(255, 236, 238, 255);

const char* kind_label(QuestionKind k) {
  switch (k) {
    case QuestionKind::single_choice: return tr(Text::quiz_kind_single);
    case QuestionKind::multiple_choice: return tr(Text::quiz_kind_multiple);
    case QuestionKind::true_false: return tr(Text::quiz_kind_true_false);
  }
  return "";
}

/// "10 题 · 限时 10 分钟 · 每天 3 次".
const char* rules_line(const QuizSummary& q, char* out, std::size_t size) {
  std::snprintf(out, size, tr(Text::quiz_rules_fmt), q.question_count, (q.time_limit_s + 59) / 60, q.attempts_per_day);
  return out;
}

/// "03:07" for seconds.
const char* clock_text(std::int64_t seconds, char* out, std::size_t size) {
  seconds = std::max<std::int64_t>(0, seconds);
  std::snprintf(out, size, "%02lld:%02lld", static_cast<long long>(seconds / 60), static_cast<long long>(seconds % 60));
  return out;
}

/// A back link at the top of a quiz screen.
void back_link(const char* label, const Intent& intent, float button_h, std::vector<Intent>& intents) {
  if (secondary_button(label, ImVec2(0, button_h))) intents.push_back(intent);
  mark_last_item("quiz_back");
}

}  // namespace

void QuizViews::draw(const QuizState& s, UtcSeconds now, bool signed_in, bool phone, std::vector<Intent>& intents) {
  const float button_h = phone ? 44.0f : 0.0f;
  switch (s.view) {
    case QuizView::list: draw_list(s, button_h, intents); break;
    case QuizView::detail: draw_detail(s, signed_in, button_h, intents); break;
    case QuizView::attempt:
      if (s.attempt && s.attempt->submitted) draw_result(s, button_h, intents);
      else draw_attempt(s, now, button_h, intents);
      break;
    case QuizView::draw: draw_draw(s, button_h, intents); break;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The list
//-------------------------------------------------------------------------------------------------

void QuizViews::draw_list(const QuizState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##quiz_list", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(list_scroll_);
  ImGui::SeparatorText(tr(Text::quiz_title));
  muted(tr(Text::quiz_intro));
  if (s.quizzes.empty()) muted(s.loading ? tr(Text::quiz_loading) : s.failed ? tr(Text::quiz_load_failed) : tr(Text::quiz_none));
  char line[256];
  for (const QuizSummary& q : s.quizzes) {
    ImGui::PushID(static_cast<int>(q.id.value));
    boxed("##quiz_card", kCardBg, [&] {
      colored(window_status_color(q.status), window_status_label(q.status));
      large(q.title.c_str(), 1.05f);
      mark_last_item("quiz_row", q.id);
      muted(format_window(q.starts_at, q.ends_at).c_str());
      muted(rules_line(q, line, sizeof line));
      if (!q.prize.empty()) {
        std::snprintf(line, sizeof line, tr(Text::quiz_prize_fmt), q.prize.c_str(), q.prize_count);
        ImGui::TextWrapped("%s", line);
      }
      std::snprintf(line, sizeof line, tr(Text::quiz_players_fmt), static_cast<long long>(q.players));
      muted(line);
      const char* label = q.status == QuizStatus::open ? tr(Text::quiz_go) : tr(Text::quiz_details);
      if (row_button(true, q.status == QuizStatus::open, label, button_h) && !list_scroll_.dragged)
        intents.push_back(OpenQuiz{q.id});
      mark_last_item("quiz_open", q.id);
    });
    ImGui::PopID();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] One quiz
//-------------------------------------------------------------------------------------------------

void QuizViews::draw_detail(const QuizState& s, bool signed_in, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##quiz_detail", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(detail_scroll_);
  back_link(tr(Text::quiz_back_to_list), ShowQuizList{}, button_h, intents);
  if (!s.quiz) {
    muted(s.failed ? tr(Text::quiz_not_found) : tr(Text::quiz_loading));
    ImGui::EndChild();
    return;
  }
  const QuizSummary& q = *s.quiz;
  char line[320];
  colored(window_status_color(q.status), window_status_label(q.status));
  large(q.title.c_str(), 1.2f);
  mark_last_item("quiz_title", q.id);
  if (!q.description.empty()) ImGui::TextWrapped("%s", q.description.c_str());
  muted(format_window(q.starts_at, q.ends_at).c_str());
  muted(rules_line(q, line, sizeof line));
  std::snprintf(line, sizeof line, tr(Text::quiz_bar_fmt), q.pass_score);
  muted(line);
  if (!q.prize.empty()) {
    std::snprintf(line, sizeof line, tr(Text::quiz_prize_fmt), q.prize.c_str(), q.prize_count);
    ImGui::TextWrapped("%s", line);
  }
  if (!q.union_name.empty()) {
    std::snprintf(line, sizeof line, tr(Text::quiz_organiser_fmt), q.union_name.c_str());
    muted(line);
  }

  // What the caller may do now.
  ImGui::Spacing();
  if (q.status == QuizStatus::open) {
    if (!signed_in) {
      muted(tr(Text::quiz_sign_in_to_play));
      if (row_button(true, true, tr(Text::sign_in), button_h)) intents.push_back(OpenAuth{false});
      mark_last_item("quiz_sign_in");
    } else {
      const bool running = q.me && q.me->running_attempt;
      if (q.me && !running) {
        std::snprintf(line, sizeof line, tr(Text::quiz_attempts_left_fmt), q.me->attempts_left, q.attempts_per_day);
        muted(line);
      }
      const bool can_start = running || !q.me || q.me->attempts_left > 0;
      ImGui::BeginDisabled(!can_start || s.starting);
      if (row_button(true, true, running ? tr(Text::quiz_resume) : tr(Text::quiz_start), button_h))
        intents.push_back(StartQuiz{q.id});
      mark_last_item("quiz_start", q.id);
      ImGui::EndDisabled();
      if (!can_start) muted(tr(Text::quiz_come_back_tomorrow));
    }
  } else if (q.status == QuizStatus::upcoming) {
    std::snprintf(line, sizeof line, tr(Text::quiz_opens_fmt), format_day(shanghai_date(q.starts_at)).c_str());
    muted(line);
  } else {
    muted(q.drawn ? tr(Text::quiz_closed_drawn) : tr(Text::quiz_closed_waiting));
  }
  if (q.me && q.me->best_score) {
    std::snprintf(line, sizeof line, tr(Text::quiz_best_fmt), *q.me->best_score);
    ImGui::TextWrapped("%s", line);
  }
  if (const QuizPrize* prize = s.my_prize()) {
    boxed("##quiz_my_prize", IM_COL32(255, 247, 230, 255), [&] {
      std::snprintf(line, sizeof line, tr(Text::quiz_won_fmt), prize->rank);
      large(line, 1.05f);
      std::snprintf(line, sizeof line, tr(Text::quiz_code_fmt), prize->code.c_str());
      large(line, 1.2f);
      mark_last_item("quiz_prize_code");
      muted(prize->handed_out ? tr(Text::quiz_prize_handed_out) : tr(Text::quiz_prize_collect));
    });
  }
  if (q.drawn || q.status == QuizStatus::closed) {
    if (row_button(true, false, tr(Text::quiz_draw_open), button_h)) intents.push_back(OpenQuizDraw{q.id});
    mark_last_item("quiz_draw_link", q.id);
  }
  // The commitment, published before anyone played: the draw can be checked against it.
  std::snprintf(line, sizeof line, tr(Text::quiz_commitment_fmt), q.draw_commitment.c_str());
  muted(line);

  if (!s.my_attempts.empty()) {
    ImGui::SeparatorText(tr(Text::quiz_my_attempts));
    for (const MyAttempt& a : s.my_attempts) {
      ImGui::PushID(static_cast<int>(a.id.value));
      const ShortText when = format_day_time(a.started_at);
      if (a.submitted)
        std::snprintf(line, sizeof line, tr(Text::quiz_attempt_row_fmt), when.c_str(), a.score, a.correct, a.total);
      else
        std::snprintf(line, sizeof line, tr(Text::quiz_attempt_running_fmt), when.c_str());
      if (ImGui::Selectable(line, false, 0, ImVec2(0, button_h)) && !detail_scroll_.dragged)
        intents.push_back(OpenAttempt{a.id});
      mark_last_item("quiz_attempt_row", a.id);
      ImGui::PopID();
    }
  }

  ImGui::SeparatorText(tr(Text::quiz_leaderboard));
  if (s.board.rows.empty()) muted(tr(Text::quiz_board_empty));
  if (ImGui::BeginTable("##quiz_board", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(Text::quiz_col_rank), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(Text::quiz_col_name));
    ImGui::TableSetupColumn(tr(Text::quiz_col_score), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(Text::quiz_col_time), ImGuiTableColumnFlags_WidthFixed);
    if (!s.board.rows.empty()) ImGui::TableHeadersRow();
    const auto row = [&](const LeaderboardRow& r) {
      ImGui::TableNextRow();
      if (r.me) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, kChosenBg);
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.rank);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.me ? tr(Text::quiz_me) : r.display_name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.score);
      ImGui::TableNextColumn();
      char t[16];
      ImGui::TextUnformatted(clock_text(r.duration_s, t, sizeof t));
    };
    bool me_listed = false;
    for (const LeaderboardRow& r : s.board.rows) {
      row(r);
      me_listed = me_listed || r.me;
    }
    if (s.board.me && !me_listed) row(*s.board.me);
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Taking a quiz
//-------------------------------------------------------------------------------------------------

void QuizViews::draw_attempt(const QuizState& s, UtcSeconds now, float button_h, std::vector<Intent>& intents) {
  if (!s.attempt) {
    muted(tr(Text::quiz_loading));
    return;
  }
  const QuizAttempt& a = *s.attempt;
  const int total = static_cast<int>(a.questions.size());
  const int current = std::clamp(s.current, 0, total - 1);
  const AttemptQuestionView& q = a.questions[static_cast<std::size_t>(current)];
  char line[256];

  // The head stays put: which question, how long is left, which ones are answered.
  const std::int64_t left = s.seconds_left(now);
  char clock[16];
  std::snprintf(line, sizeof line, tr(Text::quiz_question_of_fmt), current + 1, total, kind_label(q.kind));
  ImGui::TextUnformatted(line);
  mark_last_item("quiz_question_number", current + 1);
  const char* time_text = clock_text(left, clock, sizeof clock);
  std::snprintf(line, sizeof line, tr(Text::quiz_time_left_fmt), time_text);
  const float w = ImGui::CalcTextSize(line).x;
  ImGui::SameLine();
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
  ImGui::PushStyleColor(ImGuiCol_Text, left <= 60 ? kBad : kTextMuted);
  ImGui::TextUnformatted(line);
  ImGui::PopStyleColor();
  mark_last_item("quiz_clock", left);
  // Progress: a dot per question, filled when answered; a tap goes there.
  const auto progress = [&] {
    const float dot_min = button_h > 0 ? 30.0f : 24.0f;
    for (int i = 0; i < total; ++i) {
      ImGui::PushID(i);
      char n[8];
      std::snprintf(n, sizeof n, "%d", i + 1);
      const float dot = std::max(dot_min, ImGui::CalcTextSize(n).x + 2 * ImGui::GetStyle().FramePadding.x);
      if (i > 0) same_line_or_wrap(dot);
      const bool answered = !a.questions[static_cast<std::size_t>(i)].chosen.empty();
      ImGui::PushStyleColor(ImGuiCol_Button, i == current ? kBrandRed : answered ? IM_COL32(240, 160, 170, 255) : IM_COL32(222, 226, 230, 255));
      ImGui::PushStyleColor(ImGuiCol_Text, i == current ? IM_COL32_WHITE : IM_COL32(33, 37, 41, 255));
      if (ImGui::Button(n, ImVec2(dot, std::max(dot_min, ImGui::GetFrameHeight())))) intents.push_back(GoToQuestion{i});
      ImGui::PopStyleColor(2);
      ImGui::PopID();
    }
    ImGui::Separator();
  };
  // The foot: previous, next, submit (asks twice, and says how many are unanswered).
  const auto footer = [&] {
    std::snprintf(line, sizeof line, tr(Text::quiz_answered_fmt), a.answered(), total);
    muted(line);
    ImGui::BeginDisabled(current == 0);
    if (row_button(true, false, tr(Text::quiz_previous), button_h)) intents.push_back(GoToQuestion{current - 1});
    mark_last_item("quiz_previous");
    ImGui::EndDisabled();
    if (current + 1 < total) {
      if (row_button(false, true, tr(Text::quiz_next), button_h)) intents.push_back(GoToQuestion{current + 1});
      mark_last_item("quiz_next");
    }
    same_line_or_wrap(button_width(tr(Text::quiz_submit_confirm)));
    ImGui::BeginDisabled(s.submitting);
    if (confirm_button(confirm_, "quiz_submit", a.id.value, tr(Text::quiz_submit), tr(Text::quiz_submit_confirm),
                       ImVec2(0, button_h)))
      intents.push_back(SubmitQuiz{});
    ImGui::EndDisabled();
  };

  // A tall screen keeps the dots above and the buttons below the question in place; a short one (a turned phone)
  // scrolls them with it, so that the options keep room.
  const bool short_window = ImGui::GetContentRegionAvail().y < 420;
  if (!short_window) progress();
  const float foot = short_window ? 0.0f
                                  : (button_h > 0 ? button_h : ImGui::GetFrameHeight()) +
                                        ImGui::GetStyle().ItemSpacing.y * 2 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("##quiz_question", ImVec2(0, -foot), ImGuiChildFlags_NavFlattened);
  if (short_window) progress();
  if (attempt_seen_ != s.attempt_revision || question_seen_ != current) {
    attempt_seen_ = s.attempt_revision;
    question_seen_ = current;
    ImGui::SetScrollY(0);
  }
  touch_drag_scroll(attempt_scroll_);
  large(q.text.c_str(), 1.1f);
  mark_last_item("quiz_question", q.id);
  if (q.kind == QuestionKind::multiple_choice) muted(tr(Text::quiz_choose_all));
  ImGui::Spacing();
  static constexpr const char* kLetters[] = {"A", "B", "C", "D", "E", "F"};
  const float option_h = std::max(button_h > 0 ? 52.0f : 40.0f, ImGui::GetFrameHeight());
  for (int o = 0; o < static_cast<int>(q.options.size()); ++o) {
    ImGui::PushID(o);
    const bool chosen = std::find(q.chosen.begin(), q.chosen.end(), o) != q.chosen.end();
    std::snprintf(line, sizeof line, "%s%s  %s", q.kind == QuestionKind::multiple_choice ? (chosen ? "[x] " : "[ ] ") : "",
                  kLetters[std::min(o, 5)], q.options[static_cast<std::size_t>(o)].c_str());
    ImGui::PushStyleColor(ImGuiCol_Button, chosen ? kBrandRed : IM_COL32(241, 243, 245, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, chosen ? kBrandRed : IM_COL32(233, 236, 239, 255));
    // The option's text wraps inside its button: measured at the button's width and drawn over it.
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = std::max(1.0f, width - 2 * pad.x);
    const ImVec2 text_size = ImGui::CalcTextSize(line, nullptr, false, wrap);
    const float height = std::max(option_h, text_size.y + 2 * pad.y + 8);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::Button("##option", ImVec2(width, height)) && !attempt_scroll_.dragged)
      intents.push_back(ChooseAnswer{current, o});
    mark_last_item("quiz_option", o);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        ImVec2(at.x + pad.x, at.y + (height - text_size.y) * 0.5f),
                                        chosen ? IM_COL32_WHITE : IM_COL32(33, 37, 41, 255), line, nullptr, wrap);
    ImGui::PopStyleColor(2);
    ImGui::PopID();
  }
  if (short_window) footer();
  ImGui::EndChild();
  if (!short_window) footer();

}

//-------------------------------------------------------------------------------------------------
// [SECTION] The result
//-------------------------------------------------------------------------------------------------

void QuizViews::draw_result(const QuizState& s, float button_h, std::vector<Intent>& intents) {
  const QuizAttempt& a = *s.attempt;
  ImGui::BeginChild("##quiz_result", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  if (attempt_seen_ != s.attempt_revision) {
    attempt_seen_ = s.attempt_revision;
    ImGui::SetScrollY(0);
  }
  touch_drag_scroll(result_scroll_);
  back_link(tr(Text::quiz_back_to_quiz), OpenQuiz{a.quiz}, button_h, intents);
  char line[320];
  const int bar = s.quiz && s.quiz->id == a.quiz ? s.quiz->pass_score : -1;
  boxed("##quiz_score", kCardBg, [&] {
    std::snprintf(line, sizeof line, tr(Text::quiz_score_fmt), a.score);
    ImGui::PushStyleColor(ImGuiCol_Text, bar >= 0 && a.score < bar ? kBad : kGood);
    large(line, 1.8f);
    ImGui::PopStyleColor();
    mark_last_item("quiz_score", a.score);
    char clock[16];
    std::snprintf(line, sizeof line, tr(Text::quiz_result_line_fmt), a.correct, a.total,
                  clock_text(a.duration_s, clock, sizeof clock));
    ImGui::TextWrapped("%s", line);
    if (bar >= 0) muted(a.score >= bar ? tr(Text::quiz_passed) : tr(Text::quiz_not_passed));
    if (a.auto_submitted) muted(tr(Text::quiz_auto_submitted));
  });
  static constexpr const char* kLetters[] = {"A", "B", "C", "D", "E", "F"};
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const AttemptQuestionView& q = a.questions[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    std::snprintf(line, sizeof line, "%d. %s", static_cast<int>(i + 1), q.right ? tr(Text::quiz_right) : tr(Text::quiz_wrong));
    colored(q.right ? kGood : kBad, line);
    mark_last_item("quiz_result_question", q.right ? 1 : 0);
    ImGui::TextWrapped("%s", q.text.c_str());
    for (int o = 0; o < static_cast<int>(q.options.size()); ++o) {
      const bool right = std::find(q.correct_options.begin(), q.correct_options.end(), o) != q.correct_options.end();
      const bool chosen = std::find(q.chosen.begin(), q.chosen.end(), o) != q.chosen.end();
      std::snprintf(line, sizeof line, "%s  %s%s%s", kLetters[std::min(o, 5)], q.options[static_cast<std::size_t>(o)].c_str(),
                    right ? tr(Text::quiz_mark_right) : "", chosen && !right ? tr(Text::quiz_mark_chosen_wrong) : "");
      if (right) colored(kGood, line);
      else if (chosen) colored(kBad, line);
      else muted(line);
    }
    if (!q.law_title.empty() || !q.article.empty()) {
      std::snprintf(line, sizeof line, tr(Text::quiz_source_fmt), q.law_title.c_str(), q.article.c_str());
      colored(kBrandRed, line);
    }
    if (!q.explanation.empty()) muted(q.explanation.c_str());
    ImGui::PopID();
  }
  ImGui::Spacing();
  if (row_button(true, true, tr(Text::quiz_back_to_quiz), button_h)) intents.push_back(OpenQuiz{a.quiz});
  mark_last_item("quiz_result_back");
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The draw and its proof
//-------------------------------------------------------------------------------------------------

void QuizViews::draw_draw(const QuizState& s, float button_h, std::vector<Intent>& intents) {
  ImGui::BeginChild("##quiz_draw", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  touch_drag_scroll(draw_scroll_);
  back_link(tr(Text::quiz_back_to_quiz), OpenQuiz{s.opened}, button_h, intents);
  ImGui::SeparatorText(tr(Text::quiz_draw_title));
  if (s.quiz) large(s.quiz->title.c_str(), 1.05f);
  if (!s.draw) {
    muted(s.draw_missing ? tr(Text::quiz_draw_not_yet) : tr(Text::quiz_loading));
    ImGui::EndChild();
    return;
  }
  const QuizDraw& d = *s.draw;
  char line[512];
  std::snprintf(line, sizeof line, tr(Text::quiz_drawn_at_fmt), format_day_time(d.drawn_at).c_str(),
                static_cast<int>(d.entrants.size()), d.pass_score);
  muted(line);

  ImGui::SeparatorText(tr(Text::quiz_winners));
  for (std::size_t k = 0; k < d.winners.size(); ++k) {
    std::snprintf(line, sizeof line, "%d. %s  (%s)", static_cast<int>(k + 1), d.winners[k].display_name.c_str(),
                  d.winners[k].entrant.c_str());
    ImGui::TextWrapped("%s", line);
  }
  if (d.winners.empty()) muted(tr(Text::quiz_no_winners));

  // What this phone recomputed, not what the server said.
  ImGui::SeparatorText(tr(Text::quiz_proof));
  boxed("##quiz_checks", d.verified() ? IM_COL32(235, 251, 238, 255) : IM_COL32(255, 236, 238, 255), [&] {
    colored(d.verified() ? kGood : kBad, d.verified() ? tr(Text::quiz_proof_ok) : tr(Text::quiz_proof_failed));
    mark_last_item("quiz_draw_verified", d.verified() ? 1 : 0);
    const auto check = [&](bool ok, Text what) {
      std::snprintf(line, sizeof line, "%s %s", ok ? tr(Text::quiz_check_ok) : tr(Text::quiz_check_failed), tr(what));
      colored(ok ? kGood : kBad, line);
    };
    check(d.commitment_matches, Text::quiz_check_commitment);
    check(d.entrants_hash_matches, Text::quiz_check_entrants);
    check(d.winners_match, Text::quiz_check_winners);
  });
  std::snprintf(line, sizeof line, tr(Text::quiz_seed_fmt), d.seed.c_str());
  ImGui::TextWrapped("%s", line);
  mark_last_item("quiz_draw_seed");
  std::snprintf(line, sizeof line, tr(Text::quiz_commitment_fmt), d.draw_commitment.c_str());
  ImGui::TextWrapped("%s", line);
  std::snprintf(line, sizeof line, tr(Text::quiz_entrants_hash_fmt), d.entrants_hash.c_str());
  ImGui::TextWrapped("%s", line);
  ImGui::SeparatorText(tr(Text::quiz_how_to_check));
  muted(tr(Text::quiz_how_to_check_text));
  std::snprintf(line, sizeof line, "printf %%s %s | sha256sum", d.seed.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(33, 37, 41, 255));
  ImGui::TextWrapped("%s", line);
  ImGui::PopStyleColor();
  muted(d.algorithm.c_str());
  std::snprintf(line, sizeof line, tr(Text::quiz_entrants_fmt), static_cast<int>(d.entrants.size()));
  if (row_button(true, false, show_entrants_ ? tr(Text::quiz_hide_entrants) : line, button_h)) show_entrants_ = !show_entrants_;
  mark_last_item("quiz_entrants_toggle");
  if (show_entrants_) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.entrants.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::TextUnformatted(d.entrants[static_cast<std::size_t>(i)].c_str());
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
