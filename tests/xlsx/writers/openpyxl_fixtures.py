"""Workbooks written by openpyxl (Debian's python3-openpyxl), for tests/xlsx/other-writers.test.ts.

Usage: python3 openpyxl_fixtures.py <output dir>
Each workbook carries one family of features other writers produce and ExcelJS mishandles;
the test asserts its snapshot cell by cell. Nothing here is random: same input, same files.
"""
import datetime
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def plan_sheet(ws):
    """A small projects table: the same cells in every fixture that uses it."""
    ws.append(["Codice", "Titolo", "Scadenza", "Budget totale"])
    ws.append(["DGH", "DigitalGreenHealth", datetime.datetime(2021, 10, 26), 499875])
    ws.append(["RAISE", "Robotics", datetime.datetime(2022, 1, 1, 12, 0), 130000.5])
    ws["C2"].number_format = "DD/MM/YYYY"
    ws["C3"].number_format = "DD/MM/YYYY HH:MM"


# 1. The 1904 date system (Mac Excel's old default): serials count from 1904-01-01.
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
plan_sheet(wb.active)
wb.active.title = "Progetti"
wb.save(out / "openpyxl-1904.xlsx")

# 2. ISO 8601 date cells (t="d"), which Excel 2010+ reads.
wb = openpyxl.Workbook()
wb.iso_dates = True
plan_sheet(wb.active)
wb.active.title = "Progetti"
wb.save(out / "openpyxl-iso-dates.xlsx")

# 3. Comments (openpyxl's absolute relationship target), hyperlinks, error cells, formulas with
#    no saved value, hidden and very hidden sheets, a merged area.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Progetti"
plan_sheet(ws)
ws["A2"].comment = Comment("Progetto capofila", "PMO")
ws["B3"].hyperlink = "https://health.clust-er.it"
ws["E1"] = "Esito"
ws["E2"] = "#N/A"
ws["E2"].data_type = "e"
ws["F1"] = "Somma"
ws["F2"] = "=D2+D3"
ws.merge_cells("A5:C5")
ws["A5"] = "Totale"
hidden = wb.create_sheet("Liste")
hidden.append(["Programma"])
hidden.append(["Horizon Europe"])
hidden.sheet_state = "hidden"
very = wb.create_sheet("_stato")
very["A1"] = "actionplan-sync"
very.sheet_state = "veryHidden"
wb.save(out / "openpyxl-comments.xlsx")

# 4. A workbook whose only sheet is a chart sheet (the data sheet removed after the chart was made).
wb = openpyxl.Workbook()
data = wb.active
data.title = "Dati"
for row in [["Anno", "Progetti"], [2021, 4], [2022, 7]]:
    data.append(row)
chart = BarChart()
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=3), titles_from_data=True)
cs = wb.create_chartsheet("Grafico")
cs.add_chart(chart)
wb.remove(data)
wb.save(out / "openpyxl-chart-only.xlsx")

# 5. The .NET Open XML SDK's style: SpreadsheetML under an "x:" prefix and the relationships
#    namespace under another prefix than "r:". Rewritten from an openpyxl workbook.
wb = openpyxl.Workbook()
plan_sheet(wb.active)
wb.active.title = "Progetti"
plain = out / "openpyxl-plain.xlsx"
wb.save(plain)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def prefixed(xml: str) -> str:
    xml = xml.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')
    xml = re.sub(r"<(/?)([A-Za-z][\w.]*)(?=[\s>/])", lambda m: f"<{m.group(1)}x:{m.group(2)}", xml)
    xml = re.sub(r"<(/?)x:\?", r"<\1?", xml)
    xml = xml.replace(f'xmlns:r="{RELS}"', f'xmlns:rel="{RELS}"').replace(" r:id=", " rel:id=")
    return xml


with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out / "dotnet-prefixed.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename.startswith("xl/") and item.filename.endswith(".xml") and b'xmlns="' + MAIN.encode() + b'"' in data:
            data = prefixed(data.decode("utf-8")).encode("utf-8")
        dst.writestr(item, data)
plain.unlink()
