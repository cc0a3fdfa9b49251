#!/usr/bin/env bash
# Runs the clinic server from the built jar (mvn -q package -DskipTests builds it). Options: ./alliance-web.sh --help.
# (Named .sh because alliance-web/ is the module's folder.)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
jar="$here/alliance-web/target/alliance-web.jar"
if [[ ! -f "$jar" ]]; then
  echo "alliance-web: $jar is not built yet; run: mvn -q package -DskipTests" >&2
  exit 2
fi
# exec, so that Ctrl-C and SIGTERM reach the JVM, whose shutdown hook stops the server cleanly.
exec java ${ALLIANCE_JAVA_OPTS:-} -jar "$jar" "$@"
