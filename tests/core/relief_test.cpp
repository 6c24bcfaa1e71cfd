// tests/core/relief_test.cpp — the rules of complaints (core/complaint.h) and hardship aid (core/hardship.h): wire
// names both ways, the text limits, case numbers' shape, which state each hardship decision applies to, the yearly
// re-check by the clock.
#include <gtest/gtest.h>

#include <string>

#include "core/complaint.h"
#include "core/hardship.h"

namespace gongyou {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Complaint, WireNamesRoundTripAndUnknownNamesAreRefused) {
  for (const ComplaintCategory c : kComplaintCategories)
    EXPECT_EQ(parse_complaint_category(complaint_category_name(c)), c);
  EXPECT_EQ(std::size(kComplaintCategories), 8u);
  EXPECT_FALSE(parse_complaint_category("Wages"));
  EXPECT_FALSE(parse_complaint_category(""));
  for (const ComplaintStatus s : {ComplaintStatus::submitted, ComplaintStatus::replied, ComplaintStatus::closed})
    EXPECT_EQ(parse_complaint_status(complaint_status_name(s)), s);
  EXPECT_EQ(parse_complaint_handler("county"), ComplaintHandler::county);
  EXPECT_EQ(parse_complaint_handler("own"), ComplaintHandler::own);
  EXPECT_FALSE(parse_complaint_handler("employer"));
}

TEST(Complaint, TextIsOneTo2000CharactersWithoutControlCharacters) {
  EXPECT_FALSE(relief_text_problem("老板拖欠三个月工资", kComplaintMaxChars));
  EXPECT_FALSE(relief_text_problem(repeat("欠", 2000), kComplaintMaxChars));
  EXPECT_TRUE(relief_text_problem(repeat("欠", 2001), kComplaintMaxChars));
  EXPECT_TRUE(relief_text_problem("  \n", kComplaintMaxChars));
  EXPECT_TRUE(relief_text_problem("a\x01" "b", kComplaintMaxChars));
  EXPECT_TRUE(relief_text_problem("\xE5\xB7", kComplaintMaxChars)) << "broken UTF-8";
  EXPECT_FALSE(relief_text_problem("第一行\n第二行", kComplaintMaxChars));
}

TEST(Complaint, RatingsAreOneToFiveStars) {
  EXPECT_FALSE(valid_rating(0));
  EXPECT_TRUE(valid_rating(1));
  EXPECT_TRUE(valid_rating(5));
  EXPECT_FALSE(valid_rating(6));
}

TEST(Complaint, CaseNumbersHaveTheirPrefixAnd12CrockfordCharacters) {
  EXPECT_TRUE(looks_like_case_number("WQ0123456789AB", kComplaintCasePrefix));
  EXPECT_FALSE(looks_like_case_number("WQ0123456789A", kComplaintCasePrefix)) << "too short";
  EXPECT_FALSE(looks_like_case_number("BF0123456789AB", kComplaintCasePrefix)) << "another kind";
  EXPECT_FALSE(looks_like_case_number("WQ0123456789AI", kComplaintCasePrefix)) << "I is not in the alphabet";
  EXPECT_FALSE(looks_like_case_number("WQ0123456789ab", kComplaintCasePrefix)) << "lower case";
  EXPECT_GE(kCaseRandomChars * 5, 40u) << "at least 40 random bits";
}

TEST(Hardship, WireNamesRoundTrip) {
  for (const HardshipCategory c : kHardshipCategories) EXPECT_EQ(parse_hardship_category(hardship_category_name(c)), c);
  for (const AidKind k : {AidKind::cash, AidKind::goods, AidKind::visit}) EXPECT_EQ(parse_aid_kind(aid_kind_name(k)), k);
  for (const HardshipStatus s : {HardshipStatus::submitted, HardshipStatus::checked, HardshipStatus::approved,
                                 HardshipStatus::aided, HardshipStatus::returned, HardshipStatus::rejected})
    EXPECT_EQ(parse_hardship_status(hardship_status_name(s)), s);
  EXPECT_FALSE(parse_hardship_status("withdrawn"));
  EXPECT_FALSE(parse_aid_kind("loan"));
}

TEST(Hardship, EachDecisionAppliesToOneStateAndLeadsToOne) {
  EXPECT_EQ(decision_from(HardshipDecision::pass), HardshipStatus::submitted);
  EXPECT_EQ(decision_to(HardshipDecision::pass), HardshipStatus::checked);
  EXPECT_EQ(decision_to(HardshipDecision::send_back), HardshipStatus::returned);
  EXPECT_EQ(decision_from(HardshipDecision::decline), HardshipStatus::submitted);
  EXPECT_EQ(decision_from(HardshipDecision::decline, /*at_approval=*/true), HardshipStatus::checked);
  EXPECT_EQ(decision_from(HardshipDecision::approve), HardshipStatus::checked);
  EXPECT_EQ(decision_to(HardshipDecision::approve), HardshipStatus::approved);
  EXPECT_EQ(decision_from(HardshipDecision::aid), HardshipStatus::approved);
  EXPECT_EQ(decision_to(HardshipDecision::aid), HardshipStatus::aided);
  EXPECT_TRUE(hardship_open(HardshipStatus::checked));
  EXPECT_FALSE(hardship_open(HardshipStatus::aided));
  EXPECT_FALSE(hardship_open(HardshipStatus::returned));
}

TEST(Hardship, TheRecheckIsDueAYearAfterTheAid) {
  const UtcSeconds aided{1'700'000'000};
  EXPECT_FALSE(recheck_due(aided, UtcSeconds{aided.value + 364 * 86400}));
  EXPECT_TRUE(recheck_due(aided, UtcSeconds{aided.value + 365 * 86400}));
}

}  // namespace
}  // namespace gongyou
