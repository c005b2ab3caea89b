#!/bin/sh
# Sign Redactie.app inside-out (macOS): every nested Mach-O file first (Git Credential Manager's with the
# entitlements .NET needs), then the app itself (no deep signing, which would re-sign GCM without its entitlements). Then verify with verify.sh.
# Usage: packaging/macos/sign.sh "Developer ID Application: ..." packaging/dist/Redactie.app
set -eu
identity="$1"
app="$2"
here="$(cd "$(dirname "$0")" && pwd)"
entitlements="$here/entitlements.plist"
sign() { codesign --force --timestamp --options runtime --sign "$identity" "$@"; }
is_macho() { file -b "$1" | grep -q "Mach-O"; }

# Deepest paths first, so a folder's contents are signed before anything that seals them.
find "$app/Contents" -type f ! -path "*/_CodeSignature/*" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- |
while IFS= read -r file; do
    if is_macho "$file"; then
        case "$file" in
            */git-credential-manager*|*/gcm*) sign --entitlements "$entitlements" "$file" ;;
            *) sign "$file" ;;
        esac
    fi
done
# Frameworks (Qt's) are sealed as bundles after their contents.
find "$app/Contents" -type d -name "*.framework" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- |
while IFS= read -r framework; do sign "$framework"; done
sign "$app"
"$here/verify.sh" "$app"
