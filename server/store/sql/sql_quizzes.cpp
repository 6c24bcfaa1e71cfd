// server/store/sql/sql_quizzes.cpp — SqlStore's prize quizzes (store/quiz_store.h).
//
// [SECTION] Rows       reading questions, quizzes, attempts and draws; JSON arrays in text columns
// [SECTION] Grading    an attempt's answers against the stored right options, the conditional finish
// [SECTION] Bank       questions added, listed, edited (a shown question is versioned, never changed), retired
// [SECTION] Quizzes    created with their secret seed, listed with their players
// [SECTION] Attempts   started under the day's limit (a unique day sequence), saved, submitted once, finished late
// [SECTION] Board      the best attempt of each person
// [SECTION] Draw       once per quiz (its primary key), after the close; prizes handed out once
//
// Every decision is one serial write transaction with a conditional statement or a unique key behind it, so that
// concurrent requests decide it once on both databases.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "core/quiz_draw.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

using nlohmann::json;

// [SECTION] Rows

std::string int_array_text(const std::vector<int>& values) { return json(values).dump(); }

std::vector<int> int_array(const std::string& text) {
  const json parsed = json::parse(text, nullptr, false);
  std::vector<int> out;
  if (!parsed.is_array()) return out;
  for (const json& v : parsed)
    if (v.is_number_integer()) out.push_back(v.get<int>());
  return out;
}

