#!/usr/bin/python3
"""tools/check_layers.py — the client's dependencies run one way: core <- app <- ui <- wasm (docs/architecture.md).

Reads every #include of core/, app/, ui/ and wasm/ and fails (exit 1, one line per violation) when a folder reaches
up or aside:
  core/  only core/ and the standard library (no platform, no I/O libraries of the client or server)
  app/   core/ and app/: never ui/, wasm/, server/, tools/, ImGui or Emscripten
  ui/    core/, app/, ui/, ImGui and the QR code generator: never wasm/, server/, tools/ or Emscripten
  wasm/  anything of the client, and the demo data it composes (tools/demo_data/)

Usage: check_layers.py [ROOT]        (ROOT defaults to the repository)
       check_layers.py --self-test   (checks that a violation of each rule is caught)
"""
import pathlib
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)

# For each layer: which quoted include prefixes it may use, and which angle-bracket headers it may not.
RULES = {
    "core": {"quoted": ("core/",), "forbidden_system": ("emscripten", "GLES", "imgui", "httplib", "sqlite3", "libpq")},
    "app": {"quoted": ("core/", "app/"), "forbidden_system": ("emscripten", "GLES", "imgui", "httplib")},
    "ui": {"quoted": ("core/", "app/", "ui/", "imgui", "third_party/qrcodegen/"),
           "forbidden_system": ("emscripten", "GLES", "httplib")},
    "wasm": {"quoted": ("core/", "app/", "ui/", "wasm/", "imgui", "backends/", "tools/demo_data/"),
             "forbidden_system": ("httplib", "sqlite3", "libpq")},
}


def violations(root):
    found = []
    for layer, rule in RULES.items():
        folder = root / layer
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".h", ".cpp", ".inc"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for kind, header in INCLUDE.findall(text):
                closing = ">" if kind == "<" else '"'
                where = f"{path.relative_to(root)}: #include {kind}{header}{closing}"
                if kind == '"' and not header.startswith(rule["quoted"]):
                    found.append(f"{where} — {layer}/ may include only {', '.join(rule['quoted'])}")
                if kind == "<" and header.startswith(rule["forbidden_system"]):
                    found.append(f"{where} — {layer}/ must not use {header.split('/')[0]}")
    return found


def self_test():
    cases = {
        "app/a.h": '#include "ui/theme.h"\n',
        "app/b.h": "#include <emscripten.h>\n",
        "ui/c.h": '#include "wasm/platform/browser.h"\n',
        "core/d.h": '#include "app/app.h"\n',
        "ui/e.h": '#include "tools/demo_data/huian_demo.h"\n',
    }
    for name, text in cases.items():
        with tempfile.TemporaryDirectory() as d:
            root = pathlib.Path(d)
            (root / name).parent.mkdir(parents=True)
            (root / name).write_text(text)
            if not violations(root):
                print(f"self-test: {name} with {text.strip()} was not caught")
                return 1
    with tempfile.TemporaryDirectory() as d:
        root = pathlib.Path(d)
        (root / "ui").mkdir()
        (root / "ui" / "f.h").write_text('#include "app/app.h"\n#include "imgui.h"\n#include <vector>\n')
        if violations(root):
            print("self-test: a lawful include was refused")
            return 1
    print("check_layers self-test: every rule catches its violation")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    found = violations(root)
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) against the direction core <- app <- ui <- wasm (docs/architecture.md)")
        return 1
    print("layers: core <- app <- ui <- wasm holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
