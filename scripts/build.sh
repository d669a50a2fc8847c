#!/usr/bin/env bash
# Builds Caseboard (the binary at build/caseboard, the web UI in web/dist, and the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
ninja -C build