std::vector<std::string> text_array(const std::string& text) {
  const json parsed = json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!parsed.is_array()) return out;
  for (const json& v : parsed)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string text_array_text(const std::vector<std::string>& values) {
  return json(values).dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr const char* kQuestionColumns =
    "id, union_id, law, article, topic, kind, text, options, correct, explanation, retired_at, updated_at";

QuestionRecord read_question(const Statement& row) {
  QuestionRecord r;
  r.id = row.column_id<QuestionId>(0);
  r.union_id = row.column_id<UnionId>(1);
  r.question.law = row.column_text(2);
  r.question.article = row.column_text(3);
  r.question.topic = row.column_text(4);
  r.question.kind = parse_question_kind(row.column_text(5)).value_or(QuestionKind::single_choice);
  r.question.text = row.column_text(6);
  r.question.options = text_array(row.column_text(7));
  r.question.correct = int_array(row.column_text(8));
  r.question.explanation = row.column_text(9);
  r.retired = !row.column_is_null(10);
  r.updated_at = UtcSeconds{row.column_int(11)};
  return r;
}

/// The columns of a quiz, its players and whether it was drawn (q is the quizzes table).
constexpr const char* kQuizColumns =
    "q.id, q.union_id, q.title, q.description, q.prize, q.starts_at, q.ends_at, q.question_count, q.time_limit_s, "
    "q.attempts_per_day, q.pass_score, q.prize_count, q.laws, q.topics, q.draw_commitment, q.created_by, "
    "q.created_at, (SELECT COUNT(DISTINCT a.user_id) FROM quiz_attempts a WHERE a.quiz_id = q.id AND "
    "a.submitted_at IS NOT NULL), CASE WHEN EXISTS (SELECT 1 FROM quiz_draws d WHERE d.quiz_id = q.id) THEN 1 ELSE 0 "
    "END";

QuizRecord read_quiz(const Statement& row) {
  QuizRecord q;
  q.id = row.column_id<QuizId>(0);
  q.union_id = row.column_id<UnionId>(1);
  q.title = row.column_text(2);
  q.description = row.column_text(3);
  q.prize = row.column_text(4);
  q.starts_at = UtcSeconds{row.column_int(5)};
  q.ends_at = UtcSeconds{row.column_int(6)};
  q.question_count = static_cast<int>(row.column_int(7));
  q.time_limit_s = static_cast<int>(row.column_int(8));
  q.attempts_per_day = static_cast<int>(row.column_int(9));
  q.pass_score = static_cast<int>(row.column_int(10));
  q.prize_count = static_cast<int>(row.column_int(11));
  q.laws = text_array(row.column_text(12));
  q.topics = text_array(row.column_text(13));
  q.draw_commitment = row.column_text(14);
  q.created_by = row.column_id<UserId>(15);
  q.created_at = UtcSeconds{row.column_int(16)};
  q.players = row.column_int(17);
  q.drawn = row.column_int(18) != 0;
  return q;
}

std::optional<QuizRecord> quiz_on(Connection& connection, QuizId id) {
  auto query = connection.cached(std::string("SELECT ") + kQuizColumns + " FROM quizzes q WHERE q.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_quiz(*query);
}

constexpr const char* kAttemptColumns =
    "id, quiz_id, user_id, started_at, deadline, questions, answers, submitted_at, auto_submitted, correct, score";

std::string attempt_questions_text(const std::vector<AttemptQuestion>& questions) {
  json out = json::array();
  for (const AttemptQuestion& q : questions) out.push_back({{"id", q.question.value}, {"order", q.order}});
  return out.dump();
}

std::string answers_text(const std::vector<std::vector<int>>& answers) { return json(answers).dump(); }

AttemptRecord read_attempt(const Statement& row) {
  AttemptRecord a;
  a.id = row.column_id<AttemptId>(0);
  a.quiz = row.column_id<QuizId>(1);
  a.user = row.column_id<UserId>(2);
  a.started_at = UtcSeconds{row.column_int(3)};
  a.deadline = UtcSeconds{row.column_int(4)};
  const json questions = json::parse(row.column_text(5), nullptr, false);
  if (questions.is_array())
    for (const json& q : questions) {
      AttemptQuestion item;
      item.question = QuestionId{q.value("id", std::int64_t{0})};
      if (q.contains("order") && q["order"].is_array())
        for (const json& o : q["order"]) item.order.push_back(o.get<int>());
      a.questions.push_back(std::move(item));
    }
  const json answers = json::parse(row.column_text(6), nullptr, false);
  a.answers.assign(a.questions.size(), {});
  if (answers.is_array())
    for (std::size_t i = 0; i < answers.size() && i < a.answers.size(); ++i)
      if (answers[i].is_array())
        for (const json& v : answers[i])
          if (v.is_number_integer()) a.answers[i].push_back(v.get<int>());
  if (!row.column_is_null(7)) a.submitted_at = UtcSeconds{row.column_int(7)};
  a.auto_submitted = row.column_int(8) != 0;
  a.correct = static_cast<int>(row.column_int(9));
  a.score = static_cast<int>(row.column_int(10));
  return a;
}

std::optional<AttemptRecord> attempt_on(Connection& connection, AttemptId id) {
  auto query = connection.cached(std::string("SELECT ") + kAttemptColumns + " FROM quiz_attempts WHERE id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_attempt(*query);
}

std::optional<DrawRecord> draw_on(Connection& connection, QuizId quiz) {
  auto query = connection.cached(
      "SELECT d.drawn_at, d.winners_asked, d.entrants, d.entrants_hash, d.winners, q.draw_seed "
      "FROM quiz_draws d JOIN quizzes q ON q.id = d.quiz_id WHERE d.quiz_id = ?1");
  query->bind(1, quiz);
  if (!query->step()) return std::nullopt;
  DrawRecord d;
  d.quiz = quiz;
  d.drawn_at = UtcSeconds{query->column_int(0)};
  d.winners_asked = static_cast<int>(query->column_int(1));
  d.entrants = text_array(query->column_text(2));
  d.entrants_hash = query->column_text(3);
  const json winners = json::parse(query->column_text(4), nullptr, false);
  if (winners.is_array())
    for (const json& w : winners) d.winners.push_back({w.value("entrant", ""), w.value("display_name", "")});
  d.seed = query->column_text(5);
  return d;
}

/// Binds a question's fields to parameters `first` .. `first + 7` (law, article, topic, kind, text, options, correct,
/// explanation), in the order both the insert and the update name them.
void bind_question(Statement& statement, int first, const QuizQuestion& q) {
  statement.bind(first, q.law);
  statement.bind(first + 1, q.article);
  statement.bind(first + 2, q.topic);
  statement.bind(first + 3, question_kind_name(q.kind));
  statement.bind(first + 4, q.text);
  statement.bind(first + 5, text_array_text(q.options));
  statement.bind(first + 6, int_array_text(q.correct));
  statement.bind(first + 7, q.explanation);
}

// [SECTION] Grading

/// The right options of the questions an attempt showed, by question id.
std::unordered_map<std::int64_t, std::vector<int>> right_options(Connection& connection, const AttemptRecord& attempt) {
  std::vector<std::int64_t> ids;
  for (const AttemptQuestion& q : attempt.questions) ids.push_back(q.question.value);
  std::unordered_map<std::int64_t, std::vector<int>> out;
  if (ids.empty()) return out;
  const Dialect& dialect = connection.dialect();
  auto query = connection.cached("SELECT id, correct FROM quiz_questions WHERE " + dialect.in_int_list("id", 1));
  query->bind(1, dialect.int_list(ids));
  while (query->step()) out[query->column_int(0)] = int_array(query->column_text(1));
  return out;
}

/// Grades `answers` (shown indexes per question) for `attempt`; fills correct and score.
void grade(Connection& connection, AttemptRecord& attempt, const std::vector<std::vector<int>>& answers) {
  const auto right = right_options(connection, attempt);
  int correct = 0;
  for (std::size_t i = 0; i < attempt.questions.size(); ++i) {
    const AttemptQuestion& q = attempt.questions[i];
    std::vector<int> chosen_bank;  // shown positions to the bank's option indexes
    if (i < answers.size())
      for (const int shown : answers[i])
        if (shown >= 0 && static_cast<std::size_t>(shown) < q.order.size()) chosen_bank.push_back(q.order[shown]);
    const auto it = right.find(q.question.value);
    if (it != right.end() && is_answer_right(it->second, chosen_bank)) ++correct;
  }
  attempt.answers = answers;
  attempt.answers.resize(attempt.questions.size());
  attempt.correct = correct;
  attempt.score = quiz_score(correct, static_cast<int>(attempt.questions.size()));
}

/// Writes a graded attempt as submitted at `at`, once: false when it was submitted already.
bool finish(Connection& writer, AttemptRecord& attempt, UtcSeconds at, bool automatic) {
  auto update = writer.cached(
      "UPDATE quiz_attempts SET submitted_at = ?2, auto_submitted = ?3, answers = ?4, correct = ?5, score = ?6 "
      "WHERE id = ?1 AND submitted_at IS NULL");
  update->bind(1, attempt.id);
  update->bind(2, at.value);
  update->bind(3, automatic ? 1 : 0);
  update->bind(4, answers_text(attempt.answers));
  update->bind(5, attempt.correct);
  update->bind(6, attempt.score);
  update->step();
  if (writer.changes() != 1) return false;
  attempt.submitted_at = at;
  attempt.auto_submitted = automatic;
  return true;
}

/// Finishes (on its saved answers, at its deadline) an attempt whose deadline and grace passed; true when it did.
bool finish_if_expired(Connection& writer, AttemptRecord& attempt, UtcSeconds now) {
  if (attempt.submitted_at || now.value <= attempt.deadline.value + kSubmitGraceSeconds) return false;
  const auto saved = attempt.answers;
  grade(writer, attempt, saved);
  return finish(writer, attempt, attempt.deadline, true);
}

/// True for an attempt the server finished at its deadline, asked about after the grace: a late submit is told
/// too_late, not conflict, whether or not the server got to finishing it first.
bool late(const AttemptRecord& attempt, UtcSeconds now) {
  return attempt.auto_submitted && now.value > attempt.deadline.value + kSubmitGraceSeconds;
}

/// Finishes the expired attempts matching `where` (SQL over quiz_attempts with ?1 = now - grace, ?2 = extra).
int finish_expired_on(Connection& writer, UtcSeconds now, const std::string& where, std::int64_t extra) {
  constexpr std::size_t kBatch = 500;
  int finished = 0;
  for (std::size_t selected = kBatch; selected == kBatch;) {
    std::vector<AttemptRecord> expired;
    {
      auto query = writer.cached(std::string("SELECT ") + kAttemptColumns +
                                 " FROM quiz_attempts WHERE submitted_at IS NULL AND deadline < ?1" + where +
                                 " ORDER BY deadline, id LIMIT 500");
      query->bind(1, now.value - kSubmitGraceSeconds);
      if (!where.empty()) query->bind(2, extra);
      while (query->step()) expired.push_back(read_attempt(*query));
    }
    selected = expired.size();
    for (AttemptRecord& attempt : expired) finished += finish_if_expired(writer, attempt, now) ? 1 : 0;
  }
  return finished;
}

}  // namespace

// [SECTION] Bank

std::vector<QuestionId> SqlStore::add_questions(UnionId bank, std::span<const QuizQuestion> questions,
                                                UtcSeconds now) {
  return write([&](Connection& writer) {
    std::vector<QuestionId> ids;
    auto insert = writer.cached(
        "INSERT INTO quiz_questions (union_id, law, article, topic, kind, text, options, correct, explanation, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id");
    for (const QuizQuestion& q : questions) {
      insert->bind(1, bank);
      bind_question(*insert, 2, q);
      insert->bind(10, now.value);
      insert->step();
      ids.push_back(insert->column_id<QuestionId>(0));
      insert->reset();
    }
    return ids;
  });
}

std::optional<QuestionRecord> SqlStore::find_question(QuestionId id) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string("SELECT ") + kQuestionColumns + " FROM quiz_questions WHERE id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_question(*query);
}

std::vector<QuestionRecord> SqlStore::find_questions(std::span<const QuestionId> ids) {
  if (ids.empty()) return {};
  std::vector<std::int64_t> values;
  for (const QuestionId id : ids) values.push_back(id.value);
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kQuestionColumns + " FROM quiz_questions WHERE " +
                           dialect.in_int_list("id", 1));
  query->bind(1, dialect.int_list(values));
  std::unordered_map<std::int64_t, QuestionRecord> found;
  while (query->step()) {
    QuestionRecord r = read_question(*query);
    found.emplace(r.id.value, std::move(r));
  }
  std::vector<QuestionRecord> out;
  for (const QuestionId id : ids)
    if (auto it = found.find(id.value); it != found.end()) out.push_back(it->second);
  return out;
}

