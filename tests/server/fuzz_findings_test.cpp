// tests/server/fuzz_findings_test.cpp — every input a fuzz harness (tests/fuzz) crashed on, as a named regression
// test. They matter most in the asan build (make test), where undefined behaviour aborts.
#include <gtest/gtest.h>

#include <string_view>

#include "server/api/cursor.h"
#include "server/crypto/base64url.h"

namespace gongyou::server {
namespace {

// fuzz_cursor, first input (the empty one): decode_cursor passed the null data of an empty buffer to
// sodium_base642bin, whose arguments are declared nonnull (UBSan: nonnull-attribute).
TEST(FuzzFindings, AnEmptyCursorIsNoCursor) {
  EXPECT_EQ(api::decode_cursor(""), std::nullopt);
  EXPECT_EQ(api::decode_cursor(std::string_view{}), std::nullopt);
  const auto id = api::decode_cursor(api::encode_cursor(SiteId{42}));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->value, 42);
}

// The same pattern in the token and door-pass decoder: empty text decodes to no bytes without touching libsodium.
TEST(FuzzFindings, EmptyBase64urlDecodesToNoBytes) {
  EXPECT_EQ(crypto::base64url_decode(std::string_view{}), std::string());
  EXPECT_EQ(crypto::base64url_decode(""), std::string());
}

}  // namespace
}  // namespace gongyou::server
