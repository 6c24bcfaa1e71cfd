// tests/core/quiz_test.cpp — the quiz rules of core/: SHA-256 against FIPS 180-4's and Python's hashlib's digests,
// the draw against a recomputation written in Python (the values below came from hashlib, not from this code),
// question checks, grading, the window and the Asia/Shanghai day, and the question bank's CSV import.
#include <gtest/gtest.h>

#include <string>

#include "core/quiz.h"
#include "core/quiz_bank.h"
#include "core/quiz_draw.h"
#include "core/sha256.h"
#include "tools/demo_data/quiz_demo.h"

namespace gongyou {
namespace {

// [SECTION] SHA-256

TEST(Sha256, MatchesTheStandardsVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingAtTheBlockEdges) {
  // 55 bytes fit the length in the same block, 56 need a second one, 64 are a whole block (hashlib's digests).
  EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(sha256_hex("工友"), "3b6f302d16dbd5c75bdaba7d74d555f18f1d28b411d60d40a13d4bbea598d7be");
}

// [SECTION] Draw

TEST(QuizDraw, WinnersFollowFromTheSeedAsPublished) {
  std::vector<std::string> entrants;
  for (int i = 9; i >= 0; --i) entrants.push_back("e0" + std::to_string(i));
  entrants.push_back("e03");  // a repeat leaves the list
  const auto sorted = sorted_entrants(entrants);
  ASSERT_EQ(sorted.size(), 10u);
  EXPECT_EQ(sorted.front(), "e00");
  EXPECT_EQ(entrants_hash(sorted), "848dea6e3cf7e88ffa79366eb67456b99b62182bf1b86828f0a0b450aceacd96");
  // Python: for k in range(4): x = int.from_bytes(sha256(f"{seed}:{k}").digest()[:8], "big"); left.pop(x % len(left))
  EXPECT_EQ(draw_winners("demo-seed-1", sorted.size(), 4), (std::vector<std::size_t>{0, 1, 7, 8}));
  EXPECT_EQ(draw_commitment("abc"), sha256_hex("abc"));
}

TEST(QuizDraw, NeverMoreWinnersThanEntrantsAndNoneTwice) {
  EXPECT_TRUE(draw_winners("s", 0, 3).empty());
  const auto all = draw_winners("another seed", 5, 10);
  ASSERT_EQ(all.size(), 5u);
  std::vector<bool> seen(5, false);
  for (const std::size_t i : all) {
    ASSERT_LT(i, 5u);
    EXPECT_FALSE(seen[i]);
    seen[i] = true;
  }
  // The first winners do not depend on how many are drawn.
  EXPECT_EQ(draw_winners("another seed", 5, 2), (std::vector<std::size_t>{all[0], all[1]}));
}

// [SECTION] Questions and grading

QuizQuestion single(std::vector<std::string> options, std::vector<int> correct) {
  QuizQuestion q;
  q.law = "劳动法";
  q.article = "第三十六条";
  q.text = "每日工作时间不超过几小时？";
  q.options = std::move(options);
  q.correct = std::move(correct);
  return q;
}

TEST(QuizQuestion, ChecksNameWhatIsWrong) {
  EXPECT_FALSE(question_problem(single({"八小时", "十小时"}, {0})));
  EXPECT_TRUE(question_problem(single({"八小时"}, {0})));                  // one option
  EXPECT_TRUE(question_problem(single({"八小时", "八小时"}, {0})));        // the same option twice
  EXPECT_TRUE(question_problem(single({"八小时", "十小时"}, {2})));        // no such option
  EXPECT_TRUE(question_problem(single({"八小时", "十小时"}, {0, 1})));     // two right in a single choice
  EXPECT_TRUE(question_problem(single({"八小时", "十小时"}, {})));         // none right
  QuizQuestion multiple = single({"甲", "乙", "丙"}, {0});
  multiple.kind = QuestionKind::multiple_choice;
  EXPECT_TRUE(question_problem(multiple));  // a multiple choice needs two right options
  multiple.correct = {0, 2};
  EXPECT_FALSE(question_problem(multiple));
  multiple.correct = {2, 0};
  EXPECT_TRUE(question_problem(multiple));  // not ascending
  QuizQuestion tf = single({"正确", "错误"}, {1});
  tf.kind = QuestionKind::true_false;
  EXPECT_FALSE(question_problem(tf));
  tf.options = {"对", "错"};
  EXPECT_TRUE(question_problem(tf));
  QuizQuestion bad = single({"八小时", "十小时"}, {0});
  bad.text = "\xE5\xB7";  // broken UTF-8
  EXPECT_TRUE(question_problem(bad));
  bad.text = std::string("题\x01目");
  EXPECT_TRUE(question_problem(bad));
  bad.text = "";
  EXPECT_TRUE(question_problem(bad));
  bad.text = std::string(kMaxQuestionTextBytes + 1, 'a');
  EXPECT_TRUE(question_problem(bad));
}

TEST(QuizGrading, OnlyExactlyTheRightSetCounts) {
  const std::vector<int> right{0, 2};
  EXPECT_TRUE(is_answer_right(right, std::vector<int>{2, 0}));
  EXPECT_TRUE(is_answer_right(right, std::vector<int>{0, 2, 2}));
  EXPECT_FALSE(is_answer_right(right, std::vector<int>{0}));
  EXPECT_FALSE(is_answer_right(right, std::vector<int>{0, 1, 2}));
  EXPECT_FALSE(is_answer_right(right, std::vector<int>{}));
  EXPECT_EQ(quiz_score(0, 10), 0);
  EXPECT_EQ(quiz_score(10, 10), 100);
  EXPECT_EQ(quiz_score(2, 3), 67);
  EXPECT_EQ(quiz_score(1, 8), 13);  // 12.5 rounds half up
  EXPECT_EQ(quiz_score(3, 0), 0);
}

// [SECTION] Window and days

TEST(QuizWindow, OpenFromTheStartUntilBeforeTheEnd) {
  const UtcSeconds starts{1000}, ends{2000};
  EXPECT_EQ(quiz_status(starts, ends, UtcSeconds{999}), QuizStatus::upcoming);
  EXPECT_EQ(quiz_status(starts, ends, UtcSeconds{1000}), QuizStatus::open);
  EXPECT_EQ(quiz_status(starts, ends, UtcSeconds{1999}), QuizStatus::open);
  EXPECT_EQ(quiz_status(starts, ends, UtcSeconds{2000}), QuizStatus::closed);
  EXPECT_EQ(attempt_deadline(UtcSeconds{1000}, 300, ends).value, 1300);
  EXPECT_EQ(attempt_deadline(UtcSeconds{1900}, 300, ends).value, 2000);  // never after the close
}

TEST(QuizWindow, AttemptsCountInShanghaiDays) {
  // 23:59:59 and 00:00:00 Asia/Shanghai are 15:59:59 and 16:00:00 UTC: two days.
  const UtcSeconds before = to_utc(LocalDate{2026, 12, 3}, LocalTime{0});
  EXPECT_EQ(attempt_day(UtcSeconds{before.value - 1}) + 1, attempt_day(before));
  EXPECT_EQ(attempt_day(before), attempt_day(UtcSeconds{before.value + 86399}));
  EXPECT_EQ(shanghai_date(before), (LocalDate{2026, 12, 3}));
}

TEST(QuizKinds, WireAndChineseNames) {
  for (const QuestionKind k : {QuestionKind::single_choice, QuestionKind::multiple_choice, QuestionKind::true_false})
    EXPECT_EQ(parse_question_kind(question_kind_name(k)), k);
  EXPECT_EQ(parse_question_kind("多选"), QuestionKind::multiple_choice);
  EXPECT_EQ(parse_question_kind("判断题"), QuestionKind::true_false);
  EXPECT_FALSE(parse_question_kind("essay"));
  EXPECT_EQ(law_title("工会法"), "《中华人民共和国工会法》");
  EXPECT_EQ(law_title("某条例"), "某条例");
}

// [SECTION] CSV import

constexpr const char* kHeader = "题型,法律,条款,主题,题目,选项A,选项B,选项C,选项D,答案,解析\n";

TEST(QuestionImport, ReadsEveryKind) {
  const std::string csv = std::string("\xEF\xBB\xBF") + kHeader +
                          "单选,劳动法,第三十六条,工作时间,每日工作时间不超过几小时？,八小时,九小时,十小时,,A,国家实行……\n"
                          "多选,安全生产法,第五十四条,安全权利,从业人员有权……,批评,检举,控告,旁观,ABC,\"第五十四条：有权对……批评、检举、控告\"\n"
                          "判断,工会法,第三条,入会与组织,\"外卖骑手可以加入工会，对吗？\",,,,,对,新就业形态劳动者……\r\n"
                          "\n";
  const QuestionImport r = import_questions_csv(csv);
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].message);
  ASSERT_EQ(r.questions.size(), 3u);
  EXPECT_EQ(r.rows, 3u);
  EXPECT_EQ(r.questions[0].options.size(), 3u);
  EXPECT_EQ(r.questions[0].correct, (std::vector<int>{0}));
  EXPECT_EQ(r.questions[1].kind, QuestionKind::multiple_choice);
  EXPECT_EQ(r.questions[1].correct, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(r.questions[1].explanation, "第五十四条：有权对……批评、检举、控告");
  EXPECT_EQ(r.questions[2].kind, QuestionKind::true_false);
  EXPECT_EQ(r.questions[2].options[0], "正确");
  EXPECT_EQ(r.questions[2].correct, (std::vector<int>{0}));
}

TEST(QuestionImport, EveryBadRowIsReportedByItsLine) {
  const std::string csv = std::string(kHeader) +
                          "单选,劳动法,,,好题目,甲,乙,,,B,\n"           // line 2: good
                          "问答,劳动法,,,题型不对,甲,乙,,,A,\n"         // line 3: unknown kind
                          "单选,劳动法,,,答案不在选项里,甲,乙,,,D,\n"   // line 4
                          "单选,劳动法,,,选项有空,甲,,丙,,A,\n"         // line 5: a gap
                          "\"单选\",劳动法,,,\"跨行\n的题目\",甲,乙,,,Q,\n"  // line 6 (two lines): letter Q
                          "判断,劳动法,,,判断题,,,,,也许,\n"            // line 8
                          "单选,,,,没有法律,甲,乙,,,A,\n";              // line 9: law missing
  const QuestionImport r = import_questions_csv(csv);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.rows, 7u);
  ASSERT_EQ(r.questions.size(), 1u);
  std::vector<std::size_t> lines;
  for (const ImportIssue& e : r.errors) lines.push_back(e.row);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 5, 6, 8, 9}));
}

