// tests/server/door_pass_test.cpp — door passes: the token format of docs/api-bookings.md, verification,
// and refusal of every tampered or malformed token.
#include "server/door/door_pass.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "server/crypto/base64url.h"
#include "server/crypto/secrets.h"

namespace gongyou::server {
namespace {

class DoorPassTest : public ::testing::Test {
 protected:
  void SetUp() override { crypto::initialize(); }
  const PassClaims claims{BookingId{42}, SiteId{9}, UtcSeconds{1795567500}, UtcSeconds{1795572000}};
};

TEST_F(DoorPassTest, TokenIsPayloadDotHmac) {
  const DoorPassSigner signer(DoorPassSigner::new_key());
  const std::string token = signer.issue(claims);
  const auto dot = token.find('.');
  ASSERT_NE(dot, std::string::npos);
  EXPECT_EQ(crypto::base64url_decode(token.substr(0, dot)), "42:9:1795567500:1795572000");
  EXPECT_EQ(crypto::base64url_decode(token.substr(dot + 1))->size(), crypto_auth_hmacsha256_BYTES);
  EXPECT_EQ(signer.verify(token), claims);
}

TEST_F(DoorPassTest, AnotherKeyOrAChangedPayloadIsRefused) {
  const DoorPassSigner signer(DoorPassSigner::new_key()), other(DoorPassSigner::new_key());
  const std::string token = signer.issue(claims);
  EXPECT_FALSE(other.verify(token));
  const std::string mac = token.substr(token.find('.'));
  EXPECT_FALSE(signer.verify(crypto::base64url_encode("43:9:1795567500:1795572000") + mac));
  EXPECT_FALSE(signer.verify(crypto::base64url_encode("42:9:1795567500:1895572000") + mac));
}

TEST_F(DoorPassTest, MalformedTokensAreRefused) {
  const DoorPassSigner signer(DoorPassSigner::new_key());
  const std::string token = signer.issue(claims);
  for (const std::string& bad : {std::string(), std::string("."), std::string("abc"), token + "=", token + ".x",
                                 token.substr(0, token.size() - 1), "!" + token, std::string(600, 'A')})
    EXPECT_FALSE(signer.verify(bad)) << bad;
  // A validly signed payload that is not four non-negative integers is refused too.
  for (const char* payload : {"42:9:1", "42:9:1:2:3", "-1:9:1:2", "42:x:1:2", "42:9:1:2 ", "+42:9:1:2"}) {
    std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
    const std::string key(crypto_auth_hmacsha256_KEYBYTES, 'k');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(payload), std::strlen(payload),
                           reinterpret_cast<const unsigned char*>(key.data()));
    EXPECT_FALSE(DoorPassSigner(key).verify(crypto::base64url_encode(payload) + "." + crypto::base64url_encode(mac)))
        << payload;
  }
}

TEST_F(DoorPassTest, KeyMustHaveTheRightSize) { EXPECT_THROW(DoorPassSigner("short"), std::invalid_argument); }

TEST(Base64Url, RoundTripWithoutPadding) {
  crypto::initialize();
  EXPECT_EQ(crypto::base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(crypto::base64url_decode("-_8"), "\xfb\xff");
  EXPECT_FALSE(crypto::base64url_decode("-_8="));
  EXPECT_FALSE(crypto::base64url_decode("+/8"));
  EXPECT_EQ(crypto::new_token().size(), 43u);
  EXPECT_NE(crypto::new_token(), crypto::new_token());
}

}  // namespace
}  // namespace gongyou::server
