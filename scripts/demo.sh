#!/usr/bin/env bash
# The main job on the embedded default: bundled sample corpus → SQLite store → Markdown report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
DB=${NEWSLEDGER_DB:-newsledger.db}
.venv/bin/newsledger ingest examples/ --db "$DB"
.venv/bin/newsledger report --db "$DB"
echo "Browse it: .venv/bin/newsledger serve --db $DB   (http://127.0.0.1:8000)" >&2
