#!/usr/bin/env bash
# tools/bootstrap.sh — installs everything Gongyou needs on Debian 12, and nothing twice.
#
# Steps (each skipped when already done):
#   1. Debian packages (apt-get), only those missing.
#   2. Dear ImGui, pinned source package from Debian (checksum verified) -> third_party/imgui.
#   3. npm ci from the committed package-lock.json -> node_modules/.
# A stamp file under build/ records a finished bootstrap; `make` calls this script before every build,
# and it returns at once when the stamp is newer than this script and the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STAMP="$ROOT/build/.bootstrap-stamp"

say() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bootstrap] error:\033[0m %s\n' "$*" >&2; exit 1; }

if [[ -f "$STAMP" && "$STAMP" -nt tools/bootstrap.sh && "$STAMP" -nt package-lock.json \
      && -f third_party/imgui/imgui.cpp && -d node_modules/leaflet ]]; then
  exit 0
fi

# ---- 1. Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config python3 xz-utils ca-certificates
  emscripten                         # Emscripten 3.1.6 (clang-14, binaryen)
  nlohmann-json3-dev                 # JSON (header-only)
  libcpp-httplib-dev                 # HTTP server (header-only use)
  libsqlite3-dev sqlite3             # store
  libsodium-dev                      # argon2id, random tokens, HMAC
  googletest libgtest-dev            # unit tests (sources also built for wasm)
  brotli gzip                        # precompressed static assets
  chromium                           # browser end-to-end tests (headless, SwiftShader WebGL)
  fonts-noto-cjk python3-fonttools   # CJK font subset built from UI strings and demo data
  curl procps                        # tests and scripts
  wrk                                # HTTP load measurements (bench/http_load.sh)
)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  APT_PACKAGES+=(nodejs npm)
fi
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- 2. Dear ImGui (pinned Debian source package) -----------------------------------------------
IMGUI_VERSION=1.92.2b
IMGUI_TARBALL=imgui_1.92.2b+ds.orig.tar.xz
IMGUI_SHA256=e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48
if [[ ! -f third_party/imgui/imgui.cpp ]]; then
  say "fetching Dear ImGui $IMGUI_VERSION from Debian's source packages"
  mkdir -p build/downloads third_party
  if [[ ! -f build/downloads/$IMGUI_TARBALL ]]; then
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    d=$(mktemp -d); mkdir -p "$d/lists/partial"
    echo "deb-src $mirror sid main" > "$d/sources.list"
    o=(-o "Dir::Etc::SourceList=$d/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$d/lists")
    apt-get "${o[@]}" update -qq || die "cannot reach Debian's source index ($mirror sid) for imgui"
    (cd build/downloads && apt-get "${o[@]}" source --download-only -qq "imgui=${IMGUI_VERSION}+ds-1") \
      || die "Debian's source package imgui ${IMGUI_VERSION}+ds-1 is not available; pin another 1.92.x in tools/bootstrap.sh"
    rm -rf "$d"
  fi
  echo "$IMGUI_SHA256  build/downloads/$IMGUI_TARBALL" | sha256sum -c --quiet - \
    || die "checksum mismatch for $IMGUI_TARBALL (expected $IMGUI_SHA256)"
  rm -rf third_party/imgui && mkdir -p third_party/imgui
  tar -xJf "build/downloads/$IMGUI_TARBALL" -C third_party/imgui --strip-components=1
  [[ -f third_party/imgui/imgui.cpp ]] || die "unpacked imgui has no imgui.cpp"
fi

# ---- 3. npm packages (committed lock file) ------------------------------------------------------
if [[ ! -d node_modules/leaflet || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p build && touch "$STAMP"
say "ready"
