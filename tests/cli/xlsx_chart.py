#!/usr/bin/env python3
"""Check the native charts of a workbook with a real xlsx reader (openpyxl
reads charts back): print one "ok ..." or "not ok ..." line per check.

  xlsx_chart.py FILE.xlsx SHEET SERIES
      SHEET holds one chart with SERIES series; every series' values and
      categories are ranges of SHEET that hold numbers (or =SUM formulas)
      and labels, so the chart shows the sheet's own figures
"""
import re
import sys

import openpyxl
from openpyxl.utils import range_boundaries

failures = 0


def report(ok, name):
    global failures
    print(("ok " if ok else "not ok ") + name)
    if not ok:
        failures += 1


def cells(ws, ref):
    m = re.match(r"^'?(.*?)'?!(.*)$", ref)
    sheet, rng = m.group(1), m.group(2).replace("$", "")
    c1, r1, c2, r2 = range_boundaries(rng)
    return sheet, [ws.cell(row=r, column=c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def main():
    path, sheet, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    charts = ws._charts
    report(len(charts) == 1, "%s has one chart on %s" % (path, sheet))
    if not charts:
        return
    series = charts[0].series
    report(len(series) == want, "the chart has %d series" % want)
    for i, s in enumerate(series):
        vsheet, vals = cells(ws, s.val.numRef.f)
        ref = s.cat.strRef or s.cat.numRef
        csheet, cats = cells(ws, ref.f)
        report(vsheet == sheet and csheet == sheet, "series %d reads its own sheet" % i)
        numeric = all(isinstance(v, (int, float)) or (isinstance(v, str) and v.startswith("=SUM("))
                      for v in vals if v is not None)
        report(len(vals) > 0 and numeric and any(v is not None for v in vals),
               "series %d values are the sheet's figures" % i)
        report(len(cats) == len(vals) and all(isinstance(c, str) and c for c in cats),
               "series %d is labelled by the sheet's names" % i)


main()
sys.exit(1 if failures else 0)
