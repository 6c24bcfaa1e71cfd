// core/quiz_draw.h — the prize draw of a quiz (services.md "Fairness"), a commit-reveal anyone can check: when the
// quiz is created the server draws a secret seed and publishes draw_commitment = SHA-256(seed); after the close it
// publishes the seed, the sorted entrants and the winners, which follow from them by kDrawAlgorithm alone.
// Written once here so that the server, the client's proof page and the tests compute the same thing.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou {

/// How the winners follow from the seed and the entrants, in words (published with every draw).
inline constexpr std::string_view kDrawAlgorithm =
    "sha256-index-v1: entrants are sorted by the bytes of their UTF-8 ids, ascending; entrants_hash is the lowercase "
    "hex SHA-256 of the sorted ids joined by a line feed (no line feed after the last); draw_commitment is the "
    "lowercase hex SHA-256 of the UTF-8 bytes of seed. For k = 0, 1, 2, ...: d = SHA-256 of the UTF-8 bytes of seed, "
    "':' and k in decimal (for example \"<seed>:0\"); x = the first 8 bytes of d as an unsigned big-endian integer; "
    "i = x mod n, where n is the number of entrants not drawn yet; winner k is the entrant at position i (from 0) of "
    "the sorted list of entrants not drawn yet, which then leaves that list. The draw stops after `winners` winners "
    "or when every entrant has won. / 抽奖算法：参与者编号按字节升序排列；对“种子:k”求SHA-256，取前8字节为无符号大端整数，"
    "对剩余人数取余得到位置，该位置的参与者中奖并移出名单，k从0起依次递增。";

/// The lowercase hex SHA-256 of the seed's bytes, published before the quiz opens.
std::string draw_commitment(std::string_view seed);

/// The entrants in the order the draw uses: ascending by bytes, repeats removed.
std::vector<std::string> sorted_entrants(std::vector<std::string> entrants);

/// The lowercase hex SHA-256 of the sorted entrants joined by "\n".
std::string entrants_hash(std::span<const std::string> sorted);

/// The positions in `sorted` of the winners, in the order drawn: min(winners, sorted.size()) distinct positions.
std::vector<std::size_t> draw_winners(std::string_view seed, std::size_t entrant_count, std::size_t winners);

}  // namespace gongyou
