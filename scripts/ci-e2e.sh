#!/usr/bin/env bash
# CI step after `npm test`: the end-to-end tests in a real VS Code (code-server + headless chromium), both from
# the checkout and from the packaged .vsix. Works from nothing on Debian 12 as root (or with sudo):
#   - apt: chromium (the browser playwright-core drives) and libkrb5-dev (headers code-server's native build needs);
#     neovim (a second LSP client, test/neovim)
#   - the first run then installs Node 24 and code-server into $GREENML_E2E_CACHE (default ~/.cache/greenml-e2e):
#     about 3 min on 2 cores; later runs on the same machine reuse it. Cache that folder in CI if you can.
# On failure: exit 1, a screenshot under .e2e/ (path printed), and the extension-host and code-server logs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! command -v krb5-config >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # --no-install-recommends keeps chromium's install small (no fonts, drivers or extensions we never use)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev
fi

# A second real LSP client: headless Neovim (Debian's neovim, 0.7 or later) must see the diagnostics of an example.
if ! command -v nvim >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim
fi
node scripts/run-tests.mjs test/neovim

# The HTML report in the same headless chromium (skipped by `npm test` where chromium is absent).
node scripts/run-tests.mjs cli/report

npm run test:e2e
