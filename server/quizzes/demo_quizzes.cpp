// server/quizzes/demo_quizzes.cpp — see demo_quizzes.h. Deterministic: the demo players' choices follow a fixed
// generator (tools/demo_data/splitmix.h), and each quiz's seed is derived from its title (a demo has nothing to hide;
// a real quiz's seed comes from libsodium in the API).
#include "server/quizzes/demo_quizzes.h"

#include <algorithm>

#include "core/quiz.h"
#include "core/sha256.h"
#include "tools/demo_data/quiz_demo.h"
#include "tools/demo_data/splitmix.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {

DemoQuizCounts seed_demo_quizzes(Store& store, UtcSeconds now) {
  DemoQuizCounts counts;
  if (!store.list_quizzes().empty()) return counts;
  const auto unions = store.all_unions();
  if (unions.empty()) return counts;
  const UnionId federation = unions.front().id;  // Hui'an's federation is the first demo union
  const auto bank = demo::demo_quiz_bank();
  store.add_questions(federation, bank, now);
  counts.questions = bank.size();
  const auto staff = store.find_credentials(demo::demo_staff().front().username);
  if (!staff) return counts;

  demo::Random rng(16);
  const auto members = demo::demo_members(demo::kDemoMemberCount);
  for (const demo::DemoQuiz& d : demo::demo_quizzes()) {
    NewQuiz created;
    QuizRecord& q = created.quiz;
    q.union_id = federation;
    q.title = d.title;
    q.description = d.description;
    q.prize = d.prize;
    q.starts_at = UtcSeconds{now.value + d.starts_in_hours * 3600LL};
    q.ends_at = UtcSeconds{q.starts_at.value + d.open_hours * 3600LL};
    q.question_count = d.question_count;
    q.time_limit_s = d.time_limit_s;
    q.attempts_per_day = d.attempts_per_day;
    q.pass_score = d.pass_score;
    q.prize_count = d.prize_count;
    q.laws = d.laws;
    q.created_by = staff->user.id;
    q.created_at = UtcSeconds{q.starts_at.value - 86400};
    created.seed = sha256_hex("gongyou demo quiz seed: " + d.title);
    const QuizRecord quiz = store.create_quiz(created);
    ++counts.quizzes;
    const auto pool = store.question_pool(std::vector<UnionId>{federation}, quiz.laws, quiz.topics);
    // Demo members take it in its window: verified ones, a few minutes each, most of them passing.
    int players = 0;
    for (const demo::DemoMember& m : members) {
      if (players >= d.demo_players) break;
      if (!m.verified) continue;
      const auto account = store.find_credentials(m.username);
      if (!account) continue;
      const UtcSeconds started{quiz.starts_at.value + 3600 + static_cast<std::int64_t>(rng.next() % (d.open_hours * 3000LL))};
      std::vector<AttemptQuestion> drawn;
      std::vector<QuestionId> left = pool;
      for (int k = 0; k < quiz.question_count && !left.empty(); ++k) {
        const std::size_t i = rng.below(left.size());
        drawn.push_back({left[i], {}});
        left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
      }
      std::vector<std::vector<int>> answers;
      for (AttemptQuestion& a : drawn) {
        const auto question = store.find_question(a.question);
        for (std::size_t o = 0; o < question->question.options.size(); ++o) a.order.push_back(static_cast<int>(o));
        // Right four times in five, else the first wrong option shown.
        std::vector<int> chosen = question->question.correct;
        if (rng.next() % 5 == 0)
          for (std::size_t o = 0; o < a.order.size(); ++o)
            if (std::find(chosen.begin(), chosen.end(), static_cast<int>(o)) == chosen.end()) {
              chosen = {static_cast<int>(o)};
              break;
            }
        answers.push_back(chosen);  // the order is the bank's, so shown indexes are bank indexes
      }
      const StartOutcome start = store.start_attempt({quiz.id, account->user.id, started, drawn});
      if (start.result != StartResult::started) continue;
      const UtcSeconds done{started.value + 90 + static_cast<std::int64_t>(rng.next() % (quiz.time_limit_s - 100))};
      store.submit_attempt({start.attempt->id, account->user.id, answers, done});
      ++players;
      ++counts.attempts;
    }
  }
  return counts;
}

}  // namespace gongyou::server
