# Sourced by bin/glance and bin/keystone (files that are a POSIX shell script and JavaScript at once),
# with $self the launcher's real path and "$@" the command's arguments: it runs Node on the same
# file as the JavaScript it also is, as `node bin/glance` does.
dialect=${self##*/}
# Node reopens a closed fd 1 on /dev/null before any JavaScript runs, so tell it here (src/cli/process/stdout.ts).
[ -d /proc/self/fd ] && [ ! -L /proc/self/fd/1 ] && export OSC_STDOUT_CLOSED=1
command -v node >/dev/null || { echo "$dialect: node is not on PATH: install Node.js 20.20 or later" >&2; exit 127; }
exec node "$self" "$@"
