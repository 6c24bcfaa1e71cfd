// wasm/platform/canvas_font.cpp — see canvas_font.h. The only file that draws text with Canvas 2D.
//
// [SECTION] Canvas 2D calls (EM_JS)
// [SECTION] ImFontLoader callbacks
// [SECTION] Public API
#include "wasm/platform/canvas_font.h"

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

namespace gongyou::platform {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Canvas 2D calls (EM_JS)
//-----------------------------------------------------------------------------

// One small canvas, reused for every glyph; the font family is the page's --gy-font (shell/style.css),
// so the UI and the page's own text (loading screen, map labels) use the same face.
EM_JS(void, gy_js_glyph_init, (), {
  const canvas = document.createElement("canvas");
  canvas.width = 64;
  canvas.height = 64;
  const family = getComputedStyle(document.documentElement).getPropertyValue("--gy-font").trim();
  Module.gyGlyph = {
    canvas: canvas,
    ctx: canvas.getContext("2d", { willReadFrequently: true }),
    family: family || "sans-serif",
    image: null,
  };
});

// Ascent and descent (CSS px, both positive) of the font's em box at `px`, from the CJK ideograph 国.
EM_JS(void, gy_js_font_metrics, (float px, float* out), {
  const g = Module.gyGlyph;
  g.ctx.font = px + "px " + g.family;
  const m = g.ctx.measureText("国");
  HEAPF32[out >> 2] = m.fontBoundingBoxAscent !== undefined ? m.fontBoundingBoxAscent : px * 0.88;
  HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent !== undefined ? m.fontBoundingBoxDescent : px * 0.12;
});

// The advance width of one character at `px`.
EM_JS(float, gy_js_glyph_advance, (int codepoint, float px), {
  const g = Module.gyGlyph;
  g.ctx.font = px + "px " + g.family;
  return g.ctx.measureText(String.fromCodePoint(codepoint)).width;
});

// Draws one character at `px` in white; box receives [width, height, pen x, baseline y] of the bitmap,
// width 0 when the character has no ink (a space). A pixel of margin keeps antialiasing unclipped.
EM_JS(void, gy_js_draw_glyph, (int codepoint, float px, int* box), {
  const g = Module.gyGlyph, ch = String.fromCodePoint(codepoint), font = px + "px " + g.family;
  g.ctx.font = font;
  const m = g.ctx.measureText(ch);
  const left = Math.ceil(m.actualBoundingBoxLeft) + 1, right = Math.ceil(m.actualBoundingBoxRight) + 1;
  const ascent = Math.ceil(m.actualBoundingBoxAscent) + 1, descent = Math.ceil(m.actualBoundingBoxDescent) + 1;
  const w = left + right, h = ascent + descent;
  const ink = m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0;
  HEAP32[box >> 2] = ink ? w : 0;
  HEAP32[(box >> 2) + 1] = ink ? h : 0;
  HEAP32[(box >> 2) + 2] = left;
  HEAP32[(box >> 2) + 3] = ascent;
  if (!ink) return;
  if (g.canvas.width < w || g.canvas.height < h) {
    g.canvas.width = Math.max(g.canvas.width, w);
    g.canvas.height = Math.max(g.canvas.height, h);
    g.ctx.font = font;  // resizing resets the context
  }
  g.ctx.clearRect(0, 0, w, h);
  g.ctx.fillStyle = "#fff";
  g.ctx.textBaseline = "alphabetic";
  g.ctx.fillText(ch, left, ascent);
  g.image = g.ctx.getImageData(0, 0, w, h).data;
});

// Copies the alpha channel of the last drawn glyph into dst (width × height bytes).
EM_JS(void, gy_js_copy_glyph, (unsigned char* dst), {
  const d = Module.gyGlyph.image;
  for (let i = 3, j = dst; i < d.length; i += 4) HEAPU8[j++] = d[i];
});

//-----------------------------------------------------------------------------
// [SECTION] ImFontLoader callbacks
//-----------------------------------------------------------------------------

/// ImGui sizes a font by its line height (ascent + descent); CSS sizes it by the em square. For
/// Noto Sans CJK the line is 1.448 em; measured once, for whatever face the browser picked.
float g_line_per_em = 1.0f;

float css_px(const ImFontBaked* baked) { return baked->Size / g_line_per_em; }

bool loader_init(ImFontAtlas*) {
  gy_js_glyph_init();
  float metrics[2];
  gy_js_font_metrics(100.0f, metrics);
  const float line = metrics[0] + metrics[1];
  g_line_per_em = line > 0 ? line / 100.0f : 1.0f;
  return true;
}

bool font_src_init(ImFontAtlas*, ImFontConfig*) { return true; }

// The browser falls back across its fonts by itself: every character can be drawn.
bool font_src_contains_glyph(ImFontAtlas*, ImFontConfig*, ImWchar codepoint) { return codepoint >= 0x20; }

bool font_baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
  if (src->MergeMode) return true;
  float metrics[2];
  gy_js_font_metrics(css_px(baked), metrics);
  baked->Ascent = ImCeil(metrics[0]);
  baked->Descent = ImFloor(-metrics[1]);
  return true;
}

