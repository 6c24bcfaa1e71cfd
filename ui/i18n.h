// ui/i18n.h — every user-visible string of the UI, in Chinese (default) and English.
#pragma once
#include <string_view>

#include "core/site_type.h"

namespace gongyou::ui {

/// The UI language.
enum class Language : std::uint8_t { zh_CN, en };

/// A user-visible text of the UI: one key of the catalogs in assets/i18n/ (zh-CN.json fixes the order).
enum class Text : std::uint16_t {
#include "ui/i18n_keys.inc"  // generated from assets/i18n/zh-CN.json (tools/i18n/gen_i18n.py)
};

/// Weekday name, ISO numbering (1 = Monday).
const char* weekday_name(int iso_weekday);

/// The current language (zh-CN unless switched).
Language language();
/// Switches the language.
void set_language(Language language);
/// The text in the current language (a NUL-terminated literal).
const char* tr(Text text);
/// The site type's name in the current language.
std::string_view type_name(SiteType type);
/// A Chinese place or category name from the data (a town, a course category) in the current language: its English
/// when the catalog knows it (assets/i18n/en.json "names"), else the name as it is.
std::string_view local_name(std::string_view chinese);
/// A facility id ("water", "toilet", ...) in words, or the id itself when unknown.
std::string_view facility_name(std::string_view id);

}  // namespace gongyou::ui
