#!/usr/bin/python3
"""tools/build_font.py — builds the UI font: Noto Sans CJK SC cut down to the characters the app shows.

The character set is every non-ASCII character in the UI's C++ sources (strings, icons) plus every
character of the demo data (`gongyou-demo-gen --chars`), plus printable ASCII and CJK punctuation.
Run by `make`; output: build/font/gongyou-ui.otf (CFF outlines, rendered by ImGui's stb_truetype).

Usage: build_font.py DEMO_GEN_BINARY OUTPUT.otf SOURCE_DIR...
"""
import pathlib
import subprocess
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_NAME = "Noto Sans CJK SC"
# Punctuation and symbols the UI formats at run time (numbers, units, separators).
EXTRA = "，。、：；！？“”‘’（）【】《》·…—～　％℃°"


def source_characters(dirs):
    chars = set()
    for d in dirs:
        for path in sorted(pathlib.Path(d).rglob("*")):
            if path.suffix in (".cpp", ".h"):
                chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F)
    return chars


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    demo_gen, output, dirs = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3:]
    chars = source_characters(dirs)
    demo = subprocess.run([demo_gen, "--chars"], check=True, capture_output=True, text=True).stdout
    chars.update(c for c in demo if ord(c) > 0x7F and not c.isspace())
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(EXTRA)

    # Unchanged character set: keep the font (and its content hash) as it is.
    stamp = output.with_suffix(".chars.txt")
    wanted = "".join(sorted(chars))
    if output.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return

    collection = TTCollection(NOTO_CJK)
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == SC_NAME), None)
    if font is None:
        sys.exit(f"{SC_NAME} not found in {NOTO_CJK} (Debian package fonts-noto-cjk)")
    options = subset.Options()
    options.layout_features = []  # ImGui does no shaping
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True  # compresses better, renders the same
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    missing = [c for c in chars if ord(c) not in font.getBestCmap()]
    stamp.write_text(wanted, encoding="utf-8")
    print(f"font: {len(chars)} characters, {output.stat().st_size} bytes -> {output}")
    if missing:
        sys.exit(f"characters missing in {SC_NAME}: {''.join(sorted(missing))}")


if __name__ == "__main__":
    main()
