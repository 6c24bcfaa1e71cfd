// tests/fuzz/fuzz_support.h — what the libFuzzer harnesses share: the input as text, the refusals a parser may
// answer with (an api.md 400/404 is the contract for bad input; anything else escaping is a finding), and a
// request made from bytes.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "server/http/reply.h"

namespace gongyou::fuzz {

/// The fuzzer's bytes as a string view.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `parse`; an http::ApiError with a 4xx status (a clear refusal) is fine, anything else escapes and crashes.
template <class Parse>
void expect_ok_or_refusal(Parse&& parse) {
  try {
    parse();
  } catch (const server::http::ApiError& refusal) {
    if (refusal.status() < 400 || refusal.status() >= 500) __builtin_trap();  // a refusal must be a client error
  }
}

/// Splits `text` into query parameters as cpp-httplib would hand them over (key=value pairs split at '&').
inline void fill_params(httplib::Request& req, std::string_view text) {
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const std::size_t eq = pair.find('=');
    req.params.emplace(std::string(pair.substr(0, eq)),
                       eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
}

}  // namespace gongyou::fuzz
