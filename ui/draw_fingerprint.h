// ui/draw_fingerprint.h — a 64-bit fingerprint of a rendered ImGui frame (its draw lists, clip rectangles, textures
// and framebuffer size), so the loop can leave the canvas alone when a frame would look like the one shown.
//
// Why: ImGui needs a few frames to settle after an event, and most of them draw exactly what is already on the
// screen. Presenting a WebGL frame is the expensive part (the GPU draws it, and a software compositor reads the
// whole canvas back), so an unchanged frame is not presented at all: the canvas keeps showing the last one.
#pragma once
#include <cstdint>

struct ImDrawData;

namespace gongyou::ui {

/// The fingerprint of `draw_data` (after ImGui::Render()); equal fingerprints mean the same pixels, in practice.
std::uint64_t draw_fingerprint(const ImDrawData& draw_data);

/// True when a texture of `draw_data` waits for the renderer (created, updated or destroyed): the frame must be
/// rendered even if its fingerprint is unchanged.
bool textures_pending(const ImDrawData& draw_data);

}  // namespace gongyou::ui
