// server/unions/union_directory.cpp — see union_directory.h.
#include "server/unions/union_directory.h"

#include <algorithm>

#include "core/pinyin.h"

namespace gongyou::server {
namespace {

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace

std::vector<UnionRecord> UnionDirectory::numbered(std::vector<UnionRecord> unions) {
  std::sort(unions.begin(), unions.end(), [](const UnionRecord& a, const UnionRecord& b) { return a.id < b.id; });
  std::unordered_map<UnionId, std::size_t> index;
  std::unordered_map<UnionId, std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < unions.size(); ++i) index[unions[i].id] = i;
  for (std::size_t i = 0; i < unions.size(); ++i) {
    if (unions[i].parent && index.contains(*unions[i].parent)) children[*unions[i].parent].push_back(i);
    else roots.push_back(i);
  }
  int next = 0;
  // Iterative pre-order walk: the tree may be deep enough that recursion is not worth the risk.
  std::vector<std::pair<std::size_t, bool>> stack;
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.emplace_back(*r, false);
  while (!stack.empty()) {
    auto [i, leaving] = stack.back();
    stack.pop_back();
    if (leaving) {
      unions[i].tree_last = next - 1;
      continue;
    }
    unions[i].tree_first = next++;
    stack.emplace_back(i, true);
    const auto found = children.find(unions[i].id);
    if (found == children.end()) continue;
    for (auto c = found->second.rbegin(); c != found->second.rend(); ++c) stack.emplace_back(*c, false);
  }
  return unions;
}

UnionDirectory::UnionDirectory(std::vector<UnionRecord> unions) : unions_(std::move(unions)) {
  std::sort(unions_.begin(), unions_.end(),
            [](const UnionRecord& a, const UnionRecord& b) { return a.tree_first < b.tree_first; });
  for (std::size_t i = 0; i < unions_.size(); ++i) {
    index_[unions_[i].id] = i;
    initials_.push_back(pinyin_initials(unions_[i].name));
    syllables_.push_back(pinyin_full(unions_[i].name));
  }
  for (std::size_t i = 0; i < unions_.size(); ++i) {
    if (unions_[i].parent && index_.contains(*unions_[i].parent)) children_[*unions_[i].parent].push_back(i);
    else roots_.push_back(i);
  }
  const auto by_id = [this](std::size_t a, std::size_t b) { return unions_[a].id < unions_[b].id; };
  std::sort(roots_.begin(), roots_.end(), by_id);
  for (auto& [parent, list] : children_) std::sort(list.begin(), list.end(), by_id);
}

const UnionRecord* UnionDirectory::find(UnionId id) const {
  const auto found = index_.find(id);
  return found == index_.end() ? nullptr : &unions_[found->second];
}

std::vector<const UnionRecord*> UnionDirectory::roots() const {
  std::vector<const UnionRecord*> list;
  for (const std::size_t i : roots_) list.push_back(&unions_[i]);
  return list;
}

std::vector<const UnionRecord*> UnionDirectory::children(UnionId id) const {
  std::vector<const UnionRecord*> list;
  if (const auto found = children_.find(id); found != children_.end())
    for (const std::size_t i : found->second) list.push_back(&unions_[i]);
  return list;
}

std::vector<const UnionRecord*> UnionDirectory::ancestors(UnionId id) const {
  std::vector<const UnionRecord*> path;
  const UnionRecord* u = find(id);
  while (u && u->parent) {
    u = find(*u->parent);
    if (u) path.push_back(u);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

bool UnionDirectory::within(UnionId id, UnionId top) const {
  const UnionRecord* u = find(id);
  const UnionRecord* t = find(top);
  return u && t && t->tree_first <= u->tree_first && u->tree_first <= t->tree_last;
}

UnionSubtree UnionDirectory::subtree(UnionId id) const {
  const UnionRecord* u = find(id);
  return u ? UnionSubtree{u->tree_first, u->tree_last} : UnionSubtree{0, -1};
}

std::vector<const UnionRecord*> UnionDirectory::search(const UnionSearch& search) const {
  std::vector<const UnionRecord*> found;
  const UnionRecord* top = search.within ? find(*search.within) : nullptr;
  if (search.within && !top) return found;
  const std::string needle = ascii_lower(search.text);
  const bool pinyin = is_pinyin_query(search.text);
  for (std::size_t i = 0; i < unions_.size() && found.size() < search.limit; ++i) {
    const UnionRecord& u = unions_[i];
    if (top && !(top->tree_first < u.tree_first && u.tree_first <= top->tree_last)) continue;
    if (search.level && u.level != *search.level) continue;
    if (!search.region.empty() && u.region != search.region) continue;
    if (!needle.empty()) {
      const bool by_name = ascii_lower(u.name).find(needle) != std::string::npos;
      const bool by_pinyin = pinyin && (initials_[i].find(needle) != std::string::npos ||
                                        syllables_[i].find(needle) != std::string::npos);
      if (!by_name && !by_pinyin) continue;
    }
    found.push_back(&u);
  }
  return found;
}

std::unordered_map<UnionId, std::int64_t> UnionDirectory::subtree_member_counts(
    std::span<const std::pair<UnionId, std::int64_t>> direct) const {
  // Prefix sums over the pre-order: a subtree is a contiguous range of it.
  std::vector<std::int64_t> at(unions_.size() + 1, 0);
  for (const auto& [id, count] : direct)
    if (const auto found = index_.find(id); found != index_.end()) at[found->second + 1] += count;
  for (std::size_t i = 1; i < at.size(); ++i) at[i] += at[i - 1];
  std::unordered_map<UnionId, std::int64_t> counts;
  for (std::size_t i = 0; i < unions_.size(); ++i) {
    const auto last = index_.at(unions_[i].id) + static_cast<std::size_t>(unions_[i].tree_last - unions_[i].tree_first);
    counts[unions_[i].id] = at[last + 1] - at[i];
  }
  return counts;
}

}  // namespace gongyou::server
