#!/usr/bin/env python3
"""Read a receivables workbook back with a real xlsx reader (openpyxl) and
check it, printing one "ok ..." or "not ok ..." line per check. Several
commands may follow each other, separated by "+" (one python start, each
workbook read once):

  xlsx_check.py workbook FILE.xlsx OPEN_FEN CLOSING_FEN closed|open
      sheets, header, frozen pane, autofilter, number and date formats,
      totals formulas and their cached values, Chinese text and column
      widths, and the figures against the ledger: the open items add up to
      OPEN_FEN and the closing balances to CLOSING_FEN, to the fen
  xlsx_check.py same A.xlsx B.xlsx
      every cell of every sheet has the same value (formulas as text, and
      their cached values)
  xlsx_check.py csv FILE.xlsx PREFIX
      PREFIX-summary.csv, ... hold the rows of the workbook's sheets
  xlsx_check.py has FILE.xlsx SHEET PATTERN WHAT
      some row of SHEET, as tab-separated text, matches the regular
      expression PATTERN
  xlsx_check.py dump FILE.xlsx
      print every sheet as tab-separated text, for people
"""
import csv
import datetime
import re
import sys
import unicodedata

import openpyxl
from openpyxl.utils import get_column_letter

SHEETS = ["Summary", "Open items", "Received", "Alerts"]
MONEY = "#,##0.00"
failures = 0


def report(ok, name):
    global failures
    print(("ok " if ok else "not ok ") + name)
    if not ok:
        failures += 1


def fen(v):
    """A workbook number (fen / 100 as a double) back to whole fen."""
    return int(round(v * 100))


