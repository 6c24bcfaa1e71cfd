// core/activity.h — union activities (活动报名, services.md `Activity`): kinds with their wire names, the states of a
// sign-up, the sign-up window, and the declaration a 惠工鹊桥 matchmaking event asks for. Shared by the server (which
// decides by its own clock) and the client (which shows the same words). docs/api-activities.md.
//
// [SECTION] Kinds        what an activity is, its wire and Chinese names
// [SECTION] Sign-ups     confirmed / waitlisted / cancelled / checked_in with their wire names
// [SECTION] Window       when sign-up is open, decided by the server's clock
// [SECTION] Declaration  age, single status and a contact phone for matchmaking events
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {

// [SECTION] Kinds

/// What an activity is; `matchmaking` (惠工鹊桥) asks every person signing up for a declaration.
enum class ActivityKind : std::uint8_t { sports, culture, lecture, family, volunteer, matchmaking };

/// The wire name: "sports", "culture", "lecture", "family", "volunteer" or "matchmaking".
std::string_view activity_kind_name(ActivityKind kind);
/// The kind of a wire name; nothing for anything else.
std::optional<ActivityKind> parse_activity_kind(std::string_view text);
/// The Chinese label shown to workers: 文体活动, 读书文化, 法律讲座, 亲子活动, 志愿服务, 惠工鹊桥.
std::string_view activity_kind_label(ActivityKind kind);
/// Every kind, in the order the client lists its filters.
inline constexpr ActivityKind kActivityKinds[] = {ActivityKind::sports,  ActivityKind::culture,
                                                  ActivityKind::lecture, ActivityKind::family,
                                                  ActivityKind::volunteer, ActivityKind::matchmaking};

inline constexpr std::size_t kMaxActivityTitleChars = 60;
inline constexpr std::size_t kMaxActivityDescriptionChars = 2000;
inline constexpr int kMaxActivityPlaces = 100000;

// [SECTION] Sign-ups

/// Where one person's sign-up stands. A cancelled one keeps its row (the unique key is per person and activity).
enum class SignupStatus : std::uint8_t {
  confirmed,   ///< holds a place
  waitlisted,  ///< waits in arrival order for a freed place
  cancelled,   ///< given up by its owner
  checked_in,  ///< came, checked in once by the organizer's staff
};

/// The wire name: "confirmed", "waitlisted", "cancelled" or "checked_in".
std::string_view signup_status_name(SignupStatus status);
/// The status of a wire name; nothing for anything else.
std::optional<SignupStatus> parse_signup_status(std::string_view text);
/// True while the sign-up counts: confirmed, waitlisted or checked in.
bool signup_is_active(SignupStatus status);

// [SECTION] Window

/// Where an activity's sign-up stands at an instant.
enum class SignupWindow : std::uint8_t {
  not_yet_open,  ///< before signup_opens_at
  open,          ///< from signup_opens_at until signup_closes_at and the start, whichever comes first
  closed,        ///< after that
};

/// The wire name: "not_yet_open", "open" or "closed".
std::string_view signup_window_name(SignupWindow window);

/// The instants that decide an activity's sign-up.
struct ActivityTimes {
  UtcSeconds starts_at, ends_at, signup_opens_at, signup_closes_at;
};

/// The sign-up window at `now`: open in [signup_opens_at, min(signup_closes_at, starts_at)).
SignupWindow signup_window(const ActivityTimes& times, UtcSeconds now);

/// What is wrong with an activity's instants (Chinese / English), or nothing: it ends after it starts, sign-up
/// opens before it closes, and closes no later than the start.
std::optional<std::string> activity_times_problem(const ActivityTimes& times);

// [SECTION] Declaration

inline constexpr int kMinDeclaredAge = 18;  ///< the youngest age any matchmaking event accepts
inline constexpr int kMaxDeclaredAge = 70;

/// What a person declares to sign up for a matchmaking event; the phone is shown to the organizer's staff only.
struct MatchmakingDeclaration {
  int age = 0;
  bool single = false;
  std::string phone;  ///< as typed; normalized by declaration_problem's caller with normalize_phone()
};

/// Why a declaration is refused, with the wire code the API answers.
struct DeclarationProblem {
  std::string code;     ///< age_out_of_range, not_single or invalid_phone
  std::string message;  ///< Chinese / English
};

/// What is wrong with a declaration for an event open to ages [min_age, max_age], or nothing: the age within it,
/// single declared, an 11-digit mobile phone (core/id_number.h). `canonical_phone` is the normalized phone.
std::optional<DeclarationProblem> declaration_problem(const MatchmakingDeclaration& declaration, int min_age,
                                                      int max_age, std::string& canonical_phone);

}  // namespace gongyou