bool font_baked_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
                           ImFontGlyph* out_glyph, float* out_advance_x) {
  const float density = src->RasterizerDensity * baked->RasterizerDensity;
  const float raster_px = css_px(baked) * density;
  const float advance = gy_js_glyph_advance(static_cast<int>(codepoint), raster_px) / density;
  if (out_advance_x) {  // metrics-only mode (very large sizes)
    *out_advance_x = advance;
    return true;
  }
  out_glyph->Codepoint = codepoint;
  out_glyph->AdvanceX = advance;

  int box[4];  // width, height, pen x, baseline y — in raster pixels
  gy_js_draw_glyph(static_cast<int>(codepoint), raster_px, box);
  const int w = box[0], h = box[1];
  if (w <= 0 || h <= 0) return true;  // no ink: advance only

  const ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, w, h);
  if (pack_id == ImFontAtlasRectId_Invalid) return false;  // atlas full (TexMaxWidth/Height)
  ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack_id);
  ImFontAtlasBuilder* builder = atlas->Builder;
  builder->TempBuffer.resize(w * h);
  gy_js_copy_glyph(builder->TempBuffer.Data);

  const float scale = 1.0f / density;
  out_glyph->X0 = -box[2] * scale;
  out_glyph->Y0 = IM_ROUND(baked->Ascent) - box[3] * scale;
  out_glyph->X1 = out_glyph->X0 + w * scale;
  out_glyph->Y1 = out_glyph->Y0 + h * scale;
  out_glyph->Visible = true;
  out_glyph->PackId = pack_id;
  ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, builder->TempBuffer.Data,
                                     ImTextureFormat_Alpha8, w);
  return true;
}

const ImFontLoader* canvas_font_loader() {
  static ImFontLoader loader;
  loader.Name = "canvas2d";
  loader.LoaderInit = loader_init;
  loader.FontSrcInit = font_src_init;
  loader.FontSrcContainsGlyph = font_src_contains_glyph;
  loader.FontBakedInit = font_baked_init;
  loader.FontBakedLoadGlyph = font_baked_load_glyph;
  return &loader;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

ImFont* add_canvas_font(ImFontAtlas* atlas, float size) {
  atlas->SetFontLoader(canvas_font_loader());
  ImFontConfig config;
  config.SizePixels = size;
  config.FontLoader = canvas_font_loader();
  config.FontDataOwnedByAtlas = true;  // there are no font bytes to copy
  ImFormatString(config.Name, IM_ARRAYSIZE(config.Name), "system sans-serif (Canvas 2D)");
  return atlas->AddFont(&config);
}

}  // namespace gongyou::platform
