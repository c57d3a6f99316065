#!/bin/bash
# Reads a `cronctl export-history --locale pt_BR` file with LibreOffice headless set to Brazilian
# Portuguese (CSV filter: ';', '"', UTF-8, language 1046) and checks what Calc made of it:
# created_at_utc a date, duracao_segundos a number (3.061 s stays 3.061, not 3061), and every
# text cell text (no formula). Usage: check-export-libreoffice.sh FILE.csv  (needs soffice:
# apt-get install libreoffice-calc-nogui). Exit 0: all rows as expected.
set -euo pipefail
csv=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
HOME="$work" soffice --headless --infilter="CSV:59,34,76,1,,1046" --convert-to fods \
    --outdir "$work" "$csv" >"$work/log" 2>&1
python3 - "$work/$(basename "${csv%.*}").fods" <<'PY'
import re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"<table:table-row[^>]*>(.*?)</table:table-row>", xml, re.S)
def cells(row):
    out = []
    for attrs, body in re.findall(r"<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)", row, re.S):
        kind = re.search(r'office:value-type="([^"]+)"', attrs)
        value = re.search(r'office:(?:date-)?value="([^"]+)"', attrs)
        repeat = re.search(r'table:number-columns-repeated="(\d+)"', attrs)
        text = re.sub(r"<[^>]+>", "", body or "").strip()
        for _ in range(int(repeat.group(1)) if repeat else 1):
            out.append((kind.group(1) if kind else None, value.group(1) if value else None, text))
    return out
header = [c[2] for c in cells(rows[0])]
time_col, dur_col = header.index("created_at_utc"), header.index("duracao_segundos")
bad = 0
data = [cells(r) for r in rows[1:] if cells(r) and cells(r)[0][0] is not None]
for r in data:
    kinds = [c[0] for c in r]
    if kinds[time_col] != "date":
        print("not a date:", r[time_col]); bad += 1
    if r[dur_col][2] and not r[dur_col][2].startswith("'") and kinds[dur_col] != "float":
        print("not a number:", r[dur_col]); bad += 1
    for i, c in enumerate(r[:len(header)]):
        if i not in (0, time_col, dur_col) and c[0] not in ("string", None):
            print("not text:", header[i], c); bad += 1
print(f"{len(data)} rows read by LibreOffice (pt-BR): {bad} problem(s)")
for r in data[:3]:
    print("  ", r[time_col][1], r[dur_col][:2])
sys.exit(1 if bad else 0)
PY
