// core/statuses.cpp — see statuses.h.
#include "core/statuses.h"

#include <array>
#include <utility>

namespace gongyou {
namespace {

constexpr std::array<std::pair<BookingStatus, std::string_view>, 7> kBookingStatuses{{
    {BookingStatus::confirmed, "confirmed"},
    {BookingStatus::waitlisted, "waitlisted"},
    {BookingStatus::cancelled, "cancelled"},
    {BookingStatus::checked_in, "checked_in"},
    {BookingStatus::no_show, "no_show"},
    {BookingStatus::pending, "pending"},
    {BookingStatus::denied, "denied"},
}};

constexpr std::array<std::pair<LectureStatus, std::string_view>, 5> kLectureStatuses{{
    {LectureStatus::pending, "pending"},
    {LectureStatus::accepted, "accepted"},
    {LectureStatus::scheduled, "scheduled"},
    {LectureStatus::declined, "declined"},
    {LectureStatus::delivered, "delivered"},
}};

template <class Status, std::size_t N>
std::string_view name_of(const std::array<std::pair<Status, std::string_view>, N>& table, Status status) {
  for (const auto& [s, name] : table)
    if (s == status) return name;
  return table[0].second;
}

template <class Status, std::size_t N>
std::optional<Status> status_of(const std::array<std::pair<Status, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [s, n] : table)
    if (n == name) return s;
  return std::nullopt;
}

}  // namespace

std::string_view wire_name(BookingStatus status) { return name_of(kBookingStatuses, status); }
std::optional<BookingStatus> parse_booking_status(std::string_view name) { return status_of(kBookingStatuses, name); }
std::string_view wire_name(LectureStatus status) { return name_of(kLectureStatuses, status); }
std::optional<LectureStatus> parse_lecture_status(std::string_view name) { return status_of(kLectureStatuses, name); }

}  // namespace gongyou
