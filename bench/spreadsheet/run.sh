#!/usr/bin/env bash
# Spreadsheet read benchmark: generate 1M rows x 10 columns as xlsx and CSV, read them with the
# Engranaje reader under -Xmx256m and with openpyxl (read-only) / Python csv, side by side.
# Usage: bench/spreadsheet/run.sh [dir] [rows]   (from the repository root)
set -euo pipefail
DIR=${1:-/tmp/sheet-bench}
ROWS=${2:-1000000}
mvn -q -pl workers test-compile
mvn -q -pl workers dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="workers/target/classes:workers/target/test-classes:$(cat workers/target/bench.classpath)"
MAIN=dev.engranaje.workers.spreadsheet.SpreadsheetBenchmark
uptime
[ -f "$DIR/bench.xlsx" ] || java -Xmx2g -cp "$CP" $MAIN generate "$DIR" "$ROWS"
java -Xmx256m -XX:+UseSerialGC -cp "$CP" $MAIN read "$DIR/bench.xlsx" 2
java -Xmx256m -XX:+UseSerialGC -cp "$CP" $MAIN read "$DIR/bench.csv" 2
java -Xmx256m -XX:+UseSerialGC -cp "$CP" $MAIN read "$DIR/bench.csv" 2 untyped
java -Xmx256m -XX:+UseSerialGC -cp "$CP" $MAIN worker "$DIR/bench.xlsx"
/usr/bin/python3 bench/spreadsheet/openpyxl_read.py "$DIR/bench.xlsx"
/usr/bin/python3 bench/spreadsheet/openpyxl_read.py "$DIR/bench.csv"
uptime
