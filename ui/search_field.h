// ui/search_field.h — a search box whose text follows the state's search text: what the user types goes out as an
// intent, and a search text changed elsewhere (a link, "clear filters") shows in the box instead of the old words.
#pragma once
#include <string>

namespace gongyou::ui {

/// The text buffer of one search box, kept in step with the query it edits.
class SearchField {
 public:
  /// Draws the box, full width, with `hint` while empty; `query` is the state's search text. True when the user
  /// changed the text (then read it with text()).
  bool draw(const char* id, const char* hint, const std::string& query);
  /// The text in the box.
  const char* text() const { return buffer_; }

 private:
  char buffer_[128] = {};
};

}  // namespace gongyou::ui
