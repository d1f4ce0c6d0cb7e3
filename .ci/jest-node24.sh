#!/usr/bin/env bash
# The Jest suite on Node 24 LTS (see node24.sh), after `npm test` ran it on the machine's Node 20.
# Jest runs in band, so the tests' own child processes (process.execPath) run on Node 24 as well.
set -euo pipefail
cd "$(dirname "$0")/.."
node24=$(bash .ci/node24.sh)
echo "Jest on Node $("$node24" --version)"
exec "$node24" node_modules/jest/bin/jest.js --runInBand "$@"
