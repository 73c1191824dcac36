#!/usr/bin/env bash
# Runs the test suite with the wall clock of every test process moved away from the dates the tests pin (issue 10),
# so a test that only passes in the week it was written, or logic that reads the wall clock instead of the injected
# Clock, fails here rather than on some later day in CI.
#
# Usage: scripts/test-shifted-clock.sh far   (+400 days)
#        scripts/test-shifted-clock.sh dst   (the week Europe/Berlin leaves summer time next year, with TZ set to it)
#        scripts/test-shifted-clock.sh +90d  (any libfaketime offset)
# Extra arguments go to vitest (e.g. a test file). PostgreSQL, if used, runs outside the shift: Momentum never asks
# the database what time it is.
set -euo pipefail
cd "$(dirname "$0")/.."

lib="$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n 1 || true)"
if [ -z "$lib" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing faketime from Debian..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >&2 || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >&2; }
    lib="$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 | head -n 1)"
  else
    echo "libfaketime is missing: sudo apt-get install faketime" >&2
    exit 1
  fi
fi

which="${1:-far}"
shift || true
zone="${TZ:-UTC}"
case "$which" in
  far) offset_days=400 ;;
  dst)
    # The last Sunday of October next year: Europe/Berlin goes back to winter time that night, while New York is
    # still on summer time for another week, so zones disagree about offsets all week.
    year=$(($(date -u +%Y) + 1))
    last_day="$year-10-31"
    change_day=$(date -u -d "$last_day -$(date -u -d "$last_day" +%w) days" +%F)
    offset_days=$((($(date -u -d "$change_day" +%s) - $(date -u -d "$(date -u +%F)" +%s)) / 86400))
    zone="Europe/Berlin"
    ;;
  +*d) offset_days="${which:1:-1}" ;;
  *) echo "usage: $0 far|dst|+Nd [vitest args]" >&2; exit 2 ;;
esac

expected=$(date -u -d "+${offset_days} days" +%F)
expected_soon=$(date -u -d "+${offset_days} days +5 minutes" +%F)
export LD_PRELOAD="$lib" FAKETIME="+${offset_days}d" FAKETIME_DONT_FAKE_MONOTONIC=1 TZ="$zone"
# Timers run on the monotonic clock, which stays real: only what a process believes the date is moves.
seen=$(node -e 'process.stdout.write(new Date().toISOString().slice(0, 10))')
if [ "$seen" != "$expected" ] && [ "$seen" != "$expected_soon" ]; then
  echo "the shifted clock is not in effect: node sees $seen, expected $expected" >&2
  exit 1
fi
echo "--- wall clock moved by ${offset_days} days: node sees $seen (TZ=$zone)"
exec npx vitest run "$@"
