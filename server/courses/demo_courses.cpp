// server/courses/demo_courses.cpp — see demo_courses.h.
#include "server/courses/demo_courses.h"

#include "server/courses/course_search.h"
#include "server/crypto/secrets.h"
#include "tools/demo_data/course_demo.h"
#include "tools/demo_data/huian_demo.h"

namespace gongyou::server {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

NewCourse to_new_course(const demo::DemoCourse& demo, LocalDate today, UtcSeconds now) {
  NewCourse course;
  course.category = CategoryId{demo.category};
  course.title = demo.title;
  course.title_initials = title_initials(demo.title);
  course.title_pinyin = title_pinyin(demo.title);
  course.teacher = demo.teacher;
  course.summary = demo.summary;
  course.hours = demo.hours;
  course.published_at = UtcSeconds{now.value - demo.published_days_ago * kDay};
  if (!demo.in_person) {
    int index = 0;
    for (const demo::DemoLesson& lesson : demo.lessons) {
      Lesson out{++index, lesson.title, lesson.video ? LessonKind::video : LessonKind::text, {}, {}, {}, {}};
      (lesson.video ? out.url : out.text) = lesson.content;
      course.lessons.push_back(std::move(out));
    }
    return course;
  }
  course.format = CourseFormat::in_person;
  course.site = demo.site;
  course.capacity = demo.capacity;
  for (int i = 0; i < demo.sessions; ++i) {
    const UtcSeconds start = to_utc(add_days(today, demo.first_day + 7 * i), LocalTime{demo.start_minute});
    course.lessons.push_back(Lesson{i + 1, "第" + std::to_string(i + 1) + "次课 " + demo.title, LessonKind::session,
                                    std::nullopt, std::nullopt, start,
                                    UtcSeconds{start.value + demo.session_minutes * 60}});
  }
  return course;
}

void seed_lecture_requests(Store& store, crypto::PasswordHasher& passwords, UtcSeconds now) {
  const auto user =
      store.create_user(NewUser{"lianluo", "工会联络员", passwords.hash(crypto::new_token()), Role::worker, now});
  if (!user) return;
  const auto towns = demo::huian_towns();
  for (const demo::DemoLectureRequest& demo : demo::huian_lecture_requests()) {
    const UtcSeconds created{now.value - demo.created_days_ago * kDay};
    NewLectureRequest request{
        user->id,           std::nullopt,  demo.topic,   {add_days(shanghai_date(created), demo.preferred_day)},
        demo.audience_size, demo.position, demo.address, std::string(towns[demo.town].official_name),
        demo.note,          created};
    const LectureRequest stored = store.create_lecture_request(request);
    using Stage = demo::DemoLectureRequest::Stage;
    LectureDecision decision{stored.id, LectureAction::accept, std::nullopt, "", created};
    if (demo.stage == Stage::pending) continue;
    if (demo.stage == Stage::declined) {
      decision.action = LectureAction::decline;
      decision.reason = "近期讲师档期已满，请下季度再申请。";
    } else if (demo.stage != Stage::accepted) {
      decision.action = LectureAction::schedule;
      const LocalDate day = demo.stage == Stage::delivered ? add_days(shanghai_date(created), demo.preferred_day)
                                                           : add_days(shanghai_date(now), demo.preferred_day);
      decision.scheduled_at = to_utc(day, LocalTime{19 * 60});
      if (demo.stage == Stage::delivered && *decision.scheduled_at > now) decision.scheduled_at = created;
    }
    store.decide_lecture_request(decision);
  }
}

}  // namespace

int seed_demo_courses(Store& store, crypto::PasswordHasher& passwords, UtcSeconds now) {
  std::vector<NewCategory> categories;
  int position = 0;
  for (const demo::DemoCategory& category : demo::huian_course_categories())
    categories.push_back(NewCategory{CategoryId{category.id},
                                     category.parent ? std::optional(CategoryId{category.parent}) : std::nullopt,
                                     category.name, ++position});
  const LocalDate today = shanghai_date(now);
  std::vector<NewCourse> courses;
  for (const demo::DemoCourse& course : demo::huian_courses()) courses.push_back(to_new_course(course, today, now));
  if (!store.seed_courses(categories, courses)) return 0;
  seed_lecture_requests(store, passwords, now);
  return static_cast<int>(courses.size());
}

}  // namespace gongyou::server