std::vector<QuestionRecord> SqlStore::list_questions(const QuestionQuery& q) {
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  std::vector<std::int64_t> banks;
  for (const UnionId u : q.banks) banks.push_back(u.value);
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kQuestionColumns +
                           " FROM quiz_questions WHERE id > ?1 AND (?2 = 0 OR " + dialect.in_int_list("union_id", 3) +
                           ") AND (?4 = '' OR law = ?4) AND (?5 = '' OR topic = ?5) AND (?6 = '' OR " +
                           dialect.position("text", "?6") + " > 0) AND (?7 = 1 OR retired_at IS NULL) ORDER BY id "
                           "LIMIT ?8");
  query->bind(1, q.after);
  query->bind(2, banks.empty() ? 0 : 1);
  query->bind(3, dialect.int_list(banks));
  query->bind(4, q.law);
  query->bind(5, q.topic);
  query->bind(6, q.text);
  query->bind(7, q.include_retired ? 1 : 0);
  query->bind(8, static_cast<std::int64_t>(q.limit + 1));
  std::vector<QuestionRecord> out;
  while (query->step()) out.push_back(read_question(*query));
  return out;
}

QuestionReplace SqlStore::replace_question(QuestionId id, const QuizQuestion& q, UtcSeconds now) {
  return write([&](Connection& writer) -> QuestionReplace {
    UnionId bank;
    bool shown = false;
    {
      auto query = writer.cached("SELECT union_id, shown FROM quiz_questions WHERE id = ?1 AND retired_at IS NULL");
      query->bind(1, id);
      if (!query->step()) return {};
      bank = query->column_id<UnionId>(0);
      shown = query->column_int(1) != 0;
    }
    if (shown) {
      auto retire = writer.cached("UPDATE quiz_questions SET retired_at = ?2, updated_at = ?2 WHERE id = ?1");
      retire->bind(1, id);
      retire->bind(2, now.value);
      retire->step();
      return {true, add_questions(bank, std::span(&q, 1), now).front()};
    }
    auto update = writer.cached(
        "UPDATE quiz_questions SET law = ?2, article = ?3, topic = ?4, kind = ?5, text = ?6, options = ?7, "
        "correct = ?8, explanation = ?9, updated_at = ?10 WHERE id = ?1");
    update->bind(1, id);
    bind_question(*update, 2, q);
    update->bind(10, now.value);
    update->step();
    return {true, id};
  });
}

