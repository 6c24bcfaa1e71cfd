// tests/core/id_number_test.cpp — GB 11643-1999 against a table of valid and invalid numbers (check character X,
// 29 February in leap and common years, future dates, letters in the wrong place, 15-digit numbers), and the masks
// of ID and phone numbers.
#include "core/id_number.h"

#include <gtest/gtest.h>

#include <string>

namespace gongyou {
namespace {

constexpr LocalDate kToday{2026, 12, 2};

struct Case {
  const char* number;
  IdNumberProblem expected;
  const char* why;
};

TEST(IdNumber, TheTableOfNumbers) {
  const Case cases[] = {
      {"11010519491231002X", IdNumberProblem::none, "GB 11643's example with check character X"},
      {"440524188001010014", IdNumberProblem::none, "GB 11643's example born in 1880"},
      {"350521200002291231", IdNumberProblem::none, "29 February 2000, a leap year (divisible by 400)"},
      {"350521198812310019", IdNumberProblem::none, "an ordinary Hui'an number"},
      {"350521199002291236", IdNumberProblem::impossible_birth_date, "29 February 1990, a common year"},
      {"350521190002291234", IdNumberProblem::impossible_birth_date, "29 February 1900, not a leap year"},
      {"350521198813010011", IdNumberProblem::impossible_birth_date, "month 13"},
      {"350521198804310016", IdNumberProblem::impossible_birth_date, "31 April"},
      {"350521198800000011", IdNumberProblem::impossible_birth_date, "day 0"},
      {"350521202701010012", IdNumberProblem::future_birth_date, "born in 2027, after today"},
      {"350521202612030011", IdNumberProblem::future_birth_date, "born tomorrow"},
      {"11010519491231002Y", IdNumberProblem::bad_character, "a letter other than X at the end"},
      {"1101051949123100X2", IdNumberProblem::bad_character, "X before the end"},
      {"A1010519491231002X", IdNumberProblem::bad_character, "a letter at the start"},
      {"110105194912310021", IdNumberProblem::wrong_check_digit, "check digit 1 instead of X"},
      {"350521198812310010", IdNumberProblem::wrong_check_digit, "the last digit changed"},
      {"350521198812301019", IdNumberProblem::wrong_check_digit, "two digits swapped"},
      {"350521881231001", IdNumberProblem::wrong_length, "a first-generation 15-digit number"},
      {"3505211988123100191", IdNumberProblem::wrong_length, "19 characters"},
      {"", IdNumberProblem::wrong_length, "empty"},
      {"３５０５２１１９８８１２３１００１９", IdNumberProblem::wrong_length, "full-width digits are 3 bytes each"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(check_id_number(c.number, kToday), c.expected) << c.number << ": " << c.why;
  }
}

TEST(IdNumber, BornTodayIsNotInTheFuture) {
  std::string number = "35052120261202001";
  number += *id_check_character(number);
  EXPECT_EQ(check_id_number(number, kToday), IdNumberProblem::none);
  EXPECT_EQ(check_id_number(number, LocalDate{2026, 12, 1}), IdNumberProblem::future_birth_date);
}

TEST(IdNumber, EveryCheckCharacterComesFromTheWeightedSum) {
  // Changing any one of the first 17 digits changes the check character: MOD 11-2 detects every single error.
  const std::string valid = "350521198812310019";
  for (std::size_t i = 0; i < 17; ++i) {
    std::string changed = valid;
    changed[i] = changed[i] == '9' ? '0' : static_cast<char>(changed[i] + 1);
    EXPECT_NE(id_check_character(std::string_view(changed).substr(0, 17)), '9') << "digit " << i;
  }
  EXPECT_EQ(id_check_character("1234"), std::nullopt);
  EXPECT_EQ(id_check_character("1101051949123100A"), std::nullopt);
}

TEST(IdNumber, NormalizingTrimsAndUpperCasesTheFinalX) {
  EXPECT_EQ(normalize_id_number(" 11010519491231002x "), "11010519491231002X");
  EXPECT_EQ(check_id_number(normalize_id_number("11010519491231002x"), kToday), IdNumberProblem::none);
  EXPECT_EQ(id_birth_date("11010519491231002X"), (LocalDate{1949, 12, 31}));
}

TEST(IdNumber, TheMaskShowsAtMostTheFirstAndLastFour) {
  EXPECT_EQ(mask_id_number("35052119881231123X"), "3505**********123X");
  EXPECT_EQ(mask_id_number("12345678"), "********");
  EXPECT_EQ(mask_id_number(""), "");
}

TEST(Phone, ElevenDigitsStartingWithOneWhateverThePrefix) {
  EXPECT_TRUE(is_mobile_phone("13800138000"));
  EXPECT_TRUE(is_mobile_phone("19212345678"));  // a prefix newer than any list
  EXPECT_FALSE(is_mobile_phone("23800138000"));
  EXPECT_FALSE(is_mobile_phone("1380013800"));
  EXPECT_FALSE(is_mobile_phone("138001380001"));
  EXPECT_FALSE(is_mobile_phone("1380013800a"));
  EXPECT_EQ(normalize_phone("+86 138-0013-8000"), "13800138000");
  EXPECT_EQ(normalize_phone("8613800138000"), "13800138000");
  EXPECT_EQ(mask_phone("13800138000"), "138****8000");
}

TEST(IdNumber, NamesAreMaskedToTheirFirstCharacter) {
  EXPECT_EQ(mask_name("张三丰"), "张**");
  EXPECT_EQ(mask_name("李华"), "李*");
  EXPECT_EQ(mask_name("欧阳娜娜"), "欧**");
  EXPECT_EQ(mask_name("rider_wang"), "r**");
  EXPECT_EQ(mask_name("王"), "*");
  EXPECT_EQ(mask_name(""), "*");
  EXPECT_EQ(mask_name("\xE5"), "*");  // a broken lead byte alone
}

}  // namespace
}  // namespace gongyou
