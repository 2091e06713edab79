#!/usr/bin/env bash
# Open the course in JupyterLab, installing what it needs first.
# Extra arguments go to JupyterLab: bash scripts/lab.sh --no-browser --port 8899
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh lab
as_root=()
[ "$(id -u)" = 0 ] && as_root=(--allow-root)   # containers and fresh machines often run as root
exec .venv/bin/jupyter lab --notebook-dir=notebooks "${as_root[@]}" "$@"