bool SqlStore::retire_question(QuestionId id, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE quiz_questions SET retired_at = ?2, updated_at = ?2 WHERE id = ?1 AND retired_at IS NULL");
    update->bind(1, id);
    update->bind(2, now.value);
    update->step();
    return writer.changes() == 1;
  });
}

std::vector<QuestionId> SqlStore::question_pool(std::span<const UnionId> banks, std::span<const std::string> laws,
                                                std::span<const std::string> topics) {
  auto connection = borrow();
  const Dialect& dialect = (*connection).dialect();
  std::vector<std::int64_t> ids;
  for (const UnionId u : banks) ids.push_back(u.value);
  auto query = (*connection)
                   .cached("SELECT id, law, topic FROM quiz_questions WHERE retired_at IS NULL AND " +
                           dialect.in_int_list("union_id", 1) + " ORDER BY id");
  query->bind(1, dialect.int_list(ids));
  const std::set<std::string> law_set(laws.begin(), laws.end()), topic_set(topics.begin(), topics.end());
  std::vector<QuestionId> pool;
  while (query->step()) {
    if (!law_set.empty() && !law_set.contains(query->column_text(1))) continue;
    if (!topic_set.empty() && !topic_set.contains(query->column_text(2))) continue;
    pool.push_back(query->column_id<QuestionId>(0));
  }
  return pool;
}

