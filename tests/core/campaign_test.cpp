// tests/core/campaign_test.cpp — the rules of message campaigns (core/campaign.h): what a message may be, the review
// states and decisions with their wire names, the orders of the public list.
#include "core/campaign.h"

#include <gtest/gtest.h>

#include <string>

namespace gongyou {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Campaign, AMessageIsOneTo500CharactersCountedAsCodePoints) {
  EXPECT_EQ(message_length("工会"), 2u);
  EXPECT_EQ(message_length("a工😀"), 3u);
  EXPECT_FALSE(message_problem("感谢工会！"));
  EXPECT_FALSE(message_problem(repeat("工", 500))) << "500 Chinese characters (1,500 bytes) are fine";
  EXPECT_TRUE(message_problem(repeat("工", 501)));
  EXPECT_FALSE(message_problem("  " + repeat("工", 500) + "\n ")) << "spaces around it do not count";
  EXPECT_TRUE(message_problem(""));
  EXPECT_TRUE(message_problem(" \n\t "));
  EXPECT_FALSE(message_problem("第一行\n第二行")) << "line breaks are kept";
  EXPECT_TRUE(message_problem("a\x07" "b"));
  EXPECT_TRUE(message_problem(std::string("a\0b", 3)));
  EXPECT_TRUE(message_problem("a\x7F"));
  EXPECT_TRUE(message_problem("\xE5\xB7"));       // a truncated 工
  EXPECT_TRUE(message_problem("\xC0\xAF"));       // an overlong '/'
  EXPECT_TRUE(message_problem("\xED\xA0\x80"));   // a surrogate
  EXPECT_FALSE(message_problem("<script>alert(1)</script>")) << "markup is text: kept, and drawn as it is";
}

TEST(Campaign, EachDecisionAppliesToOneStateSoConcurrentReviewsDecideOnce) {
  EXPECT_TRUE(decision_applies(MessageDecision::approve, MessageStatus::pending));
  EXPECT_TRUE(decision_applies(MessageDecision::reject, MessageStatus::pending));
  EXPECT_TRUE(decision_applies(MessageDecision::take_down, MessageStatus::approved));
  EXPECT_FALSE(decision_applies(MessageDecision::approve, MessageStatus::approved));
  EXPECT_FALSE(decision_applies(MessageDecision::approve, MessageStatus::rejected)) << "a declined one stays declined";
  EXPECT_FALSE(decision_applies(MessageDecision::reject, MessageStatus::approved)) << "a shown one is taken down";
  EXPECT_FALSE(decision_applies(MessageDecision::take_down, MessageStatus::pending));
  EXPECT_FALSE(decision_applies(MessageDecision::take_down, MessageStatus::rejected));
}

TEST(Campaign, WireNamesRoundTripAndUnknownNamesAreRefused) {
  for (const MessageStatus s : {MessageStatus::pending, MessageStatus::approved, MessageStatus::rejected})
    EXPECT_EQ(parse_message_status(message_status_name(s)), s);
  for (const MessageOrder o : {MessageOrder::featured, MessageOrder::newest, MessageOrder::liked, MessageOrder::oldest})
    EXPECT_EQ(parse_message_order(message_order_name(o)), o);
  EXPECT_EQ(parse_message_decision("approve"), MessageDecision::approve);
  EXPECT_EQ(parse_message_decision("reject"), MessageDecision::reject);
  EXPECT_EQ(parse_message_decision("take_down"), MessageDecision::take_down);
  for (const char* bad : {"", "Approved", "approved ", "delete"}) {
    EXPECT_FALSE(parse_message_status(bad)) << bad;
    EXPECT_FALSE(parse_message_decision(bad)) << bad;
    EXPECT_FALSE(parse_message_order(bad)) << bad;
  }
}

TEST(Campaign, AWindowIsUpcomingThenOpenUntilJustBeforeItsEnd) {
  const UtcSeconds start{1000}, end{2000};
  EXPECT_EQ(window_status(start, end, UtcSeconds{999}), WindowStatus::upcoming);
  EXPECT_EQ(window_status(start, end, start), WindowStatus::open);
  EXPECT_EQ(window_status(start, end, UtcSeconds{1999}), WindowStatus::open);
  EXPECT_EQ(window_status(start, end, end), WindowStatus::closed);
}

}  // namespace
}  // namespace gongyou
