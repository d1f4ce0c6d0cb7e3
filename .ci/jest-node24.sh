#!/usr/bin/env bash
# The Jest suite on Node 24 LTS (see node24.sh), after `npm test` ran it on the machine's Node 20.
# Jest runs in band, so the tests' own child processes (process.execPath) run on Node 24 as well.
# The browser tests (test/browser: the workplace's pages clicked through in Chromium) run once, on Node 20: what
# they exercise beyond the HTTP tests is Chromium and the pages, not Node, and running them twice would push CI past
# its 20 minutes. The server code they reach runs on Node 24 through test/web and test/e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
node24=$(bash .ci/node24.sh)
echo "Jest on Node $("$node24" --version) (test/browser ran on Node 20)"
exec "$node24" node_modules/jest/bin/jest.js --runInBand --testPathIgnorePatterns /node_modules/ /test/bench/ /test/browser/ "$@"