// [SECTION] Quizzes

QuizRecord SqlStore::create_quiz(const NewQuiz& created) {
  const QuizId id = write([&](Connection& writer) {
    const QuizRecord& q = created.quiz;
    auto insert = writer.cached(
        "INSERT INTO quizzes (union_id, title, description, prize, starts_at, ends_at, question_count, time_limit_s, "
        "attempts_per_day, pass_score, prize_count, laws, topics, draw_seed, draw_commitment, created_by, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) RETURNING id");
    insert->bind(1, q.union_id);
    insert->bind(2, q.title);
    insert->bind(3, q.description);
    insert->bind(4, q.prize);
    insert->bind(5, q.starts_at.value);
    insert->bind(6, q.ends_at.value);
    insert->bind(7, q.question_count);
    insert->bind(8, q.time_limit_s);
    insert->bind(9, q.attempts_per_day);
    insert->bind(10, q.pass_score);
    insert->bind(11, q.prize_count);
    insert->bind(12, text_array_text(q.laws));
    insert->bind(13, text_array_text(q.topics));
    insert->bind(14, created.seed);
    insert->bind(15, draw_commitment(created.seed));
    insert->bind(16, q.created_by);
    insert->bind(17, q.created_at.value);
    insert->step();
    return insert->column_id<QuizId>(0);
  });
  return *find_quiz(id);
}

std::vector<QuizRecord> SqlStore::list_quizzes() {
  auto connection = borrow();
  auto query = (*connection).cached(std::string("SELECT ") + kQuizColumns + " FROM quizzes q ORDER BY q.ends_at DESC, q.id");
  std::vector<QuizRecord> out;
  while (query->step()) out.push_back(read_quiz(*query));
  return out;
}

std::optional<QuizRecord> SqlStore::find_quiz(QuizId id) {
  auto connection = borrow();
  return quiz_on(*connection, id);
}

// [SECTION] Attempts

StartOutcome SqlStore::start_attempt(const NewAttempt& a) {
  return write([&](Connection& writer) -> StartOutcome {
    const auto quiz = quiz_on(writer, a.quiz);
    if (!quiz) return {StartResult::not_found, std::nullopt};
    if (quiz_status(quiz->starts_at, quiz->ends_at, a.now) != QuizStatus::open) return {StartResult::not_open, {}};
    const std::int64_t day = attempt_day(a.now);
    std::int64_t used = 0;
    {
      auto count = writer.cached(
          "SELECT COUNT(*) FROM quiz_attempts WHERE quiz_id = ?1 AND user_id = ?2 AND day = ?3");
      count->bind(1, a.quiz);
      count->bind(2, a.user);
      count->bind(3, day);
      if (count->step()) used = count->column_int(0);
    }
    if (used >= quiz->attempts_per_day) return {StartResult::attempt_limit, {}};
    AttemptRecord attempt;
    attempt.quiz = a.quiz;
    attempt.user = a.user;
    attempt.started_at = a.now;
    attempt.deadline = attempt_deadline(a.now, quiz->time_limit_s, quiz->ends_at);
    attempt.questions = a.questions;
    attempt.answers.assign(a.questions.size(), {});
    // (quiz, user, day, day_seq) is unique: of two starts that both counted `used`, one takes the next number and
    // the other the one after it, up to the limit and never past it (PostgreSQL: the second waits for the first).
    for (std::int64_t seq = used + 1; seq <= quiz->attempts_per_day && !attempt.id.value; ++seq) {
      auto insert = writer.cached(
          "INSERT INTO quiz_attempts (quiz_id, user_id, day, day_seq, started_at, deadline, questions, answers) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (quiz_id, user_id, day, day_seq) DO NOTHING "
          "RETURNING id");
      insert->bind(1, a.quiz);
      insert->bind(2, a.user);
      insert->bind(3, day);
      insert->bind(4, seq);
      insert->bind(5, a.now.value);
      insert->bind(6, attempt.deadline.value);
      insert->bind(7, attempt_questions_text(a.questions));
      insert->bind(8, answers_text(attempt.answers));
      if (insert->step()) attempt.id = insert->column_id<AttemptId>(0);
    }
    if (!attempt.id.value) return {StartResult::attempt_limit, {}};
    std::vector<std::int64_t> ids;
    for (const AttemptQuestion& q : a.questions) ids.push_back(q.question.value);
    if (!ids.empty()) {
      const Dialect& dialect = writer.dialect();
      auto shown = writer.cached("UPDATE quiz_questions SET shown = 1 WHERE shown = 0 AND " +
                                 dialect.in_int_list("id", 1));
      shown->bind(1, dialect.int_list(ids));
      shown->step();
    }
    return {StartResult::started, std::move(attempt)};
  });
}

