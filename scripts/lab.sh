#!/usr/bin/env bash
# Open the course in JupyterLab, installing what it needs first.
# Extra arguments go to JupyterLab: bash scripts/lab.sh --no-browser --port 8899
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh lab
# Trust the course's own notebooks (sign them with your Jupyter key): JupyterLab shows an
# untrusted notebook's saved diagrams only as their text descriptions until cells run.
.venv/bin/jupyter trust notebooks/[0-9][0-9]_*.ipynb >/dev/null
as_root=()
[ "$(id -u)" = 0 ] && as_root=(--allow-root)   # containers and fresh machines often run as root
exec .venv/bin/jupyter lab --notebook-dir=notebooks "${as_root[@]}" "$@"
