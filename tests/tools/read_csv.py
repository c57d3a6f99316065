#!/usr/bin/env python3
"""Reads a CSV export with Python's standard csv module and prints a JSON summary.

Usage: read_csv.py FILE DELIMITER
Prints {"bom": bool, "header": [...], "rows": [[...], ...], "line_ends": {"crlf": n, "lf": n}}
(ASCII-only JSON). Exits 1 with a message on stderr when the file is not valid UTF-8 or not
valid CSV (csv.Error: e.g. an unterminated quoted field).
"""
import csv
import io
import json
import sys


def main():
    path, delimiter = sys.argv[1], sys.argv[2]
    with open(path, "rb") as handle:
        data = handle.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    text = data.decode("utf-8", errors="strict")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = [row for row in reader]
    crlf = data.count(b"\r\n")
    summary = {
        "bom": bom,
        "header": rows[0] if rows else [],
        "rows": rows[1:],
        "line_ends": {"crlf": crlf, "lf": data.count(b"\n") - crlf},
    }
    json.dump(summary, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    try:
        main()
    except (UnicodeDecodeError, csv.Error) as error:
        print(f"read_csv.py: {error}", file=sys.stderr)
        sys.exit(1)
