// core/ids.h — the ids of stored objects as types of their own, shared by the server and the app: a SlotId is
// not a BookingId, and neither is a bare integer. Parsed once at the JSON edge (the API's "id" fields and path
// segments), compared and hashed as values.
#pragma once
#include <cstdint>
#include <functional>

namespace gongyou {

/// The id of one kind of stored object (the Tag names the kind); positive once stored, 0 for none.
template <class Tag>
struct Id {
  std::int64_t value = 0;
  /// True for a stored object's id.
  constexpr explicit operator bool() const { return value > 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using SiteId = Id<struct SiteTag>;                      ///< a service site (服务阵地)
using SlotId = Id<struct SlotTag>;                      ///< a bookable slot of a site
using BookingId = Id<struct BookingTag>;                ///< a booking of a slot
using UserId = Id<struct UserTag>;                      ///< an account
using CourseId = Id<struct CourseTag>;                  ///< a course of the classroom (中心学堂)
using CategoryId = Id<struct CategoryTag>;              ///< a course category
using LectureRequestId = Id<struct LectureRequestTag>;  ///< a lecture request (送课上门)
using NotificationId = Id<struct NotificationTag>;      ///< a message to a user
using UnionId = Id<struct UnionTag>;                    ///< a union organisation (工会组织)
using ApplicationId = Id<struct ApplicationTag>;        ///< a membership application (入会 / 转会)
using QuizId = Id<struct QuizTag>;                      ///< a prize quiz (有奖答题)
using QuestionId = Id<struct QuestionTag>;              ///< a question of the quiz bank
using AttemptId = Id<struct AttemptTag>;                ///< one attempt at a quiz
using CampaignId = Id<struct CampaignTag>;              ///< a message campaign (留言征集)
using CampaignMessageId = Id<struct CampaignMessageTag>;  ///< a message left in a campaign
using ConsultationId = Id<struct ConsultationTag>;        ///< a legal-aid consultation (法律援助)
using ActivityId = Id<struct ActivityTag>;              ///< a union activity (活动报名)
using SignupId = Id<struct SignupTag>;                  ///< one person's sign-up for an activity
using WishId = Id<struct WishTag>;                      ///< a micro-wish (微心愿)

}  // namespace gongyou

/// Ids hash as their value (unordered containers keyed by an id).
template <class Tag>
struct std::hash<gongyou::Id<Tag>> {
  std::size_t operator()(gongyou::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
