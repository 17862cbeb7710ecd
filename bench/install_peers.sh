#!/usr/bin/env bash
# Installs the page-cleaning peers that bench/wcxb_compare.sh measures, outside the
# repository: readability-lxml from Debian (python3-readability, run by
# /usr/bin/python3) and Readability.js (@mozilla/readability + jsdom from npm) into
# $ECHOES_PEERS_DIR (default /work/peers, else ~/.cache/echoes-peers).
set -euo pipefail
peers=${ECHOES_PEERS_DIR:-$( [ -w /work ] && echo /work/peers || echo "$HOME/.cache/echoes-peers")}
if ! /usr/bin/python3 -c "import readability, lxml" 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "run: sudo apt-get install -y python3-readability python3-lxml" >&2
    exit 1
  fi
  apt-get install -y -qq python3-readability python3-lxml >/dev/null
fi
command -v node >/dev/null || { echo "Readability.js needs node (and npm)" >&2; exit 1; }
if [ ! -d "$peers/node/node_modules/@mozilla/readability" ] || [ ! -d "$peers/node/node_modules/jsdom" ]; then
  mkdir -p "$peers/node"
  (cd "$peers/node" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund @mozilla/readability jsdom >/dev/null)
fi
echo "$peers"
