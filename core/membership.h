// core/membership.h — union organisations and membership applications, shared by the server and the app: the
// levels of the union tree, the kinds and states of an application with their wire names
// (../shared/design/api-services.md "Unions", "Member profile and membership"), and the review deadline.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/civil_time.h"
#include "core/public_holidays.h"

namespace gongyou {

/// Where an organisation stands in the tree (services.md "Who is who"): the county or city federation (总工会),
/// town or street unions, industrial-park unions, regional industry unions for new forms of employment, village
/// or community unions, and grassroots unions of one employer (基层工会), the only ones members belong to.
enum class UnionLevel : std::uint8_t { federation, town, park, industry, village, grassroots };

/// "federation", "town", "park", "industry", "village", "grassroots".
std::string_view wire_name(UnionLevel level);
/// The level a wire name names; nothing for any other text.
std::optional<UnionLevel> parse_union_level(std::string_view name);

/// What a membership application asks: to join a grassroots union, or to move to another (入会 / 转会).
enum class MembershipKind : std::uint8_t { join, transfer };

/// "join", "transfer".
std::string_view wire_name(MembershipKind kind);
/// The kind a wire name names; nothing for any other text.
std::optional<MembershipKind> parse_membership_kind(std::string_view name);

/// pending → approved | rejected (a transfer is approved when both sides have approved), or withdrawn when the
/// applicant deletes their profile.
enum class ApplicationStatus : std::uint8_t { pending, approved, rejected, withdrawn };

/// "pending", "approved", "rejected", "withdrawn".
std::string_view wire_name(ApplicationStatus status);
/// The status a wire name names; nothing for any other text.
std::optional<ApplicationStatus> parse_application_status(std::string_view name);

/// Working days a union has to decide an application (天津 知工 promises 3; api-services.md `due_by`).
inline constexpr int kReviewWorkingDays = 3;

/// True on a day people work: Monday to Friday and not a statutory holiday. Make-up working days (调休上班)
/// are not in the holiday table and count as days off, which only ever gives the reviewer more time.
bool is_working_day(LocalDate date, const HolidayCalendar& holidays);

/// The n-th working day after `date` (n ≥ 1; `date` itself never counts).
LocalDate nth_working_day_after(LocalDate date, int n, const HolidayCalendar& holidays);

/// When an application made at `created_at` must be decided: the last second (23:59:59 Asia/Shanghai) of the
/// kReviewWorkingDays-th working day after the day it was made.
UtcSeconds review_due_by(UtcSeconds created_at, const HolidayCalendar& holidays);

/// Working days from `today` to the due day `due`: 0 when due today, negative when overdue (the staff queue's
/// "days left"). Days off between them do not count.
int working_days_left(LocalDate today, LocalDate due, const HolidayCalendar& holidays);

}  // namespace gongyou
