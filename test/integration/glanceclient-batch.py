# Runs python-glanceclient 4.1.0's own main() on many command lines in one process (a process per
# line costs ~1 s): reads [[argv, columns, env], ...] as JSON on stdin, prints [{code, stdout, stderr}].
# Only for lines argparse settles (help, usage errors): nothing here talks to a cloud.
import contextlib
import io
import json
import os
import sys

from glanceclient import shell

results = []
base = dict(os.environ)
for argv, columns, env in json.load(sys.stdin):
    os.environ.clear()
    os.environ.update(base, COLUMNS=str(columns), **env)
    sys.argv = ['glance'] + argv
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            shell.main()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    results.append({'code': code, 'stdout': out.getvalue(), 'stderr': err.getvalue()})
print(json.dumps(results))
