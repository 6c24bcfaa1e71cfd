// server/store/sql/sql_courses.cpp — SqlStore's course catalog: the category tree, the course list
// (filters, three orders, keyset paging), one course, and seeding (store/course_store.h).
#include <algorithm>
#include <map>
#include <utility>

#include "server/courses/course_search.h"
#include "server/store/sql/course_rows.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

/// The ORDER BY and the keyset condition ("after the cursor") of each sort, over the columns of course_select().
struct SortSql {
  const char* after;
  const char* order;
};

SortSql sort_sql(CourseSort sort) {
  switch (sort) {
    case CourseSort::newest:
      return {"(published_at, id) < (?7, ?8)", "published_at DESC, id DESC"};
    case CourseSort::popular:
      return {"(enrolled < ?7 OR (enrolled = ?7 AND id > ?8))", "enrolled DESC, id"};
    case CourseSort::title:
      break;
  }
  return {"(title_key, id) > (?6, ?8)", "title_key, id"};
}

/// ASCII letters lowered; other bytes as they are (SQLite's lower() does the same, and the titles searched are
/// lowered the same way for ASCII on PostgreSQL).
std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<Lesson> load_lessons(Connection& connection, CourseId course) {
  auto query = connection.cached(
      "SELECT idx, title, kind, url, body, start_at, end_at FROM course_lessons WHERE course_id = ?1 ORDER BY idx");
  query->bind(1, course);
  std::vector<Lesson> lessons;
  while (query->step()) {
    Lesson lesson;
    lesson.index = static_cast<int>(query->column_int(0));
    lesson.title = query->column_text(1);
    const std::string kind = query->column_text(2);
    lesson.kind = kind == "text" ? LessonKind::text : kind == "session" ? LessonKind::session : LessonKind::video;
    if (!query->column_is_null(3)) lesson.url = query->column_text(3);
    if (!query->column_is_null(4)) lesson.text = query->column_text(4);
    if (!query->column_is_null(5)) lesson.start = UtcSeconds{query->column_int(5)};
    if (!query->column_is_null(6)) lesson.end = UtcSeconds{query->column_int(6)};
    lessons.push_back(std::move(lesson));
  }
  return lessons;
}

void insert_lesson(Connection& writer, CourseId course, const Lesson& lesson) {
  auto insert = writer.cached(
      "INSERT INTO course_lessons (course_id, idx, title, kind, url, body, start_at, end_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert->bind(1, course);
  insert->bind(2, lesson.index);
  insert->bind(3, lesson.title);
  insert->bind(4, lesson_kind_name(lesson.kind));
  if (lesson.url) insert->bind(5, *lesson.url);
  if (lesson.text) insert->bind(6, *lesson.text);
  if (lesson.start) insert->bind(7, lesson.start->value);
  if (lesson.end) insert->bind(8, lesson.end->value);
  insert->step();
}

/// The class slot of an in-person course: its site, from the first session's start to the last one's end.
std::int64_t insert_class_slot(Connection& writer, const NewCourse& course) {
  std::int64_t start = INT64_MAX, end = INT64_MIN;
  for (const Lesson& lesson : course.lessons) {
    if (lesson.start) start = std::min(start, lesson.start->value);
    if (lesson.end) end = std::max(end, lesson.end->value);
  }
  if (start >= end) throw Error("in-person course '" + course.title + "' has no sessions");
  auto insert = writer.cached(
      "INSERT INTO slots (site_id, start_at, end_at, capacity, kind) VALUES (?1, ?2, ?3, ?4, 'class') "
      "RETURNING id");
  insert->bind(1, course.site->value);
  insert->bind(2, start);
  insert->bind(3, end);
  insert->bind(4, course.capacity);
  insert->step();
  return insert->column_int(0);
}

void insert_course(Connection& writer, const NewCourse& course) {
  std::optional<std::int64_t> slot;
  if (course.format == CourseFormat::in_person) slot = insert_class_slot(writer, course);
  auto insert = writer.cached(
      "INSERT INTO courses (category_id, title, title_initials, teacher, hours, summary, format, slot_id, "
      "published_at, title_pinyin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id");
  insert->bind(1, course.category);
  insert->bind(2, course.title);
  insert->bind(3, course.title_initials);
  insert->bind(4, course.teacher);
  insert->bind(5, course.hours);
  insert->bind(6, course.summary);
  insert->bind(7, course_format_name(course.format));
  if (slot) insert->bind(8, *slot);
  insert->bind(9, course.published_at.value);
  insert->bind(10, course.title_pinyin);
  insert->step();
  const auto id = insert->column_id<CourseId>(0);
  for (const Lesson& lesson : course.lessons) insert_lesson(writer, id, lesson);
}

}  // namespace