def cells(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def data_rows(ws):
    """Header, the data rows, and the totals row (or None): rows end at the first empty column A."""
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    data, totals = [], None
    for r in rows[1:]:
        if r[0].value == "Total" and any(isinstance(c.value, str) and c.value.startswith("=SUM(") for c in r):
            totals = r
            break
        if all(c.value is None for c in r):
            break
        data.append(r)
    return header, data, totals


_books = {}


def load(path, data_only=False):
    if (path, data_only) not in _books:
        _books[path, data_only] = openpyxl.load_workbook(path, data_only=data_only)
    return _books[path, data_only]


def check_workbook(path, open_fen, closing_fen, state):
    wb = load(path)
    cached = load(path, data_only=True)
    report(wb.sheetnames == SHEETS, "the sheets are %s (got %s)" % (SHEETS, wb.sheetnames))
    sums = {}
    for name in SHEETS:
        ws, wc = wb[name], cached[name]
        header, data, totals = data_rows(ws)
        last = get_column_letter(len(header))
        report(all(ws.cell(1, i + 1).font.b for i in range(len(header))), name + ": the header row is bold")
        report(ws.freeze_panes == "A2", name + ": the header row is frozen (%s)" % ws.freeze_panes)
        want = "A1:%s%d" % (last, len(data) + 1)
        report(ws.auto_filter.ref == want, name + ": autofilter on %s (got %s)" % (want, ws.auto_filter.ref))
        money = [i for i, h in enumerate(header)
                 if h in ("Credit limit", "Opening", "Invoiced", "Received", "Closing", "Overdue", "Provision",
                          "Amount", "Open amount", "Applied", "Unapplied")
                 or (name == "Summary" and 9 <= i < len(header) - 2)]
        dates = [i for i, h in enumerate(header) if h in ("Invoice date", "Due date", "Date")]
        bad_money = [(r[i].coordinate, r[i].value, r[i].number_format) for r in data for i in money
                     if r[i].value is not None and (r[i].data_type != "n" or r[i].number_format != MONEY
                                                    or isinstance(r[i].value, bool))]
        report(not bad_money, name + ": money cells are numbers formatted #,##0.00 %s" % bad_money[:3])
        bad_dates = [(r[i].coordinate, r[i].value) for r in data for i in dates
                     if r[i].value is not None and not (isinstance(r[i].value, datetime.datetime)
                                                        and r[i].is_date and "yy" in r[i].number_format)]
        report(not bad_dates, name + ": dates are real dates %s" % bad_dates[:3])
        if name == "Open items" or name == "Alerts":
            days = header.index("Days past due") if "Days past due" in header else header.index("Days")
            report(all(isinstance(r[days].value, int) for r in data), name + ": days are whole numbers")
        col = {h: i for i, h in enumerate(header)}
        sums[name] = {h: sum(fen(r[i].value or 0) for r in data) for h, i in col.items() if i in money}
        sums[name]["_rows"] = data
        sums[name]["_col"] = col
        if data and name != "Alerts":
            ok = totals is not None
            report(ok, name + ": a totals row follows the data")
            for i in money:
                h = header[i]
                if not ok or h == "Credit limit":
                    continue
                f = totals[i].value
                letter = get_column_letter(i + 1)
                report(f == "=SUM(%s2:%s%d)" % (letter, letter, len(data) + 1),
                       "%s: %s totals by formula (%s)" % (name, h, f))
                v = wc.cell(totals[i].row, i + 1).value
                report(v is not None and fen(v) == sums[name][h],
                       "%s: the cached total of %s is the sum of the column (%s)" % (name, h, v))
        # Column widths fit the widest text, Chinese counting two.
        narrow = []
        for i, h in enumerate(header):
            texts = [str(h)] + [r[i].value for r in data if isinstance(r[i].value, str)]
            need = max(cells(t) for t in texts)
            width = ws.column_dimensions[get_column_letter(i + 1)].width
            if width is None or width < min(need, 60):
                narrow.append((h, width, need))
        report(not narrow, name + ": columns are wide enough for their text %s" % narrow[:3])

    s, oi, rc = sums["Summary"], sums["Open items"], sums["Received"]
    names = [r[s["_col"]["Customer"]].value for r in s["_rows"]]
    report(any(n and any(unicodedata.east_asian_width(ch) == "W" for ch in n) for n in names),
           "Summary: Chinese customer names are readable text")
    report(oi["Open amount"] == open_fen,
           "the open items add up to the ledger's open invoices at month end: %d = %d" % (oi["Open amount"], open_fen))
    report(s["Closing"] == closing_fen,
           "the closing balances add up to the ledger's balance at month end: %d = %d" % (s["Closing"], closing_fen))
    buckets = [h for h in s["_col"] if 9 <= s["_col"][h] < len(s["_col"]) - 2]
    report(sum(s[b] for b in buckets) == oi["Open amount"],
           "the Summary's aging buckets add up to the open items (%s)" % ", ".join(buckets))
    report(rc["Amount"] == s["Received"], "the Received sheet adds up to the Summary's received column")
    col = s["_col"]
    bad = [r[0].value for r in s["_rows"]
           if fen(r[col["Closing"]].value) != fen(r[col["Opening"]].value) + fen(r[col["Invoiced"]].value)
           - fen(r[col["Received"]].value)]
    report(not bad, "every customer's closing = opening + invoiced - received %s" % bad[:3])
    summary = wb["Summary"]
    notes = [c.value for row in summary.iter_rows(min_row=len(s["_rows"]) + 2) for c in row
             if isinstance(c.value, str) and c.value.startswith("Month ")]
    want = "frozen figures" if state == "closed" else "is not closed: live figures"
    report(len(notes) == 1 and want in notes[0], "the note under the Summary says the month is %s: %s" % (state, notes))


def values(path, data_only):
    wb = load(path, data_only)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def check_same(a, b):
    for data_only in (False, True):
        va, vb = values(a, data_only), values(b, data_only)
        diff = []
        for name in SHEETS:
            ra, rb = va.get(name, []), vb.get(name, [])
            if len(ra) != len(rb):
                diff.append("%s: %d rows, then %d" % (name, len(ra), len(rb)))
            for i, (x, y) in enumerate(zip(ra, rb)):
                if x != y:
                    diff.append("%s row %d: %s, then %s" % (name, i + 1, x, y))
        report(not diff, "every %s of every sheet is the same %s" % ("cached value" if data_only else "cell",
                                                                     diff[:2]))


def check_csv(path, prefix):
    wb = load(path)
    for name in SHEETS:
        header, data, _ = data_rows(wb[name])
        file = "%s-%s.csv" % (prefix, name.lower().replace(" ", "-"))
        with open(file, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        want = [[str(h) for h in header]]
        for r in data:
            out = []
            for c in r:
                v = c.value
                if v is None:
                    out.append("")
                elif isinstance(v, datetime.datetime):
                    out.append(v.date().isoformat())
                elif c.number_format == MONEY:
                    n = fen(v)
                    out.append("%s%d.%02d" % ("-" if n < 0 else "", abs(n) // 100, abs(n) % 100))
                else:
                    out.append(str(v))
            want.append(out)
        report(rows == want, "%s holds the rows of sheet %s (%d rows)%s" % (
            file, name, len(rows) - 1,
            "" if rows == want else ": first difference %s" % next(
                ((a, b) for a, b in zip(rows, want) if a != b), (len(rows), len(want)))))


def text_rows(ws):
    for row in ws.iter_rows():
        yield "\t".join("" if c.value is None else
                        c.value.date().isoformat() if isinstance(c.value, datetime.datetime) else
                        "%.2f" % c.value if c.number_format == MONEY and isinstance(c.value, float) else
                        str(c.value) for c in row)


def check_has(path, sheet, pattern, what):
    rx = re.compile(pattern)
    report(any(rx.search(t) for t in text_rows(load(path)[sheet])), what)


def dump(path):
    for ws in load(path).worksheets:
        print("== %s (frozen %s, filter %s)" % (ws.title, ws.freeze_panes, ws.auto_filter.ref))
        for t in text_rows(ws):
            print(t)


def run(args):
    if args[0] == "workbook":
        check_workbook(args[1], int(args[2]), int(args[3]), args[4])
    elif args[0] == "same":
        check_same(args[1], args[2])
    elif args[0] == "csv":
        check_csv(args[1], args[2])
    elif args[0] == "has":
        check_has(args[1], args[2], args[3], args[4])
    elif args[0] == "dump":
        dump(args[1])
    else:
        sys.exit(__doc__)


def main(argv):
    cmd = []
    for a in argv[1:] + ["+"]:
        if a != "+":
            cmd.append(a)
        elif cmd:
            run(cmd)
            cmd = []
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
