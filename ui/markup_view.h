// ui/markup_view.h — an article body (core/markup.h blocks, parsed once when the article arrived) drawn by ImGui:
// headings larger, bold drawn twice a pixel apart (the atlas holds one weight), lists indented with bullets or
// numbers, text wrapped at the panel's width with Chinese broken between characters, links underlined in blue and
// tappable (FollowArticleLink, which opens only https links), and images as a tappable placeholder with their
// caption (the client cannot decode PNG into a texture yet; the tap opens the image itself in a new tab).
// Allocates nothing per frame: spans are drawn from the document's own strings.
#pragma once
#include <vector>

#include "app/intent.h"
#include "core/markup.h"

namespace gongyou::ui {

/// Draws `document` at the cursor, `width` CSS px wide; a release while `dragged` (a scroll) follows no link.
void draw_markup(const MarkupDocument& document, float width, bool dragged, std::vector<Intent>& intents);

}  // namespace gongyou::ui
