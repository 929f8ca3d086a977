# Sourced by bin/glance and bin/keystone (files that are a POSIX shell script and JavaScript at once),
# with $self the launcher's real path and "$@" the command's arguments. It starts Node from the V8
# start-up snapshot of the CLI (dist/snapshot/cli.blob) when the Node on PATH is the one that built
# it (scripts/snapshot.mjs, or the package's postinstall), and otherwise runs the launcher as the
# plain JavaScript it also is; `node bin/glance` runs that JavaScript directly. Both behave the same,
# the snapshot only starts faster. NODE_OPTIONS may hold V8 flags, with which a snapshot does not
# load: then plain JavaScript too.
dialect=${self##*/}
# Node reopens a closed fd 1 on /dev/null before any JavaScript runs, so tell it here (src/cli/process/stdout.ts).
[ -d /proc/self/fd ] && [ ! -L /proc/self/fd/1 ] && export OSC_STDOUT_CLOSED=1
snapshot=${self%/*}/../dist/snapshot
node=
set -f; IFS=:
for dir in $PATH; do [ -x "${dir:-.}/node" ] && { node=${dir:-.}/node; break; }; done
unset IFS; set +f
[ -n "$node" ] || { echo "$dialect: node is not on PATH: install Node.js 20.20 or later" >&2; exit 127; }
built=
[ -r "$snapshot/node" ] && read -r built <"$snapshot/node"
if [ -n "$built" ] && [ -z "${NODE_OPTIONS:-}" ] && [ "$node" -ef "$built" ] && [ "$snapshot/cli.blob" -nt "$built" ]; then
  exec "$node" --snapshot-blob "$snapshot/cli.blob" "$dialect" "$@"
fi
exec "$node" "$self" "$@"
