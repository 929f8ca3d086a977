#!/usr/bin/env bash
# The runbook (test/fixtures/glance-runbook.md, a copy of shared/seed/glance-runbook.md), end to end:
# a fresh, BARE local cloud (Keystone and Glance running, nothing of Glance registered), then the
# runbook's keystone lines register Glance and its glance lines upload, list and show an image.
# Then the two options the runbook describes in prose: --location and --copy-from.
#
# The demo cloud has its own state and ports (5100/9392), so it never disturbs the test cloud.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

bash scripts/setup.sh
export LOCAL_CLOUD_DIR=${DEMO_CLOUD_DIR:-/var/tmp/osc-runbook-cloud}
export KEYSTONE_PORT=${DEMO_KEYSTONE_PORT:-5100}
export GLANCE_PORT=${DEMO_GLANCE_PORT:-9392}
DATA=${DEMO_DATA_DIR:-/var/tmp/osc-runbook-data}

bash scripts/local-cloud.sh reset >/dev/null
bash scripts/local-cloud.sh up --bare

# The runbook downloads fedora-19.x86_64.qcow2; we make a small real qcow2 with data in it.
rm -rf "$DATA" && mkdir -p "$DATA"
head -c 24M /dev/urandom >"$DATA/disk.raw"
qemu-img convert -q -f raw -O qcow2 "$DATA/disk.raw" "$DATA/fedora-19.x86_64.qcow2"
rm -f "$DATA/disk.raw"

echo
echo "=== The runbook, its own lines (controller → 127.0.0.1:$GLANCE_PORT, /data → $DATA)"
node scripts/runbook.mjs --rc "$LOCAL_CLOUD_DIR/keystonerc_admin" --state "$LOCAL_CLOUD_DIR" --data "$DATA" "$@"

echo
echo "=== Options the runbook describes: --location and --copy-from (a web server on 127.0.0.1)"
set -a; . "$LOCAL_CLOUD_DIR/keystonerc_admin"; set +a
export PATH=$ROOT/bin:$PATH
/usr/bin/python3 -m http.server --bind 127.0.0.1 --directory "$DATA" 8399 >/dev/null 2>&1 &
web=$!
trap 'kill $web 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null http://127.0.0.1:8399/ && break; sleep 0.1; done
url=http://127.0.0.1:8399/fedora-19.x86_64.qcow2
run() { printf '[~(keystone_admin)]# %s\n' "$*"; "$@"; }
run glance image-create --name "fedora-19-location" --is-public True --disk-format qcow2 --container-format bare --location "$url"
run glance image-create --name "fedora-19-copy" --is-public True --disk-format qcow2 --container-format bare --copy-from "$url"
run glance image-list
