// ui/canvas_area.h — the part of the window the UI canvas covers: the bounding box of the UI's windows, in
// whole device pixels. Platform-free (tested natively).
//
// Why not the whole window: every rendered frame of a WebGL canvas is drawn and composited at its full size, and
// a software compositor reads it all back. On a desktop the UI is a side panel, a third of the window; the map
// beside it needs no canvas over it.
#pragma once
#include <span>

namespace gongyou {

/// A rectangle of the window in device pixels.
struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;
  friend bool operator==(const PixelRect&, const PixelRect&) = default;
};

/// The smallest rectangle of whole device pixels holding every UI rectangle (`xywh`: x, y, w, h in CSS px,
/// four floats each) grown by `margin` CSS px, within the window (`width` × `height` CSS px). When there is no
/// UI rectangle, a 1×1 rectangle at the origin (a canvas cannot be empty).
PixelRect canvas_area(std::span<const float> xywh, float width, float height, float pixel_ratio, float margin);

}  // namespace gongyou
