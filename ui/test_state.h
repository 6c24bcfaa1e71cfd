// ui/test_state.h — the browser test hook's snapshot (window.gongyouTest.state, read by tests/e2e): what the App
// shows and where the shell drew its named controls (ui/test_marks.h), as one JSON text. Built only when the page
// was opened with ?test=1.
#pragma once
#include <string>

#include "app/app.h"
#include "ui/app_shell.h"

namespace gongyou::ui {

/// Figures of the frame loop that the snapshot reports too.
struct FrameCounters {
  int presented = 0;  ///< frames rendered to the canvas (the others looked like the one shown)
};

/// The snapshot of this frame (call after drawing it). Never throws: bad UTF-8 is replaced.
std::string test_state_json(const App& app, const AppShell& shell, FrameCounters counters);

}  // namespace gongyou::ui
