#!/usr/bin/env bash
# The Jest suite on Node 24 LTS (see node24.sh), after `npm test` ran it on the machine's Node 20.
# Jest runs in band, so the tests' own child processes (process.execPath) run on Node 24 as well.
# What runs once, on Node 20: the browser tests (test/browser: the pages clicked through in Chromium) and the suites
# whose subject is Chromium's output (PDF rendering: test/e2e/documents, test/e2e/frozen-documents,
# test/unit/documents/pdf) and the 10 000 generated hostile requests (test/e2e/fuzz). What they exercise beyond the
# other suites is Chromium and the same validation code, not Node; running them twice would push CI past its 20
# minutes. The server code they reach runs on Node 24 through test/web, test/e2e and test/integration.
set -euo pipefail
cd "$(dirname "$0")/.."
node24=$(bash .ci/node24.sh)
echo "Jest on Node $("$node24" --version) (browser, PDF and fuzz suites ran on Node 20)"
exec "$node24" node_modules/jest/bin/jest.js --runInBand --testPathIgnorePatterns /node_modules/ /test/bench/ /test/browser/ \
  /test/e2e/documents.e2e-spec.ts /test/e2e/frozen-documents.e2e-spec.ts /test/unit/documents/pdf.spec.ts \
  /test/e2e/fuzz.e2e-spec.ts "$@"
