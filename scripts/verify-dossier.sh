#!/bin/sh
# Checks a Habeas dossier archive with standard tools only (unzip, sha256sum, grep): every file inside is
# the file the manifest describes, nothing was added or removed, and prints the archive's own SHA-256 so it
# can be compared with the one the defence team gave you. See docs/verify-a-dossier.md.
#   sh scripts/verify-dossier.sh dossier.zip [expected-sha256-of-the-zip]
set -eu
[ $# -ge 1 ] || { echo "usage: $0 DOSSIER.zip [EXPECTED_SHA256]" >&2; exit 2; }
zip=$1
[ -f "$zip" ] || { echo "no such file: $zip" >&2; exit 2; }
archive_sha=$(sha256sum "$zip" | cut -d' ' -f1)
echo "archive SHA-256: $archive_sha"
if [ $# -ge 2 ]; then
  if [ "$archive_sha" = "$2" ]; then echo "archive: matches the expected SHA-256"; else echo "archive: DOES NOT match the expected SHA-256 ($2)"; exit 1; fi
fi
work=$(mktemp -d)
lists=$(mktemp -d)
trap 'rm -rf "$work" "$lists"' EXIT INT TERM
unzip -q "$zip" -d "$work"
cd "$work"
for required in dossier.pdf manifest.json SHA256SUMS; do
  [ -f "$required" ] || { echo "missing $required: not a Habeas dossier"; exit 1; }
done
echo "files:"
sha256sum -c SHA256SUMS || { echo "FAILED: a file differs from its recorded SHA-256"; exit 1; }
# Nothing added or removed: the files present are exactly those listed.
find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort > "$lists/present"
sed 's/^[0-9a-f]\{64\}  //' SHA256SUMS | LC_ALL=C sort > "$lists/listed"
if ! diff "$lists/listed" "$lists/present" > /dev/null; then
  echo "FAILED: files added to or removed from the archive:"; diff "$lists/listed" "$lists/present" | grep '^[<>]' || true; exit 1
fi
# The manifest names the same hashes.
grep -v '  manifest.json$' SHA256SUMS | while read -r hash path; do
  grep -q "\"sha256\": \"$hash\"" manifest.json || { echo "FAILED: manifest.json does not list $path with $hash"; exit 1; }
done
head=$(grep -o '"auditHead": "[0-9a-f]*"' manifest.json | cut -d'"' -f4)
echo "audit log head when made: $head"
echo "OK: every file matches the manifest"
