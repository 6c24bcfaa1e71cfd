// ui/i18n.cpp — see i18n.h. Chinese first: it is the product's language (product.md). The texts live in
// assets/i18n/*.json.
#include "ui/i18n.h"

#include <algorithm>
#include <iterator>

#include <array>
#include <utility>

namespace gongyou::ui {
namespace {

Language g_language = Language::zh_CN;

struct Entry {
  const char* zh;
  const char* en;
};

// The catalogs (assets/i18n/*.json) as tables, generated at build time by tools/i18n/gen_i18n.py, which
// also checks that every language has every key with the same printf conversions.
constexpr Entry kTexts[] = {
#include "ui/i18n_texts.inc"
};
constexpr Entry kWeekdays[] = {
#include "ui/i18n_weekdays.inc"
};
constexpr std::pair<std::string_view, Entry> kFacilities[] = {
#include "ui/i18n_facilities.inc"
};
/// Chinese place and category names and their English, sorted by the Chinese (assets/i18n/en.json "names").
constexpr std::pair<std::string_view, std::string_view> kNames[] = {
#include "ui/i18n_names.inc"
};
static_assert(std::size(kWeekdays) == 7);

}  // namespace

Language language() { return g_language; }

void set_language(Language language) { g_language = language; }

const char* tr(Text text) {
  const Entry& e = kTexts[static_cast<std::size_t>(text)];
  return g_language == Language::zh_CN ? e.zh : e.en;
}

const char* weekday_name(int iso_weekday) {
  const Entry& e = kWeekdays[(iso_weekday - 1 + 7) % 7];
  return g_language == Language::zh_CN ? e.zh : e.en;
}

std::string_view type_name(SiteType type) {
  return g_language == Language::zh_CN ? info(type).name_zh : info(type).name_en;
}

std::string_view local_name(std::string_view chinese) {
  if (g_language == Language::zh_CN) return chinese;
  const auto* end = std::end(kNames);
  const auto* it = std::lower_bound(std::begin(kNames), end, chinese,
                                    [](const auto& entry, std::string_view key) { return entry.first < key; });
  return it != end && it->first == chinese ? it->second : chinese;
}

std::string_view facility_name(std::string_view id) {
  for (const auto& [key, entry] : kFacilities)
    if (key == id) return g_language == Language::zh_CN ? entry.zh : entry.en;
  return id;
}

}  // namespace gongyou::ui
