#!/bin/sh
# run_fidelity.sh: runs tests/portal/node/fidelity.mjs (the official @kintone/rest-api-client 6.2.1)
# against tests/portal/kintone_server.py over mutual TLS, with throwaway certificates.
# Exits with node's status (non-zero when the tools are missing).
# Environment: PYTHON (default python3), NODE (default node), NPM (default npm).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}
NODE=${NODE:-node}
NPM=${NPM:-npm}
PFX_PASSWORD=fidelity-passphrase
SEEDED=1234
APP=1
GUEST_APP=2
GUEST_SPACE=5

if ! command -v "$NODE" >/dev/null 2>&1; then
    echo "run_fidelity.sh: node not found; install Node.js 20 or later (Debian: nodejs npm)" >&2
    exit 1
fi
if [ ! -d "$HERE/node/node_modules/@kintone/rest-api-client" ]; then
    if ! command -v "$NPM" >/dev/null 2>&1; then
        echo "run_fidelity.sh: tests/portal/node/node_modules is missing and npm was not found" >&2
        exit 1
    fi
    echo "run_fidelity.sh: installing tests/portal/node dependencies (npm ci)" >&2
    (cd "$HERE/node" && "$NPM" ci --no-audit --no-fund)
fi

TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sh "$HERE/make_certs.sh" "$TMP/certs" "$PFX_PASSWORD"

"$PYTHON" "$HERE/kintone_server.py" --port 0 --ready-file "$TMP/ready" \
    --cert "$TMP/certs/server.pem" --key "$TMP/certs/server.key" --client-ca "$TMP/certs/ca.pem" \
    --db "$TMP/kintone.sqlite3" --log "$TMP/access.log" \
    --app "$APP=$HERE/fidelity-app.json" --app "$GUEST_APP=$HERE/fidelity-app.json" \
    --guest-app "$GUEST_APP=$GUEST_SPACE" \
    --user fidelity:fidelity-password --seed-records "$APP=$SEEDED" 2>"$TMP/server.log" &
SERVER_PID=$!

i=0
while [ ! -s "$TMP/ready" ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "run_fidelity.sh: kintone_server.py exited during start-up:" >&2
        cat "$TMP/server.log" >&2
        exit 1
    fi
    i=$((i + 1))
    if [ "$i" -gt 200 ]; then
        echo "run_fidelity.sh: kintone_server.py not ready after 20 s" >&2
        cat "$TMP/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
PORT=$(cat "$TMP/ready")

set +e
NODE_EXTRA_CA_CERTS="$TMP/certs/ca.pem" \
NODE_OPTIONS="${NODE_OPTIONS:-} --dns-result-order=ipv4first" \
KINTONE_BASE_URL="https://127.0.0.1:$PORT" \
KINTONE_PFX="$TMP/certs/client.p12" \
KINTONE_PFX_PASSWORD="$PFX_PASSWORD" \
KINTONE_USER=fidelity \
KINTONE_PASSWORD=fidelity-password \
KINTONE_APP=$APP \
KINTONE_SEEDED=$SEEDED \
KINTONE_GUEST_APP=$GUEST_APP \
KINTONE_GUEST_SPACE=$GUEST_SPACE \
    "$NODE" "$HERE/node/fidelity.mjs"
STATUS=$?
set -e
if [ "$STATUS" -ne 0 ]; then
    echo "run_fidelity.sh: fidelity.mjs failed ($STATUS); server log:" >&2
    tail -n 50 "$TMP/server.log" >&2
fi
exit "$STATUS"
