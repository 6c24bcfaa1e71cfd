#!/usr/bin/python3
"""tools/package_web.py — assembles the served front end in build/web.

Every file except index.html gets a content hash in its name (served with a one-year immutable
cache); index.html (no-cache) names them. Text-like files also get precompressed .br and .gz
siblings, which the server sends when the browser accepts them.

Usage: package_web.py OUT_DIR APP_JS APP_WASM SHELL_DIR LEAFLET_DIST
"""
import gzip
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys

COMPRESSIBLE = {".js", ".wasm", ".css", ".html", ".svg", ".json"}


def hashed_name(src: pathlib.Path, stem: str) -> str:
    return f"{stem}.{hashlib.sha256(src.read_bytes()).hexdigest()[:12]}{src.suffix}"


def hashed_copy(src: pathlib.Path, out: pathlib.Path, stem: str) -> str:
    name = hashed_name(src, stem)
    shutil.copyfile(src, out / name)
    return name


def compress(path: pathlib.Path):
    if path.suffix not in COMPRESSIBLE:
        return
    data = path.read_bytes()
    with open(str(path) + ".gz", "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    subprocess.run(["brotli", "--best", "--force", "--output=" + str(path) + ".br", str(path)], check=True)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    out, app_js, app_wasm, shell, leaflet = (pathlib.Path(a) for a in sys.argv[1:])
    inputs = {app_js: "gongyou", app_wasm: "gongyou", shell / "boot.js": "boot", shell / "icon.svg": "icon",
              shell / "style.css": "style", leaflet / "leaflet.js": "leaflet", leaflet / "leaflet.css": "leaflet"}
    # Nothing changed (same hashed names, same page): leave build/web alone.
    index = out / "index.html"
    if index.exists() and all((shell / f).stat().st_mtime < index.stat().st_mtime for f in ("index.html", "sw.js")) and all(
            (out / hashed_name(src, stem)).exists() for src, stem in inputs.items()):
        return
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    names = {
        "app_js": hashed_copy(app_js, tmp, "gongyou"),
        "app_wasm": hashed_copy(app_wasm, tmp, "gongyou"),
        "boot_js": hashed_copy(shell / "boot.js", tmp, "boot"),
        "icon": hashed_copy(shell / "icon.svg", tmp, "icon"),
        "style_css": hashed_copy(shell / "style.css", tmp, "style"),
        "leaflet_js": hashed_copy(leaflet / "leaflet.js", tmp, "leaflet"),
        "leaflet_css": hashed_copy(leaflet / "leaflet.css", tmp, "leaflet"),
    }
    shutil.copytree(leaflet / "images", tmp / "images")  # leaflet.css refers to images/ by relative path
    html = (shell / "index.html").read_text(encoding="utf-8")
    for key, name in names.items():
        html = html.replace("{{" + key + "}}", name)
    if "{{" in html:
        sys.exit("index.html has a placeholder that package_web.py does not fill")
    (tmp / "index.html").write_text(html, encoding="utf-8")
    # The service worker keeps a fixed name (the page registers /sw.js) and lists the hashed files.
    assets = sorted(names.values()) + sorted("images/" + p.name for p in (leaflet / "images").iterdir())
    version = hashlib.sha256((html + "".join(assets)).encode()).hexdigest()[:12]
    sw = (shell / "sw.js").read_text(encoding="utf-8").replace("{{version}}", version)
    (tmp / "sw.js").write_text(sw.replace("{{assets}}", json.dumps(assets)), encoding="utf-8")
    for path in list(tmp.iterdir()):
        if path.is_file():
            compress(path)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    for key in ("app_wasm", "app_js"):
        p = out / names[key]
        print(f"web: {p.name}: {p.stat().st_size} B, br {(out / (p.name + '.br')).stat().st_size} B, "
              f"gz {(out / (p.name + '.gz')).stat().st_size} B")


if __name__ == "__main__":
    main()
