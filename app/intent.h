// app/intent.h — what a view asks for and what the browser reports, as plain typed values.
// Views emit Intents; wasm/platform turns every JS callback into a PlatformEvent at once.
#pragma once
#include <string>
#include <variant>

#include "core/site_type.h"
#include "core/units.h"
#include "app/sites/site_finder_state.h"
#include "app/bookings/bookings.h"
#include "app/courses/courses.h"
#include "app/coverage/coverage_analysis.h"

namespace gongyou {

// ---- Intents (from views) ----
struct ToggleType { SiteType type; };        ///< show/hide one site type
struct ShowAllTypes {};                      ///< show every site type
struct SetQuery { std::string text; };       ///< filter by search text
struct ToggleFacility { std::size_t index; }; ///< ask for a facility (kFacilityIds) or stop asking
struct SetOpenNow { bool on; };              ///< only the sites open now, or all
struct SelectSite { SiteId site; };          ///< choose a site in the panel
struct CloseSite {};                         ///< put the chosen site's card away (back to the list)
struct OpenLink { std::string url; };        ///< leave for a link of the card (call, directions): site_links.h
struct ShareSite { SiteId site; };           ///< share the site's link (share sheet, or copied)
struct LocateMe {};                          ///< sort by distance from the user ("near me")
struct UseMapCenter {};                      ///< sort by distance from the map center
struct RetryLoad {};                         ///< load the sites again after a failure
struct ToggleCoverage {};                    ///< show or hide the 15-minute coverage layer
struct Announce { std::string text; };       ///< tell screen readers what changed (a live region)
struct SaveLanguage { std::string code; };   ///< remember the chosen UI language ("zh-CN", "en")
// Accounts and bookings (app/bookings/bookings.h)
struct OpenAuth { bool register_form; };     ///< show the sign-in (or register) dialog
struct CloseAuth {};
struct SubmitLogin { std::string username, password; };
struct SubmitRegister { std::string username, password, display_name; };
struct Logout {};
struct OpenSiteSlots { SiteId site; };       ///< the 7-day slot grid of a bookable site
struct ShiftDays { int days; };              ///< move the slot grid by days
struct ChooseSlot { std::int64_t slot; };    ///< first tap on a slot
struct ClearChoice {};
struct SetGroupSize { int size; };           ///< visitors of a studio visit
struct ConfirmBooking { bool waitlist; };    ///< second tap: book (or join the waitlist)
struct CancelBooking { std::int64_t booking; };
struct ShowPass { std::int64_t booking; };
struct HidePass {};
struct DownloadCalendar { std::int64_t booking; };
struct ShowScreen { Screen screen; };
struct DismissFeedback {};
struct MarkNotificationsRead {};
// Staff
struct SaveTemplate { TemplateForm form; };
struct ShiftRosterDay { int days; };
struct CheckIn { std::int64_t booking; };
struct StaffCancel { std::int64_t booking; };
struct DecideVisit { std::int64_t booking; bool approve; std::string reason; };  ///< a pending studio visit
struct ExportRoster {};
// Coverage analysis (app/coverage/coverage_analysis.h)
struct SetSuggestionCount { int k; };         ///< "where next": how many new sites to suggest (1..20)
struct ShowSuggestionsOnMap { bool on; };     ///< show the suggestions as pins on the map, or hide them
struct ExportCoverage {};                     ///< download the GeoJSON export
// Classroom and lecture requests (app/courses/courses.h)
struct ShowCourses { CourseView view; };      ///< the classroom tab, on one of its views
struct SetCourseCategory { std::int64_t category; };  ///< 0: all
struct SetCourseQuery { std::string text; };
struct SetCourseSort { CourseSort sort; };
struct LoadMoreCourses {};                    ///< the end of the catalog list came into view
struct OpenCourse { std::int64_t course; };
struct Enroll { std::int64_t course; bool waitlist; };
struct LeaveCourse { std::int64_t course; };
struct MarkLesson { std::int64_t course; int lesson; bool done; };
struct SubmitLectureRequest { LectureForm form; };
struct DecideLectureRequest { LectureDecision decision; };
using Intent = std::variant<ToggleType, ShowAllTypes, SetQuery, ToggleFacility, SetOpenNow, SelectSite, CloseSite, OpenLink,
                            ShareSite, LocateMe, UseMapCenter, RetryLoad, ToggleCoverage, Announce, SaveLanguage, OpenAuth,
                            CloseAuth, SubmitLogin, SubmitRegister, Logout, OpenSiteSlots, ShiftDays, ChooseSlot,
                            ClearChoice, ConfirmBooking, CancelBooking, ShowPass, HidePass, DownloadCalendar, ShowScreen,
                            DismissFeedback, MarkNotificationsRead, SaveTemplate, ShiftRosterDay, CheckIn, StaffCancel,
                            ExportRoster, SetGroupSize, DecideVisit, ShowCourses, SetCourseCategory, SetCourseQuery, SetCourseSort,
                            LoadMoreCourses, OpenCourse, Enroll, LeaveCourse, MarkLesson, SubmitLectureRequest,
                            DecideLectureRequest, SetSuggestionCount, ShowSuggestionsOnMap, ExportCoverage>;

// ---- Platform events (from the browser) ----
struct MarkerClicked { SiteId site; };                  ///< a map marker was clicked or tapped
struct MapMoved { LatLon center; double zoom; BoundingBox bounds{}; };  ///< the map finished a pan or zoom
struct ClusterClicked { std::uint32_t cluster; LatLon position; };     ///< a cluster marker was clicked
struct GeolocationFound { LatLon position; Metres accuracy; };  ///< the browser found the user
struct GeolocationFailed { GeolocationError reason; };   ///< the browser could not, or was not allowed to
struct RefreshTick {};                                   ///< once a minute: reload what may have changed
struct RouteChanged { std::string hash; };               ///< back, forward, or an edited URL hash
using PlatformEvent = std::variant<MarkerClicked, ClusterClicked, MapMoved, GeolocationFound, GeolocationFailed, RefreshTick,
                                   RouteChanged>;

}  // namespace gongyou
