#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target into $1/<target>/: the committed seeds in Fuzz/Seeds, the test
# fixtures, the shipped themes, the `cutover init` template and pydicom's bundled test files (copied, never
# committed). Targets that read a control byte first (chunk sizes, file names) get each document a few times,
# behind different control bytes.
set -euo pipefail
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures=$root/Tests/CutoverFormatsTests/Fixtures
seeds=$root/Fuzz/Seeds
rm -rf "$out"

# seed TARGET NAME FILE [CONTROL_BYTE...]: one corpus file per control byte, or the file as it is without any.
seed() {
    local target=$1 name=$2 file=$3
    shift 3
    mkdir -p "$out/$target"
    if [ $# -eq 0 ]; then
        cp "$file" "$out/$target/$name"
        return
    fi
    for control in "$@"; do
        { printf "\\x$control"; cat "$file"; } > "$out/$target/$name-$control"
    done
}

for f in "$fixtures"/*.ndjson "$seeds"/FuzzResultLines/*; do
    seed FuzzResultLines "$(basename "$f")" "$f" 07 3f ff   # chunks of 8, 64 and 64 bytes; batches of 1, 1, 4
done
for f in "$fixtures"/events* "$fixtures"/*job*.json "$seeds"/FuzzEvents/*; do
    seed FuzzEvents "$(basename "$f")" "$f" 00 10 ff   # a growing file polled every 16, 272 and 4096 bytes
    gzip -9nc "$f" > "$out/gzip.tmp"
    seed FuzzEvents "$(basename "$f").gz" "$out/gzip.tmp" 40
done
rm -f "$out/gzip.tmp"
for f in "$fixtures"/*.json; do
    seed FuzzManifest "$(basename "$f")" "$f"
done
for f in "$seeds"/FuzzInventory/*; do
    seed FuzzInventory "$(basename "$f")" "$f" 1e 1f 20 c0   # .csv, .ndjson, .txt (sniffed); reads of 11 and 65 bytes
done

# The init template, as written, and with every commented-out example switched on.
template=$(mktemp)
sed -n '/static let text = """/,/^        """/p' "$root/Sources/CutoverFormats/Config/ConfigTemplate.swift" \
    | sed '1d;$d; s/^        //' > "$template"
seed FuzzConfigTOML cutover-init.toml "$template"
sed 's/^# \([a-z[]\)/\1/' "$template" > "$template.on"
seed FuzzConfigTOML cutover-init-all-sections.toml "$template.on"
rm -f "$template" "$template.on"
for f in "$seeds"/FuzzConfigTOML/*; do seed FuzzConfigTOML "$(basename "$f")" "$f"; done
for f in "$root"/themes/*.toml; do seed FuzzThemeTOML "$(basename "$f")" "$f"; done

# pydicom's test files are the widest set of real DICOM layouts at hand; without pydicom the target starts from
# an empty corpus and says so.
mkdir -p "$out/FuzzDicomHeader"
if pydicom=$(${PYTHON:-python3} -c 'import pydicom.data,os;print(os.path.dirname(pydicom.data.__file__))' 2>/dev/null); then
    for f in "$pydicom"/test_files/*; do
        [ -f "$f" ] && cp "$f" "$out/FuzzDicomHeader/"
    done
else
    echo "pydicom is not installed: FuzzDicomHeader starts without seeds (make deps installs it)" >&2
fi
