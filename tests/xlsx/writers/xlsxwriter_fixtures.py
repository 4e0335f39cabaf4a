"""Workbooks written by XlsxWriter (Debian's python3-xlsxwriter), for tests/xlsx/other-writers.test.ts.

Usage: python3 xlsxwriter_fixtures.py <output dir>
Deterministic: same input, same files.
"""
import datetime
import re
import sys
import zipfile
from pathlib import Path

import xlsxwriter

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

# 1. An Excel Table with a totals row, rich text, dates, error results, and formulas that the
#    script then turns into one shared-formula group (as Excel and LibreOffice save a filled-down
#    column: the text on the first cell only, the others pointing at it by `si`).
path = out / "xlsxwriter-table.xlsx"
wb = xlsxwriter.Workbook(str(path))
ws = wb.add_worksheet("Budget")
date = wb.add_format({"num_format": "dd/mm/yyyy"})
bold = wb.add_format({"bold": True})
rows = [["DGH", 160000, 2021], ["DGH", 40000, 2022], ["RAISE", 130000, 2022]]
ws.add_table(
    "A1:D5",
    {
        "name": "Costi",
        "total_row": True,
        "columns": [
            {"header": "Progetto", "total_string": "Totale"},
            {"header": "Importo", "total_function": "sum", "total_value": 330000},
            {"header": "Anno"},
            {"header": "Doppio"},
        ],
        "data": rows,
    },
)
for i in range(3):
    ws.write_formula(1 + i, 3, f"=B{2 + i}*2", None, rows[i][1] * 2)
ws.write_rich_string("F1", "Big ", bold, "Data", " e AI")
ws.write_datetime("F2", datetime.datetime(2021, 10, 26), date)
ws.write_formula("F3", "=1/0", None, "#DIV/0!")
ws.write_formula("F4", '=IF(A2="DGH","sì","no")', None, "sì")
wb.close()

# Rewrite D2:D4 as one shared formula group.
with zipfile.ZipFile(path) as src:
    items = [(i, src.read(i.filename)) for i in src.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
    for item, data in items:
        if item.filename == "xl/worksheets/sheet1.xml":
            xml = data.decode("utf-8")
            xml = xml.replace("<f>B2*2</f>", '<f t="shared" ref="D2:D4" si="0">B2*2</f>')
            xml = re.sub(r"<f>B([34])\*2</f>", '<f t="shared" si="0"/>', xml)
            data = xml.encode("utf-8")
        dst.writestr(item, data)

# 2. A macro-enabled workbook (.xlsm) with a VBA project part. The part's bytes are a stand-in
#    (a CFB header): the reader must skip the part, never parse it.
vba = out / "vbaProject.bin"
vba.write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
wb = xlsxwriter.Workbook(str(out / "xlsxwriter-macro.xlsm"))
ws = wb.add_worksheet("Progetti")
ws.write_row(0, 0, ["Codice", "Titolo"])
ws.write_row(1, 0, ["DGH", "DigitalGreenHealth"])
wb.add_vba_project(str(vba))
wb.close()
vba.unlink()