TEST(QuestionImport, TheFileAsAWhole) {
  EXPECT_FALSE(import_questions_csv("").ok());
  EXPECT_FALSE(import_questions_csv(kHeader).ok());  // no rows
  const QuestionImport missing = import_questions_csv("题目,答案\n甲,A\n");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].row, 1u);
  const QuestionImport unclosed = import_questions_csv(std::string(kHeader) + "单选,劳动法,,,\"没有闭合,甲\n");
  ASSERT_EQ(unclosed.errors.size(), 1u);
  EXPECT_EQ(unclosed.errors[0].row, 2u);
  // English headers in another order, option columns up to F.
  const QuestionImport english = import_questions_csv(
      "answer,question,kind,law,option_a,option_b,option_c,option_d,option_e,option_f\n"
      "F,Six options,single,劳动法,1,2,3,4,5,6\n");
  ASSERT_TRUE(english.ok());
  EXPECT_EQ(english.questions[0].correct, (std::vector<int>{5}));
}

// [SECTION] Demo bank

TEST(QuizDemoBank, EveryRowImportsAndEachQuizHasQuestionsEnough) {
  const QuestionImport bank = import_questions_csv(demo_quiz_questions_csv());
  ASSERT_TRUE(bank.ok()) << (bank.errors.empty() ? "no rows" : std::to_string(bank.errors[0].row) + ": " + bank.errors[0].message);
  EXPECT_EQ(bank.questions.size(), demo::demo_quiz_bank().size());
  for (const QuizQuestion& q : bank.questions) {
    bool known = false;
    for (const QuizLaw& law : quiz_laws()) known = known || law.short_name == q.law;
    EXPECT_TRUE(known) << q.law;
    EXPECT_FALSE(q.article.empty()) << q.text;
    EXPECT_FALSE(q.explanation.empty()) << q.text;
  }
  for (const demo::DemoQuiz& quiz : demo::demo_quizzes()) {
    int available = 0;
    for (const QuizQuestion& q : bank.questions)
      for (const std::string& law : quiz.laws) available += q.law == law;
    EXPECT_GE(available, quiz.question_count * 3 / 2) << quiz.title;  // room for a different draw per attempt
  }
}

}  // namespace
}  // namespace gongyou
