#!/usr/bin/env bash
# Builds the Debian package, checks what it holds, installs it with apt-get as a user would,
# runs the installed CLI and starts the installed GUI (from its menu entry's Exec line) under Xvfb,
# then removes it again. Installing needs root; without it the test stops after the checks (77).
#   test-deb.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$build/fieldsurvey_${version}_amd64.deb"
fail() { echo "test-deb: $*" >&2; exit 1; }

rm -f "$deb"
(cd "$build" && cpack -G DEB >/dev/null) || fail "cpack failed"
[ -f "$deb" ] || fail "no $deb"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/fieldsurvey ./usr/bin/fieldsurvey-cli \
    ./usr/share/applications/jp.example.fieldsurvey.desktop \
    ./usr/share/metainfo/jp.example.fieldsurvey.metainfo.xml \
    ./usr/share/mime/packages/jp.example.fieldsurvey.xml \
    ./usr/share/icons/hicolor/scalable/apps/jp.example.fieldsurvey.svg \
    ./usr/share/fieldsurvey/fonts/FieldSurveyReportSansJP-Regular.otf \
    ./usr/share/fieldsurvey/fonts/FieldSurveyReportSansJP-Bold.otf \
    ./usr/share/fieldsurvey/fonts/LICENSE-fonts-noto-cjk; do
    grep -qF " $path" <<<"$contents" || fail "the package lacks $path"
done
for size in 16 24 32 48 64 128 256 512; do
    grep -qF "./usr/share/icons/hicolor/${size}x${size}/apps/jp.example.fieldsurvey.png" <<<"$contents" \
        || fail "the package lacks the ${size}px icon"
done
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6widgets6 libqt6sql6-sqlite libssh libquazip1-qt6 fonts-noto-cjk libxlsxwriter4 libpoppler-qt6; do
    grep -q "$needed" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
echo "Depends: $depends"

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
dpkg-deb -x "$deb" "$workdir/root"
desktop-file-validate "$workdir/root/usr/share/applications/jp.example.fieldsurvey.desktop" || fail "invalid .desktop"
appstreamcli validate --no-net --pedantic "$workdir/root/usr/share/metainfo/jp.example.fieldsurvey.metainfo.xml" \
    >"$workdir/appstream.txt" 2>&1 || { cat "$workdir/appstream.txt"; fail "invalid metainfo"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "test-deb: not root, so the package is not installed here"
    exit 77
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "$deb" >"$workdir/apt.txt" 2>&1 || { cat "$workdir/apt.txt"; fail "apt-get install failed"; }
trap 'apt-get remove -y -q fieldsurvey >/dev/null 2>&1 || true; rm -rf "$workdir"' EXIT

out=$(/usr/bin/fieldsurvey-cli --version)
[ "$out" = "fieldsurvey-cli $version" ] || fail "installed CLI says: $out"
echo "$out"

# The installed tool writes the report with the installed font, and the Excel export (libxlsxwriter
# loaded at run time).
/usr/bin/fieldsurvey-cli demo "$workdir/demo.fsv" >/dev/null || fail "demo"
/usr/bin/fieldsurvey-cli report "$workdir/demo.fsv" --pdf "$workdir/report.pdf" --xlsx "$workdir/report.xlsx" \
    >"$workdir/report.txt" 2>&1 || { cat "$workdir/report.txt"; fail "the installed CLI wrote no report"; }
report_fonts=$(pdffonts "$workdir/report.pdf")
grep -q "FieldSurveyReportSansJP" <<<"$report_fonts" || fail "the report does not use the installed font"
report_text=$(pdftotext "$workdir/report.pdf" -)
grep -q "外部ネットワーク接続点の見える化" <<<"$report_text" || fail "the report's text is wrong"
[ -s "$workdir/report.xlsx" ] || fail "no Excel export"
echo "report: ok"

# The menu entry's command, as a desktop would run it, on a real X server (xcb), on the demo.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/jp.example.fieldsurvey.desktop | sed 's/ %[fFuU]//')
export XDG_DATA_HOME="$workdir/data" XDG_CONFIG_HOME="$workdir/config"
unset QT_QPA_PLATFORM
started=$(timeout 60 xvfb-run -a $exec_line --demo --check 2>"$workdir/gui.txt") \
    || { cat "$workdir/gui.txt"; fail "the installed GUI did not start"; }
grep -q "FieldSurvey $version: さぬき中央病院" <<<"$started" || { cat "$workdir/gui.txt"; fail "GUI said: $started"; }
echo "$started"
echo "test-deb: ok"
