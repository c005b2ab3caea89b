#!/bin/sh
# Check a built Redactie.app's signatures inside-out on a Mac: every nested Mach-O file, every framework,
# then the app (strict), Gatekeeper's verdict (spctl) and, when notarized, the stapled ticket.
# Usage: packaging/macos/verify.sh packaging/dist/Redactie.app      (exit 1 on the first problem)
set -eu
app="$1"
if [ "$(uname)" != "Darwin" ]; then echo "verify.sh runs on macOS only" >&2; exit 2; fi
failed=0
find "$app/Contents" -type f ! -path "*/_CodeSignature/*" | while IFS= read -r file; do
    if file -b "$file" | grep -q "Mach-O"; then
        codesign --verify --strict "$file" || { echo "not validly signed: $file" >&2; exit 1; }
        case "$file" in
            */git-credential-manager*|*/gcm*)
                codesign -d --entitlements - "$file" 2>/dev/null | grep -q "allow-jit" ||
                    { echo "missing the JIT entitlement: $file" >&2; exit 1; } ;;
        esac
    fi
done || failed=1
find "$app/Contents" -type d -name "*.framework" | while IFS= read -r framework; do
    codesign --verify --strict "$framework" || { echo "not validly signed: $framework" >&2; exit 1; }
done || failed=1
codesign --verify --strict --deep --verbose=2 "$app" || failed=1
spctl -a -t exec -vv "$app" || failed=1
if xcrun stapler validate "$app" >/dev/null 2>&1; then echo "notarization ticket stapled"; else
    echo "no stapled notarization ticket (fine for a local build, not for a release)" >&2; fi
[ "$failed" -eq 0 ] && echo "signatures ok: $app"
exit "$failed"
