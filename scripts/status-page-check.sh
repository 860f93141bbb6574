#!/usr/bin/env bash
# Checks the status page as a person sees it: starts the service (built-in sandbox) in a scratch folder,
# drops examples/recipients.csv and examples/mixed.csv into its inbox (and a file without a recipient column),
# waits for both campaigns, then loads http://127.0.0.1:PORT/status in headless Chromium: a screenshot goes to
# target/status-page.png, and the check fails unless the rendered page shows a FINISHED campaign with its chart,
# the summary table, the rejected file and each campaign's response-rate chart.
#
# Needs: the jar (mvn -B -q package -DskipTests), curl, and Chromium (Debian: apt-get install -y chromium).
# Not part of `mvn verify`: Chromium is not on a fresh machine. Usage: scripts/status-page-check.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=$(pwd)
JAR="$PROJECT/target/teams-proactive.jar"
SHOT="$PROJECT/target/status-page.png"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -f "$JAR" ] || { echo "No $JAR: run mvn -B -q package -DskipTests first" >&2; exit 2; }
[ -n "$CHROMIUM" ] || { echo "No chromium: apt-get install -y chromium" >&2; exit 2; }

# A free port on 127.0.0.1 unless one is given.
PORT=${1:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18181)}
WORK=$(mktemp -d)
cp -r config routes examples "$WORK"/
SERVICE_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting the service in $WORK on port $PORT"
(cd "$WORK" && TEAMS_HTTP_PORT=$PORT TEAMS_PROGRESS_INTERVAL_MS=1000 exec java -jar "$JAR" >"$WORK/stdout.log" 2>"$WORK/service.log") &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/observe/health/ready" >/dev/null && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "The service stopped:" >&2; tail -20 "$WORK/service.log" >&2; exit 1; }
  sleep 0.5
done

cp examples/recipients.csv "$WORK/inbox/"
cp examples/mixed.csv "$WORK/inbox/"
printf 'name,team\nAda,Engineering\n' >"$WORK/inbox/no-recipients.csv"
echo "Dropped examples/recipients.csv, examples/mixed.csv and no-recipients.csv into inbox/; waiting for both campaigns to finish"
for _ in $(seq 1 120); do
  [ "$(curl -sf "http://127.0.0.1:$PORT/api/campaigns" | grep -o '"status":"FINISHED"' | wc -l)" -ge 2 ] && break
  sleep 0.5
done
grep -E "Progress campaign=|finished:" "$WORK/service.log" || true

URL="http://127.0.0.1:$PORT/status"
FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,900 --virtual-time-budget=5000)
"$CHROMIUM" "${FLAGS[@]}" --screenshot="$SHOT" "$URL" 2>/dev/null
DOM=$("$CHROMIUM" "${FLAGS[@]}" --dump-dom "$URL" 2>/dev/null)
echo "Screenshot: $SHOT"
if grep -q 'data-status="FINISHED"' <<<"$DOM" && grep -q 'data-series="sent"' <<<"$DOM" \
    && grep -q 'data-series="failed:' <<<"$DOM" && grep -q 'id="summary-table"' <<<"$DOM" \
    && grep -q 'data-chart="response-rate"' <<<"$DOM" \
    && grep -q 'data-file="no-recipients.csv"' <<<"$DOM"; then
  echo "OK: the status page shows the summary table, the rejected file and finished campaigns with their charts (sent and failed by code; response rate)"
else
  echo "FAILED: the status page at $URL shows no finished campaign" >&2
  exit 1
fi