std::optional<AttemptRecord> SqlStore::find_attempt(AttemptId id, UserId owner, UtcSeconds now) {
  {
    auto connection = borrow();
    auto attempt = attempt_on(*connection, id);
    if (!attempt || attempt->user != owner) return std::nullopt;
    if (attempt->submitted_at || now.value <= attempt->deadline.value + kSubmitGraceSeconds) return attempt;
  }
  return write([&](Connection& writer) {
    auto attempt = attempt_on(writer, id);
    if (attempt) finish_if_expired(writer, *attempt, now);
    return attempt;
  });
}

std::vector<AttemptRecord> SqlStore::user_attempts(QuizId quiz, UserId user, UtcSeconds now) {
  const auto read = [&](Connection& connection) {
    auto query = connection.cached(std::string("SELECT ") + kAttemptColumns +
                                   " FROM quiz_attempts WHERE user_id = ?1 AND quiz_id = ?2 ORDER BY id DESC LIMIT 100");
    query->bind(1, user);
    query->bind(2, quiz);
    std::vector<AttemptRecord> out;
    while (query->step()) out.push_back(read_attempt(*query));
    return out;
  };
  std::vector<AttemptRecord> attempts;
  {
    auto connection = borrow();
    attempts = read(*connection);
  }
  const bool any_expired = std::any_of(attempts.begin(), attempts.end(), [&](const AttemptRecord& a) {
    return !a.submitted_at && now.value > a.deadline.value + kSubmitGraceSeconds;
  });
  if (!any_expired) return attempts;
  return write([&](Connection& writer) {
    auto fresh = read(writer);
    for (AttemptRecord& a : fresh) finish_if_expired(writer, a, now);
    return fresh;
  });
}

SubmitOutcome SqlStore::save_answers(const AttemptAnswers& answers) {
  return write([&](Connection& writer) -> SubmitOutcome {
    auto attempt = attempt_on(writer, answers.attempt);
    if (!attempt || attempt->user != answers.user) return {SubmitResult::not_found, std::nullopt};
    if (attempt->submitted_at) return {late(*attempt, answers.now) ? SubmitResult::too_late : SubmitResult::conflict,
                                       std::move(attempt)};
    if (finish_if_expired(writer, *attempt, answers.now)) return {SubmitResult::too_late, std::move(attempt)};
    attempt->answers = answers.answers;
    attempt->answers.resize(attempt->questions.size());
    auto update = writer.cached("UPDATE quiz_attempts SET answers = ?2 WHERE id = ?1 AND submitted_at IS NULL");
    update->bind(1, attempt->id);
    update->bind(2, answers_text(attempt->answers));
    update->step();
    return {SubmitResult::submitted, std::move(attempt)};
  });
}

SubmitOutcome SqlStore::submit_attempt(const AttemptAnswers& answers) {
  return write([&](Connection& writer) -> SubmitOutcome {
    auto attempt = attempt_on(writer, answers.attempt);
    if (!attempt || attempt->user != answers.user) return {SubmitResult::not_found, std::nullopt};
    if (attempt->submitted_at) return {late(*attempt, answers.now) ? SubmitResult::too_late : SubmitResult::conflict,
                                       std::move(attempt)};
    if (finish_if_expired(writer, *attempt, answers.now)) return {SubmitResult::too_late, std::move(attempt)};
    grade(writer, *attempt, answers.answers);
    // The conditional update is what decides: of two submits only one finds submitted_at still NULL.
    if (!finish(writer, *attempt, answers.now, false)) return {SubmitResult::conflict, attempt_on(writer, answers.attempt)};
    return {SubmitResult::submitted, std::move(attempt)};
  });
}

int SqlStore::finish_expired_attempts(UtcSeconds now) {
  return write([&](Connection& writer) { return finish_expired_on(writer, now, "", 0); });
}

