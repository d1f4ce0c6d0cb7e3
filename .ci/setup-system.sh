#!/usr/bin/env bash
# Debian packages the test suite needs beside npm: headless Chromium and fonts with every Kazakh letter (PT Serif, DejaVu)
# (PDF documents), poppler-utils (pdftotext/pdftoppm check the PDFs), postgresql (server binaries for the
# throwaway cluster of test/integration/postgres.spec.ts; no cluster is started here). Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# PT Serif: the documents' office serif, with every Kazakh letter (һ included); DejaVu Serif supplies ₸.
[ -f /usr/share/fonts/truetype/paratype/PTF55F.ttf ] || need+=(fonts-paratype)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
