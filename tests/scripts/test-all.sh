#!/usr/bin/env bash
# Everything CI checks, from a fresh clone after `npm ci`: database, browser, types, lint, tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n== %s\n' "$*"; }

step "Prepare the database (prisma generate + migrate deploy, offline)"
npm run -s setup

step "Install Debian's chromium for browser tests (if missing)"
bash tests/scripts/ensure-chromium.sh

step "Typecheck"
npm run -s typecheck

step "Lint"
npm run -s lint

step "Unit and integration tests"
npm test

step "Browser tests"
npm run -s test:browser
