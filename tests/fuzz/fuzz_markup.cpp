// tests/fuzz/fuzz_markup.cpp — article bodies (core/markup.h): any bytes parse without a crash, within the limits
// (blocks, list depth), into valid UTF-8 spans whose links are all safe https links, and images all ours.
#include "core/markup.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const MarkupDocument document = parse_markup(fuzz::text_of(data, size));
  if (document.blocks.size() > kMaxMarkupBlocks) __builtin_trap();
  for (const MarkupBlock& block : document.blocks) {
    if (block.kind == BlockKind::list_item && (block.level < 1 || block.level > kMaxListDepth)) __builtin_trap();
    if (block.kind == BlockKind::heading && (block.level < 1 || block.level > 3)) __builtin_trap();
    if (block.kind == BlockKind::image && block.image <= 0) __builtin_trap();
    if (block.kind != BlockKind::image && block.spans.empty()) __builtin_trap();
    for (const MarkupSpan& span : block.spans) {
      bool replaced = false;
      if (span.text.empty() || valid_utf8(span.text, &replaced) != span.text || replaced) __builtin_trap();
      for (const char c : span.text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) __builtin_trap();
      if (!span.link.empty() && (!is_safe_link(span.link) || span.link.rfind("https://", 0) != 0)) __builtin_trap();
    }
  }
  (void)markup_plain_text(document, 240);
  return 0;
}
