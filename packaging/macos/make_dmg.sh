#!/bin/sh
# Make a DMG holding Redactie.app and a link to /Applications (run on macOS after packaging/build.py).
# Usage: packaging/macos/make_dmg.sh VERSION ARCH   (ARCH: arm64 or x86_64)
# `ditto` (not a plain copy) keeps the bundle's symlinks, extended attributes and signatures intact.
set -eu
version="$1"
arch="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
stage="$(mktemp -d)"
ditto "$here/dist/Redactie.app" "$stage/Redactie.app"
ln -s /Applications "$stage/Applications"
out="$here/dist/Redactie-$version-macos-$arch.dmg"
rm -f "$out"
hdiutil create -volname "Redactie" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
rm -rf "$stage"
echo "$out"
