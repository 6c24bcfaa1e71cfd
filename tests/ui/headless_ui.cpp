// tests/ui/headless_ui.cpp — see headless_ui.h.
#include "tests/ui/headless_ui.h"

#include <filesystem>

#include "ui/theme.h"

namespace gongyou::ui::testing {

HeadlessUi::HeadlessUi(ImVec2 display) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display;
  io.DeltaTime = 1.0f / 60;
  io.ConfigInputTextCursorBlink = false;
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // glyphs on demand, as the browser's canvas font does
  apply_theme();
  has_cjk_font_ = std::filesystem::exists(kCjkFontPath);
  if (has_cjk_font_) {
    ImFontConfig config;
    config.FontNo = 2;  // the .ttc's Simplified Chinese face (Noto Sans CJK SC)
    io.Fonts->AddFontFromFileTTF(kCjkFontPath, kBaseFontSize, &config);
  } else {
    io.Fonts->AddFontDefault();
  }
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::frame(const std::function<void()>& draw) {
  ImGui::NewFrame();
  draw();
  ImGui::Render();
  // The renderer's side of the texture protocol: every request is honoured at once (there is no GPU).
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
    if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(static_cast<ImTextureID>(1));
    if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates)
      tex->SetStatus(ImTextureStatus_OK);
    if (tex->Status == ImTextureStatus_WantDestroy) {
      tex->SetTexID(ImTextureID_Invalid);
      tex->SetStatus(ImTextureStatus_Destroyed);
    }
  }
}

void HeadlessUi::wait(float seconds, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  const float frame_time = io.DeltaTime;
  io.DeltaTime = seconds;
  frame(draw);
  io.DeltaTime = frame_time;
}

void HeadlessUi::tap(ImVec2 at, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  // A finger: it lands (the hover moves there), presses, lifts — one frame each, as a touch screen reports it.
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(at.x, at.y);
  frame(draw);
  io.AddMouseButtonEvent(0, true);
  frame(draw);
  io.AddMouseButtonEvent(0, false);
  frame(draw);
}

}  // namespace gongyou::ui::testing