// [SECTION] Board

std::vector<LeaderRow> SqlStore::leaderboard(QuizId quiz, std::size_t limit) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(
                       "SELECT user_id, display_name, score, duration, submitted_at FROM ("
                       "SELECT a.user_id, u.display_name, a.score, a.submitted_at - a.started_at AS duration, "
                       "a.submitted_at, ROW_NUMBER() OVER (PARTITION BY a.user_id ORDER BY a.score DESC, "
                       "a.submitted_at - a.started_at, a.submitted_at, a.id) AS n "
                       "FROM quiz_attempts a JOIN users u ON u.id = a.user_id "
                       "WHERE a.quiz_id = ?1 AND a.submitted_at IS NOT NULL) best "
                       "WHERE n = 1 ORDER BY score DESC, duration, submitted_at, user_id LIMIT ?2");
  query->bind(1, quiz);
  query->bind(2, static_cast<std::int64_t>(limit));
  std::vector<LeaderRow> rows;
  while (query->step()) {
    LeaderRow row;
    row.rank = static_cast<int>(rows.size()) + 1;
    row.user = query->column_id<UserId>(0);
    row.display_name = query->column_text(1);
    row.score = static_cast<int>(query->column_int(2));
    row.duration_s = query->column_int(3);
    row.submitted_at = UtcSeconds{query->column_int(4)};
    rows.push_back(std::move(row));
  }
  return rows;
}

// [SECTION] Draw

