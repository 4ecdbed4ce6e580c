#!/bin/sh
# Installs the Debian packages the test suite drives: chromium (headless browser tests of the
# HTML views) and raptor2-utils (`rapper`, an independent Turtle parser). Skips what is present;
# needs root (or sudo) and apt-get, otherwise says what to install and leaves it to the user.
set -e
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: please install:$need (tests that need them are skipped)" >&2
    exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "install-system-deps: installing$need" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
