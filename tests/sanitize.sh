#!/usr/bin/env bash
# tests/sanitize.sh: builds the project with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DSESPM_SANITIZE=ON, in build-asan/) and runs the whole test suite under them: any memory
# error or undefined behaviour aborts the test that meets it. Leaks are checked too, with
# tests/lsan.supp naming the third-party libraries that keep memory until exit. Not part of the
# default test run (it takes several minutes); run it after changes to memory-handling code.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSESPM_SANITIZE=ON
cmake --build build-asan --parallel "$(nproc)"
export SESPM_DATA="${SESPM_DATA:-$PWD/../shared/data}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
cd build-asan
# Everything but the GL tests with leak checking on.
ctest --output-on-failure -j 1 -E test_render
# The GL tests (EGL headless render, the window under Xvfb) with leak checking off: Mesa's EGL and
# GLX keep a display's small allocations until the process ends (EGL displays are never destroyed),
# and their frames cannot be named for a suppression. Memory errors and undefined behaviour are
# still fatal there.
ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" ctest --output-on-failure -j 1 -R test_render
