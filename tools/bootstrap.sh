#!/usr/bin/env bash
# tools/bootstrap.sh — installs everything Gongyou needs on Debian 12, and nothing twice.
#
# Steps (each skipped when already done):
#   1. Debian packages (apt-get), only those missing.
#   2. Dear ImGui and the QR code generator, pinned Debian source packages (checksums verified) -> third_party/.
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
      && -f third_party/imgui/imgui.cpp && -f third_party/qrcodegen/cpp/qrcodegen.cpp && -d node_modules/leaflet ]]; then
  exit 0
fi

# ---- 1. Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config python3 xz-utils ca-certificates
  emscripten                         # Emscripten 3.1.6 (clang-14, binaryen)
  nlohmann-json3-dev                 # JSON (header-only)
  libcpp-httplib-dev                 # HTTP server (header-only use)
  libsqlite3-dev sqlite3             # store
  libpq-dev                          # PostgreSQL store (libpq: PQprepare/PQexecPrepared)
  postgresql                         # PostgreSQL 15 server: test clusters (initdb/pg_ctl), make run-cluster
  nginx                              # make run-cluster: one address in front of several server instances
  libsodium-dev                      # argon2id, random tokens, HMAC
  googletest libgtest-dev            # unit tests (sources also built for wasm)
  brotli gzip                        # precompressed static assets
  libbrotli-dev zlib1g-dev           # brotli and gzip for the national positions answer, compressed once
  chromium                           # browser end-to-end tests (headless, SwiftShader WebGL)
  fonts-noto-cjk                     # the CJK face the browser draws the UI glyphs with (tests, screenshots)
  unicode-data                       # Unihan readings: the pinyin-initials table (core/pinyin.cpp)
  curl procps                        # tests and scripts
  wrk                                # HTTP load measurements (bench/http_load.sh)
  faketime                           # make test: the API suite once more with the wall clock moved (libfaketime)
  clang libfuzzer-14-dev             # make fuzz: libFuzzer harnesses (clang-14 -fsanitize=fuzzer,address,undefined)
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

# ---- 2. Pinned Debian source packages -----------------------------------------------------------
# fetch_debian_source SUITE PACKAGE VERSION TARBALL SHA256 DEST
#   Downloads the upstream tarball of a Debian source package (without touching the system's apt
#   configuration), verifies its checksum and unpacks it into DEST.
fetch_debian_source() {
  local suite=$1 package=$2 version=$3 tarball=$4 sha256=$5 dest=$6
  mkdir -p build/downloads third_party
  if [[ ! -f build/downloads/$tarball ]]; then
    say "fetching $package $version from Debian's source packages ($suite)"
    local mirror d
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    d=$(mktemp -d); mkdir -p "$d/lists/partial"
    echo "deb-src $mirror $suite main" > "$d/sources.list"
    local o=(-o "Dir::Etc::SourceList=$d/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$d/lists")
    apt-get "${o[@]}" update -qq || die "cannot reach Debian's source index ($mirror $suite) for $package"
    # Only the upstream tarball is needed; a missing Debian patch archive is not an error here.
    (cd build/downloads && apt-get "${o[@]}" source --download-only -qq "$package=$version" || true)
    rm -rf "$d"
    [[ -f build/downloads/$tarball ]] \
      || die "Debian's source package $package $version ($suite) is not available; pin another version in tools/bootstrap.sh"
  fi
  echo "$sha256  build/downloads/$tarball" | sha256sum -c --quiet - \
    || die "checksum mismatch for $tarball (expected $sha256)"
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xf "build/downloads/$tarball" -C "$dest" --strip-components=1
}

# Dear ImGui 1.92 (dynamic font atlas), from sid: bookworm's 1.86 ships no imgui.cpp.
[[ -f third_party/imgui/imgui.cpp ]] || fetch_debian_source sid imgui 1.92.2b+ds-1 imgui_1.92.2b+ds.orig.tar.xz \
  e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48 third_party/imgui
[[ -f third_party/imgui/imgui.cpp ]] || die "unpacked imgui has no imgui.cpp"
# Nayuki's QR Code generator (door passes drawn in the wasm UI), from bookworm.
[[ -f third_party/qrcodegen/cpp/qrcodegen.cpp ]] || fetch_debian_source bookworm qr-code-generator 1.8.0-1.1 \
  qr-code-generator_1.8.0.orig.tar.gz 2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60 third_party/qrcodegen
[[ -f third_party/qrcodegen/cpp/qrcodegen.cpp ]] || die "unpacked qr-code-generator has no cpp/qrcodegen.cpp"

# ---- 3. npm packages (committed lock file) ------------------------------------------------------
if [[ ! -d node_modules/leaflet || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p build && touch "$STAMP"
say "ready"
