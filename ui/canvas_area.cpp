// ui/canvas_area.cpp — see canvas_area.h.
#include "ui/canvas_area.h"

#include <algorithm>
#include <cmath>

namespace gongyou {

PixelRect canvas_area(std::span<const float> xywh, float width, float height, float pixel_ratio, float margin) {
  float left = width, top = height, right = 0, bottom = 0;
  for (std::size_t i = 0; i + 3 < xywh.size(); i += 4) {
    if (!(xywh[i + 2] > 0) || !(xywh[i + 3] > 0)) continue;  // empty (or NaN) rectangles cover nothing
    left = std::min(left, xywh[i] - margin);
    top = std::min(top, xywh[i + 1] - margin);
    right = std::max(right, xywh[i] + xywh[i + 2] + margin);
    bottom = std::max(bottom, xywh[i + 1] + xywh[i + 3] + margin);
  }
  left = std::max(left, 0.0f);
  top = std::max(top, 0.0f);
  right = std::min(right, width);
  bottom = std::min(bottom, height);
  if (!(pixel_ratio > 0) || right <= left || bottom <= top) return {0, 0, 1, 1};
  const int x0 = static_cast<int>(std::floor(left * pixel_ratio));
  const int y0 = static_cast<int>(std::floor(top * pixel_ratio));
  const int x1 = static_cast<int>(std::ceil(right * pixel_ratio));
  const int y1 = static_cast<int>(std::ceil(bottom * pixel_ratio));
  return {x0, y0, std::max(x1 - x0, 1), std::max(y1 - y0, 1)};
}

}  // namespace gongyou
