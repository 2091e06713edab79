#!/usr/bin/env bash
# Run every test (and every example in the docstrings), installing what they need first.
# Extra arguments go to pytest: bash scripts/test.sh -k deadlock
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