DrawOutcome SqlStore::draw_quiz(const DrawRequest& request) {
  // Locking: the quiz's row is locked first, so a second draw waits for the first and then finds its result.
  return write_locking([&](Connection& writer) -> DrawOutcome {
    if (const char* lock = writer.dialect().for_update(); *lock) {
      auto query = writer.cached(std::string("SELECT id FROM quizzes WHERE id = ?1") + lock);
      query->bind(1, request.quiz);
      if (!query->step()) return {DrawResult::not_found, std::nullopt};
    }
    if (auto existing = draw_on(writer, request.quiz)) return {DrawResult::already_drawn, std::move(existing)};
    const auto quiz = quiz_on(writer, request.quiz);
    if (!quiz) return {DrawResult::not_found, std::nullopt};
    if (request.now.value < quiz->ends_at.value + kSubmitGraceSeconds) return {DrawResult::not_closed, std::nullopt};
    // The last attempts count before anyone is drawn: every deadline is at or before the close.
    finish_expired_on(writer, request.now, " AND quiz_id = ?2", quiz->id.value);
    std::string seed;
    {
      auto query = writer.cached("SELECT draw_seed FROM quizzes WHERE id = ?1");
      query->bind(1, quiz->id);
      query->step();
      seed = query->column_text(0);
    }
    // Qualified: a verified member of the quiz's union (or below), one entry per person, best score at the bar.
    std::vector<DrawEntrant> qualified;
    {
      auto query = writer.cached(
          "SELECT a.user_id, p.real_name FROM quiz_attempts a "
          "JOIN member_profiles p ON p.user_id = a.user_id JOIN unions m ON m.id = p.union_id "
          "JOIN unions owner ON owner.id = ?2 "
          "WHERE a.quiz_id = ?1 AND a.submitted_at IS NOT NULL AND p.verified_at IS NOT NULL "
          "AND m.tree_first BETWEEN owner.tree_first AND owner.tree_last "
          "GROUP BY a.user_id, p.real_name HAVING MAX(a.score) >= ?3 ORDER BY a.user_id");
      query->bind(1, quiz->id);
      query->bind(2, quiz->union_id);
      query->bind(3, quiz->pass_score);
      while (query->step()) qualified.push_back({query->column_id<UserId>(0), query->column_text(1)});
    }
    std::map<std::string, const DrawEntrant*> by_pseudonym;
    std::vector<std::string> ids;
    for (const DrawEntrant& e : qualified) {
      std::string id = request.pseudonym(e.user);
      if (!by_pseudonym.emplace(id, &e).second) throw Error("two entrants share a pseudonym");
      ids.push_back(std::move(id));
    }
    DrawRecord draw;
    draw.quiz = quiz->id;
    draw.seed = seed;
    draw.entrants = sorted_entrants(std::move(ids));
    draw.entrants_hash = entrants_hash(draw.entrants);
    draw.winners_asked = request.winners;
    draw.drawn_at = request.now;
    json winners = json::array();
    int rank = 0;
    for (const std::size_t i : draw_winners(seed, draw.entrants.size(), static_cast<std::size_t>(request.winners))) {
      const DrawEntrant& winner = *by_pseudonym.at(draw.entrants[i]);
      const DrawWinner published{draw.entrants[i], request.mask(winner.real_name)};
      winners.push_back({{"entrant", published.entrant}, {"display_name", published.display_name}});
      draw.winners.push_back(published);
      const std::string code = request.new_code();
      auto prize = writer.cached("INSERT INTO quiz_prizes (quiz_id, user_id, rank, code) VALUES (?1, ?2, ?3, ?4)");
      prize->bind(1, quiz->id);
      prize->bind(2, winner.user);
      prize->bind(3, ++rank);
      prize->bind(4, code);
      prize->step();
      auto note = writer.cached(
          "INSERT INTO notifications (user_id, kind, quiz_id, message, created_at) VALUES (?1, 'quiz_prize', ?2, ?3, ?4)");
      note->bind(1, winner.user);
      note->bind(2, quiz->id);
      note->bind(3, "恭喜！您在“" + quiz->title + "”抽奖中获奖。兑奖码 " + code + "，请凭兑奖码到工会领取：" +
                        quiz->prize);
      note->bind(4, request.now.value);
      note->step();
    }
    auto insert = writer.cached(
        "INSERT INTO quiz_draws (quiz_id, drawn_at, drawn_by, winners_asked, entrants, entrants_hash, winners) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert->bind(1, quiz->id);
    insert->bind(2, request.now.value);
    insert->bind(3, request.by);
    insert->bind(4, request.winners);
    insert->bind(5, text_array_text(draw.entrants));
    insert->bind(6, draw.entrants_hash);
    insert->bind(7, winners.dump(-1, ' ', false, json::error_handler_t::replace));
    insert->step();
    return {DrawResult::drawn, std::move(draw)};
  });
}

std::optional<DrawRecord> SqlStore::find_draw(QuizId quiz) {
  auto connection = borrow();
  return draw_on(*connection, quiz);
}

namespace {

constexpr const char* kPrizeSelect =
    "SELECT z.quiz_id, q.title, z.user_id, COALESCE(p.real_name, u.display_name), z.rank, z.code, z.handed_out_at "
    "FROM quiz_prizes z JOIN quizzes q ON q.id = z.quiz_id JOIN users u ON u.id = z.user_id "
    "LEFT JOIN member_profiles p ON p.user_id = z.user_id ";

PrizeRecord read_prize(const Statement& row) {
  PrizeRecord p;
  p.quiz = row.column_id<QuizId>(0);
  p.quiz_title = row.column_text(1);
  p.user = row.column_id<UserId>(2);
  p.real_name = row.column_text(3);
  p.rank = static_cast<int>(row.column_int(4));
  p.code = row.column_text(5);
  if (!row.column_is_null(6)) p.handed_out_at = UtcSeconds{row.column_int(6)};
  return p;
}

}  // namespace

std::vector<PrizeRecord> SqlStore::quiz_prizes(QuizId quiz) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kPrizeSelect) + "WHERE z.quiz_id = ?1 ORDER BY z.rank");
  query->bind(1, quiz);
  std::vector<PrizeRecord> out;
  while (query->step()) out.push_back(read_prize(*query));
  return out;
}

std::vector<PrizeRecord> SqlStore::user_prizes(UserId user) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kPrizeSelect) + "WHERE z.user_id = ?1 ORDER BY z.quiz_id DESC");
  query->bind(1, user);
  std::vector<PrizeRecord> out;
  while (query->step()) out.push_back(read_prize(*query));
  return out;
}

HandOutResult SqlStore::hand_out_prize(QuizId quiz, std::string_view code, UserId staff, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE quiz_prizes SET handed_out_at = ?3, handed_out_by = ?4 WHERE quiz_id = ?1 AND code = ?2 AND "
        "handed_out_at IS NULL");
    update->bind(1, quiz);
    update->bind(2, code);
    update->bind(3, now.value);
    update->bind(4, staff);
    update->step();
    if (writer.changes() == 1) return HandOutResult::handed_out;
    auto exists = writer.cached("SELECT 1 FROM quiz_prizes WHERE quiz_id = ?1 AND code = ?2");
    exists->bind(1, quiz);
    exists->bind(2, code);
    return exists->step() ? HandOutResult::already_handed_out : HandOutResult::not_found;
  });
}

}  // namespace gongyou::server::sql
