# Sourced by bin/glance and bin/keystone (files that are a POSIX shell script and JavaScript at once),
# with $self the launcher's real path and "$@" the command's arguments: it runs Node on the same
# file as the JavaScript it also is, as `node bin/glance` does.
dialect=${self##*/}
# Node reopens a closed fd 1 on /dev/null before any JavaScript runs, so tell it here (src/cli/process/stdout.ts).
[ -d /proc/self/fd ] && [ ! -L /proc/self/fd/1 ] && export OSC_STDOUT_CLOSED=1
command -v node >/dev/null || { echo "$dialect: node is not on PATH: install Node.js 20.20 or later" >&2; exit 127; }
# A 2 MB young generation from the start: a cached command's allocations then fit without the two
# scavenges that copy the loaded program's objects (about 100 fewer page faults; README, "Start-up").
# Not for what dist/entry.cjs answers alone (--version, the help): any V8 flag makes Node compile its
# own modules afresh (its code cache is for the default flags), which only a loaded program repays.
case $#:${1-} in
0:* | 1:--version | 1:--help | 1:-h) exec node "$self" "$@" ;;
esac
exec node --min-semi-space-size=2 "$self" "$@"
