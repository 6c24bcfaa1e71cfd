// server/crypto/base64url.h — base64url without padding (RFC 4648 §5), as tokens and door passes use it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace gongyou::server::crypto {

/// The base64url text (no '=' padding) of some bytes.
std::string base64url_encode(std::string_view bytes);

/// The bytes of a base64url text without padding; nothing when the text is not exactly that.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace gongyou::server::crypto
