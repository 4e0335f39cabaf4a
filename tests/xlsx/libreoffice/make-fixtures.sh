#!/bin/sh
# Regenerates the LibreOffice-written fixtures in this folder (see README.md): the openpyxl and
# XlsxWriter workbooks of ../writers/ opened and saved again by headless LibreOffice Calc.
# Needs python3-openpyxl, python3-xlsxwriter and libreoffice-calc-nogui (Debian packages).
set -eu
PYTHON=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" "$here/../writers/openpyxl_fixtures.py" "$tmp/src"
"$PYTHON" "$here/../writers/xlsxwriter_fixtures.py" "$tmp/src"
# A private LibreOffice profile: nothing read from or left in the user's.
convert() { # <format> <source file>
  soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
    --convert-to "$1" --outdir "$tmp/out" "$tmp/src/$2" >/dev/null
}
for f in openpyxl-comments openpyxl-1904 openpyxl-iso-dates dotnet-prefixed xlsxwriter-table; do
  convert xlsx "$f.xlsx"
  cp "$tmp/out/$f.xlsx" "$here/libreoffice-$f.xlsx"
done
# The same table saved as OpenDocument, which the reader names rather than reads.
convert ods xlsxwriter-table.xlsx
cp "$tmp/out/xlsxwriter-table.ods" "$here/libreoffice-table.ods"
soffice --version | head -n 1 > "$here/VERSION"
