#!/usr/bin/env bash
# Fuzzes a reader for a while (default 60 s) with libFuzzer. Not part of `make test`.
#   tests/fuzz/run-fuzz.sh [seconds] [workbook|terminalfacts|nmapxml|backupjson|exif]
# workbook starts from the reference workbooks and the generated variants; terminalfacts from the
# example collector outputs in tests/data/terminals; nmapxml from the scan fixtures in tests/data/scans;
# backupjson from the questionnaires in tests/data/backup; exif from small JPEG and PNG headers with
# EXIF (orientation, dates, GPS, XMP) generated below.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
target=${2:-workbook}
build=build-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v clang++ >/dev/null || { echo "run-fuzz: clang is needed (apt-get install clang)"; exit 2; }
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFIELDSURVEY_FUZZ=ON -DFIELDSURVEY_WERROR=OFF >/dev/null
cmake --build "$build" --target "fuzz_$target"

mkdir -p "$work/corpus"
if [ "$target" = terminalfacts ]; then
    cp tests/data/terminals/*.json "$work/corpus/"
elif [ "$target" = nmapxml ]; then
    cp tests/data/scans/*.xml "$work/corpus/"
elif [ "$target" = backupjson ]; then
    cp tests/data/backup/*.json "$work/corpus/"
elif [ "$target" = exif ]; then
    python3 - "$work/corpus" <<'PY'
import struct, sys, zlib
def tiff(be):
    e = '>' if be else '<'
    def ifd(tags, at):
        table, data = struct.pack(e + 'H', len(tags)), b''
        end = at + 2 + 12 * len(tags) + 4
        for tag, typ, count, value in tags:
            if len(value) <= 4:
                table += struct.pack(e + 'HHI', tag, typ, count) + value.ljust(4, b'\0')
            else:
                table += struct.pack(e + 'HHII', tag, typ, count, end + len(data))
                data += value + b'\0' * (len(value) % 2)
        return table + b'\0\0\0\0' + data
    asc = lambda t, s: (t, 2, len(s) + 1, s + b'\0')
    exif = [asc(0x9003, b'2025:03:14 10:20:30'), asc(0x9011, b'+09:00')]
    gps = [(0, 1, 4, b'\2\3\0\0'), asc(1, b'N'), (2, 5, 3, struct.pack(e + '6I', 35, 1, 41, 1, 2245, 100))]
    ifd0 = lambda a, b: [asc(0x10F, b'FieldCam'), asc(0x110, b'FC-1'), (0x112, 3, 1, struct.pack(e + 'H', 6)),
                         (0x8769, 4, 1, struct.pack(e + 'I', a)), (0x8825, 4, 1, struct.pack(e + 'I', b))]
    a = 8 + len(ifd(ifd0(0, 0), 8)); b = a + len(ifd(exif, a))
    return (b'MM\0*' if be else b'II*\0') + struct.pack(e + 'I', 8) + ifd(ifd0(a, b), 8) + ifd(exif, a) + ifd(gps, b)
seg = lambda m, p: b'\xff' + bytes([m]) + struct.pack('>H', len(p) + 2) + p
xmp = seg(0xE1, b'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude="35,41N"/>')
sos = seg(0xDA, b'\1\1\0\0\x3f\0') + b'\x12\x34\xff\0\x56\xff\xd9'
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
for be in (False, True):
    body = seg(0xE1, b'Exif\0\0' + tiff(be))
    open(f'{sys.argv[1]}/exif-{int(be)}.jpg', 'wb').write(b'\xff\xd8' + body + xmp + sos)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 0, 0, 0, 0))
    png += chunk(b'eXIf', tiff(be)) + chunk(b'IDAT', zlib.compress(b'\0\0')) + chunk(b'IEND', b'')
    open(f'{sys.argv[1]}/exif-{int(be)}.png', 'wb').write(png)
PY
else
    cp ../shared/corpus/intake/*.xlsx "$work/corpus/"
    python3 tests/data/intake/make_workbooks.py "$work/generated" >/dev/null
    # The variants seed the corpus; the hostile files too (the bombs are left out: they only test
    # the size limits and would slow every run down).
    find "$work/generated" -name '*.xlsx' ! -name '*bomb*' ! -name 'huge-*' -exec cp {} "$work/corpus/" \;
fi
"$build/tests/fuzz/fuzz_$target" "$work/corpus" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
    -print_final_stats=1
