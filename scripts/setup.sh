#!/usr/bin/env bash
# Prepare everything actorlab needs, idempotently: a virtual environment in .venv with
# the project and the extras named in $1 (e.g. "test" or "lab"), and graphviz's `dot`.
# Sourced by scripts/lab.sh and scripts/test.sh; safe to run again (it skips what is done).
set -euo pipefail

extras="${1:?usage: setup.sh EXTRAS (e.g. test, lab)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf 'actorlab setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else return 1; fi; }

# 1. A Python of at least 3.11.
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "actorlab needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1 || echo missing)."
    say "Install it (Debian: apt-get install python3) or point PYTHON at one: PYTHON=python3.12 $0"
    exit 1
fi

# 2. The virtual environment (Debian's Python needs the python3-venv package for it).
if [ ! -x .venv/bin/python ]; then
    if ! "$python" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        if as_root apt-get install -y -qq "python$version-venv" >/dev/null 2>&1 || \
           { as_root apt-get update -qq && as_root apt-get install -y -qq "python$version-venv"; }; then
            "$python" -m venv .venv
        else
            say "could not make a virtual environment. As root run: apt-get install python$version-venv"
            exit 1
        fi
    fi
fi

# 3. The packages, reinstalled only when pyproject.toml or the extras change.
stamp=".venv/.installed-$extras"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    say "installing actorlab[$extras] into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
    echo "$wanted" > "$stamp"
fi

# 4. Programs from the system's packages: graphviz's dot draws the diagrams; the tests
#    also drive JupyterLab in Chromium (Debian's, never a downloaded browser).
install_packages() {   # install_packages PACKAGE...: with apt-get, updating its lists if need be
    { apt-get install -y -qq "$@" || { apt-get update -qq && apt-get install -y -qq "$@"; }; } >/dev/null
}
need_program() {   # need_program COMMAND PACKAGE WHAT
    command -v "$1" >/dev/null 2>&1 && return 0
    if as_root true; then
        say "installing $2 ($3) with apt-get"
        install_packages $2
    else
        say "$3 ('$1') is missing and I am not root, so I cannot install it."
        say "Install it with: sudo apt-get install $2"
        exit 1
    fi
}
need_program dot graphviz "graphviz's dot program"
# The diagrams' fonts, for graphviz's PNGs and Chromium alike: Liberation Sans stands in
# for Helvetica, and DejaVu Sans has the marks it lacks (✉ ✕ ⇄ ⚡). graphviz only
# recommends the first, so a minimal install may lack it.
need_fonts() {
    command -v dpkg >/dev/null 2>&1 || return 0     # not Debian: fonts are up to you
    local missing=""
    for package in fonts-liberation2 fonts-dejavu-core; do
        dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
    done
    [ -z "$missing" ] && return 0
    if as_root true; then
        say "installing$missing (the diagrams' fonts) with apt-get"
        install_packages $missing
    else
        say "the diagrams' fonts are missing and I am not root. Install them with: sudo apt-get install$missing"
        exit 1
    fi
}
need_fonts
if [ "$extras" = test ]; then
    need_program chromium chromium "the Chromium browser, for the notebook tests"
    need_program elixir "elixir erlang-nox" "Elixir on the BEAM, to run each scenario's Elixir twin"
fi
