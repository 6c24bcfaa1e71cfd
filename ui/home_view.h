// ui/home_view.h — 首页: the union's service tiles (only the services that exist; staff see theirs too), the site
// nearest to the worker, and their next booking. Reads the App's state, emits Intents; no I/O.
#pragma once
#include <vector>

#include "app/app.h"
#include "app/intent.h"
#include "ui/i18n.h"

namespace gongyou::ui {

/// Who sees a tile: everyone, union staff (admins included), or admins only (the sites, rosters and lectures).
enum class TileFor : std::uint8_t { everyone, union_staff, admin };

/// One tile of the home screen: what it shows and what a tap asks for. ui/home_view.cpp lists them; a new service
/// adds its tile there (docs/architecture.md).
struct ServiceTile {
  const char* glyph;   ///< one character drawn on the tile ("阵", "学", ...)
  std::uint32_t rgb;   ///< the tile's colour, 0xRRGGBB
  Text label;
  TileFor shown_to;    ///< who sees it
  const char* mark;    ///< the test hook's name of the tile
  void (*tap)(const App& app, std::vector<Intent>& intents);  ///< the intents of a tap
};

/// The home screen.
class HomeView {
 public:
  /// `phone`: 44 px targets and four tiles a row on a narrow sheet.
  void draw(const App& app, bool phone, std::vector<Intent>& intents);
};

}  // namespace gongyou::ui
