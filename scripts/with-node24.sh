#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH, installing the runtime first if needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/runtime.sh"
exec "$@"
