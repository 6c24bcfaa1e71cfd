// tests/app/event_queue_test.cpp — the main loop's event queue: pushing while draining (as Leaflet does
// when a handled route flies the map) neither loses, repeats nor corrupts events.
#include "app/event_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace gongyou {
namespace {

using Event = std::variant<int, std::string>;

TEST(EventQueue, EventsRaisedWhileDrainingWaitForTheNextDrainInOrder) {
  EventQueue<Event> queue;
  queue.push(Event{1});
  queue.push(Event{std::string("route")});
  std::vector<Event> seen;
  // Each handled event raises many more, enough to make the pending buffer grow several times.
  queue.drain([&](const Event& e) {
    seen.push_back(e);
    for (int i = 0; i < 100; ++i) queue.push(Event{std::string(40, 'x') + std::to_string(i)});
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(std::get<int>(seen[0]), 1);
  EXPECT_EQ(std::get<std::string>(seen[1]), "route");
  EXPECT_FALSE(queue.empty());

  seen.clear();
  queue.drain([&](const Event& e) { seen.push_back(e); });
  ASSERT_EQ(seen.size(), 200u);
  EXPECT_EQ(std::get<std::string>(seen[0]), std::string(40, 'x') + "0");
  EXPECT_EQ(std::get<std::string>(seen[199]), std::string(40, 'x') + "99");
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueue, AnEmptyDrainHandlesNothing) {
  EventQueue<Event> queue;
  int handled = 0;
  queue.drain([&](const Event&) { ++handled; });
  EXPECT_EQ(handled, 0);
  EXPECT_TRUE(queue.empty());
}

}  // namespace
}  // namespace gongyou
