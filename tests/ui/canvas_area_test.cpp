// tests/app/canvas_area_test.cpp — the UI canvas covers the UI's windows in whole device pixels, within the window.
#include "ui/canvas_area.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace gongyou {
namespace {

TEST(CanvasArea, DesktopPanelOnlyNotTheMapBesideIt) {
  const std::vector<float> panel{12, 12, 400, 776};
  EXPECT_EQ(canvas_area(panel, 1280, 800, 1, 8), (PixelRect{4, 4, 416, 792}));
}

TEST(CanvasArea, UnionOfWindowsAndAPopupOverTheMap) {
  const std::vector<float> rects{12, 12, 400, 776, /* a popup */ 600, 300, 200, 100};
  EXPECT_EQ(canvas_area(rects, 1280, 800, 1, 0), (PixelRect{12, 12, 788, 776}));
}

TEST(CanvasArea, ClampedToTheWindow) {
  const std::vector<float> sheet{-5, 500, 400, 400};  // a bottom sheet past the edges of a 390×844 phone
  EXPECT_EQ(canvas_area(sheet, 390, 844, 1, 8), (PixelRect{0, 492, 390, 352}));
}

TEST(CanvasArea, WholeDevicePixelsCoverFractionalRatios) {
  // devicePixelRatio 2.625 (a common Android phone): edges round outwards, so nothing of the UI is cut off.
  const std::vector<float> rect{10.3f, 20.7f, 100.1f, 50.2f};
  const float ratio = 2.625f;
  const PixelRect r = canvas_area(rect, 390, 844, ratio, 0);
  EXPECT_LE(r.x, 10.3f * ratio);
  EXPECT_LE(r.y, 20.7f * ratio);
  EXPECT_GE(r.x + r.width, (10.3f + 100.1f) * ratio);
  EXPECT_GE(r.y + r.height, (20.7f + 50.2f) * ratio);
  EXPECT_LT(r.x + r.width, (10.3f + 100.1f) * ratio + 1);
  EXPECT_EQ(r.x, static_cast<int>(std::floor(10.3f * ratio)));
}

TEST(CanvasArea, NoWindowsOrEmptyOnesGiveOnePixel) {
  EXPECT_EQ(canvas_area({}, 1280, 800, 2, 8), (PixelRect{0, 0, 1, 1}));
  const std::vector<float> empty{100, 100, 0, 50, 10, 10, NAN, 10};
  EXPECT_EQ(canvas_area(empty, 1280, 800, 2, 8), (PixelRect{0, 0, 1, 1}));
}

TEST(CanvasArea, OffScreenWindowCoversNothing) {
  const std::vector<float> off{2000, 2000, 100, 100};
  EXPECT_EQ(canvas_area(off, 1280, 800, 1, 8), (PixelRect{0, 0, 1, 1}));
}

}  // namespace
}  // namespace gongyou
