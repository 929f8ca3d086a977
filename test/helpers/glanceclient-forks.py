# python-glanceclient 4.1.0 for the tests, without paying its start-up on every run: this process
# imports glanceclient once, then for each request on its Unix socket forks a child that runs
# glanceclient.shell.main() exactly as /usr/bin/glance does (same code, same argv, the request's
# environment, stdin closed like `<&-` or fed from the request), and answers with its exit code,
# stdout and stderr. The child does all the work, so requests run side by side.
#
# Request: one JSON object, then EOF: {"argv": [...], "env": {...}, "stdin": null | "<base64>"}.
# Answer: one JSON object: {"code": int, "stdout": "<base64>", "stderr": "<base64>"}.
import base64
import json
import os
import signal
import socket
import sys
import tempfile

# What the fork saves is these imports. Not glanceclient.v2.shell: its option defaults read the
# environment when it is imported (utils.env('OS_IMAGE_STORE') in decorators), so each child
# imports it after taking its run's environment, as /usr/bin/glance does.
import glanceclient.shell  # noqa: F401
import glanceclient.v2.images  # noqa: F401
import keystoneauth1.loading  # noqa: F401
import requests  # noqa: F401


def read_all(conn):
    chunks = []
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return b''.join(chunks)
        chunks.append(chunk)


def run_glance(request):
    """In the forked child: glanceclient's main() with the request's argv, env and stdin."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    if request.get('stdin') is None:
        # As `<&-`: Python starts with sys.stdin None when fd 0 is closed, and glanceclient
        # checks that, not fd 0 (which a socket may take by then).
        os.close(0)
        sys.stdin = None
    else:
        data = base64.b64decode(request['stdin'])
        fed = tempfile.TemporaryFile()
        fed.write(data)
        fed.seek(0)
        os.dup2(fed.fileno(), 0)
    os.environ.clear()
    os.environ.update(request['env'])
    sys.argv = ['/usr/bin/glance'] + request['argv']
    code = 0
    try:
        code = glanceclient.shell.main()
    except SystemExit as exit_:
        if exit_.code is None:
            code = 0
        elif isinstance(exit_.code, int):
            code = exit_.code
        else:
            print(exit_.code, file=sys.stderr)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    out.seek(0)
    err.seek(0)
    return {'code': code or 0,
            'stdout': base64.b64encode(out.read()).decode(),
            'stderr': base64.b64encode(err.read()).decode()}


def serve(path):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reap themselves
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(64)
    print('ready', flush=True)
    while True:
        conn, _ = server.accept()
        if os.fork() == 0:
            server.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                answer = run_glance(json.loads(read_all(conn)))
            except BaseException as error:  # the test sees it, not a hang
                answer = {'code': -1, 'stdout': '',
                          'stderr': base64.b64encode(repr(error).encode()).decode()}
            conn.sendall(json.dumps(answer).encode())
            conn.close()
            os._exit(0)
        conn.close()


if __name__ == '__main__':
    serve(sys.argv[1])
