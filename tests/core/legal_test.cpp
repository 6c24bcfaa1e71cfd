// tests/core/legal_test.cpp — the rules of legal aid (core/legal.h): categories and statuses by wire name, the 24 h
// first-answer target, case numbers as typed, photo checks by bytes and header (a PNG bomb refused without
// inflating), metadata stripped from JPEG and PNG.
#include "core/legal.h"

#include <gtest/gtest.h>

#include <string>

namespace gongyou {
namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
std::string chunk(const std::string& type, const std::string& data) { return be32(data.size()) + type + data + be32(0); }
std::string png(std::uint32_t w, std::uint32_t h, const std::string& extra = "") {
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", be32(w) + be32(h) + std::string("\x08\x02\0\0\0", 5)) +
         extra + chunk("IDAT", "xx") + chunk("IEND", "");
}
std::string jpeg(std::uint16_t w, std::uint16_t h, const std::string& app1) {
  const auto segment = [](unsigned char marker, const std::string& payload) {
    const std::size_t n = payload.size() + 2;
    return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(n >> 8), static_cast<char>(n)} + payload;
  };
  std::string sof = {'\x08', static_cast<char>(h >> 8), static_cast<char>(h), static_cast<char>(w >> 8),
                     static_cast<char>(w), '\x01', '\x01', '\x11', '\x00'};
  return std::string("\xFF\xD8", 2) + segment(0xE1, app1) + segment(0xC0, sof) + segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) +
         "scan" + std::string("\xFF\xD9", 2);
}

TEST(Legal, CategoriesAndStatusesRoundTrip) {
  for (const LegalCategory c : kLegalCategories) EXPECT_EQ(parse_legal_category(legal_category_name(c)), c);
  EXPECT_FALSE(parse_legal_category("taxes"));
  EXPECT_EQ(parse_consultation_status("answered"), ConsultationStatus::answered);
  EXPECT_FALSE(parse_consultation_status("done"));
}

TEST(Legal, OverdueWithoutAFirstAnswer24HoursAfterAsking) {
  const UtcSeconds asked{1'000'000};
  EXPECT_FALSE(consultation_overdue(ConsultationStatus::assigned, asked, UtcSeconds{asked.value + 86399}));
  EXPECT_TRUE(consultation_overdue(ConsultationStatus::assigned, asked, UtcSeconds{asked.value + 86400}));
  EXPECT_TRUE(consultation_overdue(ConsultationStatus::open, asked, UtcSeconds{asked.value + 90000}));
  EXPECT_FALSE(consultation_overdue(ConsultationStatus::answered, asked, UtcSeconds{asked.value + 90000}));
  EXPECT_FALSE(consultation_overdue(ConsultationStatus::closed, asked, UtcSeconds{asked.value + 90000}));
}

TEST(Legal, QuestionLimits) {
  EXPECT_FALSE(legal_text_problem("老板拖欠工资三个月了怎么办", true));
  EXPECT_TRUE(legal_text_problem("太短", true));
  EXPECT_FALSE(legal_text_problem("好的", false));
  EXPECT_TRUE(legal_text_problem(std::string("a\0b", 3), false));
  EXPECT_TRUE(legal_text_problem("\xff\xfe", false));
}

TEST(Legal, CaseNumbersAsTyped) {
  EXPECT_EQ(normalize_case_number("fy-7k3m9 qx2rt"), "FY7K3M9QX2RT");
  EXPECT_EQ(normalize_case_number("FYO1234567IL"), "FY0123456711");
  EXPECT_FALSE(normalize_case_number("FY123"));
  EXPECT_FALSE(normalize_case_number("AB7K3M9QX2RT"));
  EXPECT_FALSE(normalize_case_number("FY7K3M9QX2RU"));  // U is not in the alphabet
}

TEST(Legal, PhotosByBytesAndHeader) {
  EXPECT_FALSE(check_photo(png(640, 480), "image/png").problem);
  EXPECT_EQ(check_photo(png(640, 480), "image/jpeg").problem, PhotoProblem::type_mismatch);
  EXPECT_EQ(check_photo(png(100000, 100000), "image/png").problem, PhotoProblem::too_many_pixels);
  EXPECT_EQ(check_photo(png(6000, 4001), "image/png").problem, PhotoProblem::too_many_pixels);
  EXPECT_EQ(check_photo("<svg onload=alert(1)>", "image/png").problem, PhotoProblem::not_an_image);
  EXPECT_EQ(check_photo(std::string(kMaxPhotoBytes + 1, 'x'), "image/png").problem, PhotoProblem::too_large);
  EXPECT_EQ(check_photo(std::string("\x89PNG\r\n\x1a\n", 8) + "junk", "image/png").problem, PhotoProblem::malformed);
  const auto j = check_photo(jpeg(1200, 900, std::string("Exif\0\0GPS", 9)), "image/jpeg; charset=x");
  EXPECT_FALSE(j.problem);
  EXPECT_EQ(j.size.width, 1200);
  EXPECT_EQ(j.size.height, 900);
}

TEST(Legal, MetadataStripped) {
  const std::string p = png(8, 8, chunk("eXIf", "MM\0*GPS") + chunk("tEXt", "where\0here"));
  const std::string clean = strip_photo_metadata(p, PhotoKind::png);
  EXPECT_EQ(clean.find("eXIf"), std::string::npos);
  EXPECT_EQ(clean.find("tEXt"), std::string::npos);
  EXPECT_EQ(clean, png(8, 8));
  const std::string j = jpeg(10, 10, std::string("Exif\0\0GPS", 9));
  const std::string jclean = strip_photo_metadata(j, PhotoKind::jpeg);
  EXPECT_EQ(jclean.find("Exif"), std::string::npos);
  EXPECT_NE(jclean.find("scan"), std::string::npos);
  EXPECT_FALSE(check_photo(jclean, "image/jpeg").problem);
}

}  // namespace
}  // namespace gongyou
