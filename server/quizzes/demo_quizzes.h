// server/quizzes/demo_quizzes.h — loads the demo question bank into the Hui'an federation's bank and the three demo
// quizzes (tools/demo_data/quiz_demo.h) with windows relative to `now`; the closed quiz gets attempts by demo members
// in its window, so that its draw has qualified entrants.
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What seed_demo_quizzes() added.
struct DemoQuizCounts {
  std::size_t questions = 0;
  std::size_t quizzes = 0;
  std::size_t attempts = 0;
};

/// Seeds when the store has no quiz yet (needs the demo unions and members); nothing otherwise.
DemoQuizCounts seed_demo_quizzes(Store& store, UtcSeconds now);

}  // namespace gongyou::server
