// server/unions/union_directory.h — the union tree in memory: lookups, children, the path to the root, "is U at
// or below V" for staff scope, and search by name or pinyin initials. Loaded from the store once at start (unions
// are seeded, not edited, so every instance holds the same tree); member counts come from the store per request.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/store/membership_records.h"

namespace gongyou::server {

/// What a union search asks for; every part is optional.
struct UnionSearch {
  std::string text;                   ///< substring of the name, or its pinyin initials / syllables
  std::optional<UnionId> within;      ///< only this union's subtree (the union itself excluded)
  std::optional<UnionLevel> level;    ///< only this level
  std::string region;                 ///< only this region ("" any)
  std::size_t limit = 50;
};

/// The union tree, immutable once built. Safe to read from many threads.
class UnionDirectory {
 public:
  /// A tree from the store's rows (any order; tree numbers as stored).
  explicit UnionDirectory(std::vector<UnionRecord> unions = {});

  /// Numbers a tree in pre-order (children by id): sets tree_first and tree_last of every union. Parents must
  /// exist in the list; the result is in id order.
  static std::vector<UnionRecord> numbered(std::vector<UnionRecord> unions);

  /// The union with this id.
  const UnionRecord* find(UnionId id) const;
  /// The roots (federations), by id.
  std::vector<const UnionRecord*> roots() const;
  /// The direct children of a union, by id.
  std::vector<const UnionRecord*> children(UnionId id) const;
  /// From the root down to the union's parent (empty for a root).
  std::vector<const UnionRecord*> ancestors(UnionId id) const;
  /// True when `id` is `top` or below it.
  bool within(UnionId id, UnionId top) const;
  /// The subtree of a union (which must exist).
  UnionSubtree subtree(UnionId id) const;
  /// Unions matching the search, in tree order (a federation before its towns).
  std::vector<const UnionRecord*> search(const UnionSearch& search) const;
  /// Members of each union's subtree from the direct counts (the store's direct_member_counts()).
  std::unordered_map<UnionId, std::int64_t> subtree_member_counts(
      std::span<const std::pair<UnionId, std::int64_t>> direct) const;
  /// How many unions there are.
  std::size_t size() const { return unions_.size(); }

 private:
  std::vector<UnionRecord> unions_;               ///< in pre-order (tree_first)
  std::vector<std::string> initials_, syllables_; ///< pinyin of each name, same order
  std::unordered_map<UnionId, std::size_t> index_;
  std::unordered_map<UnionId, std::vector<std::size_t>> children_;
  std::vector<std::size_t> roots_;
};

}  // namespace gongyou::server
