// wasm/platform/canvas_font.h — the UI font: Dear ImGui glyphs rasterized by the browser's own fonts.
//
// A Dear ImGui 1.92 font loader (ImFontLoader) that draws each glyph, when ImGui first needs it, with
// Canvas 2D fillText in the system's CJK sans-serif (Noto Sans CJK on Linux and Android, PingFang on
// Apple, Microsoft YaHei on Windows). The page ships no font bytes, and every character a worker can
// type or a site can be named renders — no subset can promise that (GB2312 level 1 lacks 驿 of 爱心驿站).
// Glyphs are drawn at the framebuffer's density, so text stays crisp at 2× and 3×.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace gongyou::platform {

/// Adds the UI font to the atlas (size: ImGui's line height in CSS pixels) and returns it.
ImFont* add_canvas_font(ImFontAtlas* atlas, float size);

}  // namespace gongyou::platform
