#!/usr/bin/python3
"""Reads the benchmark file with openpyxl in read-only mode (the library behind rpaframework's
Excel support), or the CSV with Python's csv module, and reports rows/s (wall clock and per CPU-second) and peak RSS.

Usage: /usr/bin/python3 bench/spreadsheet/openpyxl_read.py /tmp/sheet-bench/bench.xlsx
       /usr/bin/python3 bench/spreadsheet/openpyxl_read.py /tmp/sheet-bench/bench.csv
"""
import csv
import resource
import sys
import time


def read_xlsx(path):
    import openpyxl
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = 0
    cells = 0
    for values in sheet.iter_rows(min_row=2, values_only=True):
        rows += 1
        cells += len(values)
    workbook.close()
    return rows, cells


def read_csv(path):
    rows = 0
    cells = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for values in reader:
            rows += 1
            cells += len(values)
    return rows, cells


def main():
    path = sys.argv[1]
    started = time.perf_counter()
    cpu_started = time.process_time()
    rows, cells = read_csv(path) if path.endswith(".csv") else read_xlsx(path)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    library = "csv module" if path.endswith(".csv") else "openpyxl read_only"
    print("%s %s: %d rows in %.2f s = %.0f rows/s; CPU %.2f s = %.0f rows per CPU-second; peak RSS %.1f MB"
          " [check %d]" % (library, path, rows, seconds, rows / seconds, cpu_seconds, rows / cpu_seconds, peak_rss_mb,
                           cells))


if __name__ == "__main__":
    main()