std::vector<CourseCategory> SqlStore::course_categories() {
  auto connection = borrow();
  auto query = (*connection).cached(R"sql(
SELECT k.id, k.parent_id, k.name, k.position,
       (SELECT count(*) FROM courses c WHERE c.category_id = k.id
          OR c.category_id IN (SELECT ch.id FROM course_categories ch WHERE ch.parent_id = k.id))
FROM course_categories k ORDER BY k.position, k.id
)sql");
  std::vector<CourseCategory> all;
  while (query->step()) {
    CourseCategory category;
    category.id = query->column_id<CategoryId>(0);
    if (!query->column_is_null(1)) category.parent = query->column_id<CategoryId>(1);
    category.name = query->column_text(2);
    category.position = static_cast<int>(query->column_int(3));
    category.course_count = static_cast<int>(query->column_int(4));
    all.push_back(std::move(category));
  }
  std::vector<CourseCategory> tree;
  for (const CourseCategory& top : all) {
    if (top.parent) continue;
    tree.push_back(top);
    for (const CourseCategory& sub : all)
      if (sub.parent == top.id) tree.push_back(sub);
  }
  return tree;
}

CoursePage SqlStore::list_courses(const CourseQuery& request) {
  const SortSql sort = sort_sql(request.sort);
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  const auto contains = [&](const char* text) { return dialect.position(text, "?3") + " > 0"; };
  const std::string text_matches = contains("lower(c.title)") + " OR " + contains("lower(c.teacher)") +
                                   " OR (?4 = 1 AND (" + contains("c.title_initials") + " OR " + contains("c.title_pinyin") + "))";
  const std::string sql = "SELECT * FROM (" + course_select(dialect) +
                          "WHERE (CAST(?2 AS bigint) IS NULL OR c.category_id = ?2 OR c.category_id IN "
                          "(SELECT id FROM course_categories WHERE parent_id = ?2)) "
                          "AND (CAST(?3 AS text) IS NULL OR " +
                          text_matches +
                          ") "
                          "AND (CAST(?5 AS text) IS NULL OR c.format = ?5)) AS listed "
                          "WHERE (CAST(?9 AS int) IS NULL OR " +
                          sort.after +
                          ") "
                          // Every sort uses only some of ?6..?8; PostgreSQL must still know each one's type.
                          "AND (CAST(?6 AS text) IS NULL OR CAST(?7 AS bigint) IS NULL OR CAST(?8 AS bigint) IS NULL "
                          "OR 1 = 1) ORDER BY " +
                          sort.order + " LIMIT ?10";
  auto query = (*connection).cached(sql);
  if (request.viewer) query->bind(1, request.viewer->value);
  if (request.category) query->bind(2, *request.category);
  if (!request.text.empty()) query->bind(3, ascii_lower(request.text));
  query->bind(4, request.text_as_pinyin ? 1 : 0);
  if (request.format) query->bind(5, course_format_name(*request.format));
  if (request.after) {
    query->bind(6, request.after->text);
    query->bind(7, request.after->number);
    query->bind(8, request.after->id);
    query->bind(9, 1);
  }
  query->bind(10, static_cast<std::int64_t>(request.limit + 1));
  CoursePage page;
  while (query->step()) {
    if (page.items.size() == request.limit) {
      page.has_more = true;
      break;
    }
    page.items.push_back(read_course_row(*query));
    const Course& course = page.items.back();
    page.last =
        CourseCursor{query->column_text(kCourseTitleKeyColumn),
                     request.sort == CourseSort::popular ? course.enrolled : course.published_at.value, course.id};
  }
  return page;
}

std::optional<CourseDetail> SqlStore::find_course(CourseId id, std::optional<UserId> viewer) {
  std::optional<CourseDetail> detail;
  {
    auto connection = borrow();
    auto course = load_course(*connection, id, viewer);
    if (!course) return std::nullopt;
    detail = CourseDetail{std::move(*course), load_lessons(*connection, id), std::nullopt};
  }
  if (detail->course.slot) detail->site = find_site(detail->course.slot->site);
  return detail;
}

namespace {

/// Courses stored before migration 005 (PostgreSQL 003) have no whole-pinyin key: they get it, once.
void fill_title_pinyin(Connection& writer) {
  std::vector<std::pair<CourseId, std::string>> missing;
  {
    auto select = writer.cached("SELECT id, title FROM courses WHERE title_pinyin = ''");
    while (select->step()) missing.emplace_back(select->column_id<CourseId>(0), select->column_text(1));
  }
  for (const auto& [id, title] : missing) {
    auto update = writer.cached("UPDATE courses SET title_pinyin = ?1 WHERE id = ?2");
    update->bind(1, title_pinyin(title));
    update->bind(2, id);
    update->step();
  }
}

}  // namespace

bool SqlStore::seed_courses(std::span<const NewCategory> categories, std::span<const NewCourse> courses) {
  return write([&](Connection& writer) {
    {
      auto any = writer.cached("SELECT EXISTS (SELECT 1 FROM course_categories)");
      if (any->step() && any->column_int(0) != 0) {
        fill_title_pinyin(writer);  // seeded before the column existed
        return false;
      }
    }
    for (const NewCategory& category : categories) {
      auto insert =
          writer.cached("INSERT INTO course_categories (id, parent_id, name, position) VALUES (?1, ?2, ?3, ?4)");
      insert->bind(1, category.id);
      if (category.parent) insert->bind(2, *category.parent);
      insert->bind(3, category.name);
      insert->bind(4, category.position);
      insert->step();
    }
    if (const std::string sql = writer.dialect().after_explicit_ids("course_categories"); !sql.empty()) {
      auto sequence = writer.cached(sql);
      sequence->step();
    }
    for (const NewCourse& course : courses) insert_course(writer, course);
    return true;
  });
}

}  // namespace gongyou::server::sql
