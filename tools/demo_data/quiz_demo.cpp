// tools/demo_data/quiz_demo.cpp — see quiz_demo.h. The titles follow seed 000's quizzes.
#include "tools/demo_data/quiz_demo.h"

#include "core/quiz_bank.h"

namespace gongyou::demo {

std::vector<QuizQuestion> demo_quiz_bank() { return import_questions_csv(demo_quiz_questions_csv()).questions; }

std::vector<DemoQuiz> demo_quizzes() {
  std::vector<DemoQuiz> quizzes;
  {
    DemoQuiz q;
    q.title = "“安全生产迎新春，欢乐祥和过新年”线上有奖答题";
    q.description = "春节前夕，学习《安全生产法》，了解从业人员的权利和义务，平平安安过新年。";
    q.prize = "春节安全礼包（应急手电、灭火毯）";
    q.starts_in_hours = -14 * 24;
    q.open_hours = 10 * 24;
    q.question_count = 8;
    q.time_limit_s = 480;
    q.attempts_per_day = 2;
    q.pass_score = 60;
    q.prize_count = 5;
    q.laws = {"安全生产法"};
    q.demo_players = 40;
    quizzes.push_back(std::move(q));
  }
  {
    DemoQuiz q;
    q.title = "“服务新业态，职工‘驿’起学”有奖答题挑战赛";
    q.description = "面向快递员、外卖骑手、网约车司机和货车司机：学习新就业形态劳动者权益保障的规定和劳动合同法。";
    q.prize = "骑手关爱包（头盔内衬、保温杯、雨衣）";
    q.starts_in_hours = -3 * 24;
    q.open_hours = 17 * 24;
    q.question_count = 10;
    q.time_limit_s = 600;
    q.attempts_per_day = 3;
    q.pass_score = 60;
    q.prize_count = 20;
    q.laws = {"新就业形态", "劳动合同法"};
    quizzes.push_back(std::move(q));
  }
  {
    DemoQuiz q;
    q.title = "“庆五一”线上法律法规竞答";
    q.description = "弘扬劳动精神，普及《工会法》《劳动法》等维权知识。";
    q.prize = "五一劳动节纪念品";
    q.starts_in_hours = 6 * 24;
    q.open_hours = 7 * 24;
    q.question_count = 10;
    q.time_limit_s = 600;
    q.attempts_per_day = 3;
    q.pass_score = 70;
    q.prize_count = 10;
    q.laws = {"工会法", "劳动法"};
    quizzes.push_back(std::move(q));
  }
  return quizzes;
}

}  // namespace gongyou::demo
