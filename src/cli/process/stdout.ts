// stdout as this process has it. Node reopens a closed fd 1 on /dev/null when it starts, so by then
// `glance image-list >&-` looks like `>/dev/null`; bin/launcher.sh, which runs before Node, tells
// (OSC_STDOUT_CLOSED=1). Output for a closed stdout is lost, and losing it is a failure (exit 1),
// as in Python, where writing to a closed stdout raises.
export interface Stdout {
  readonly closed: boolean;
  write(text: string): void;
  /** True once something was written that could not reach a reader. */
  readonly lost: boolean;
}

/** Whether anything was written to process.stdout (making the stream costs start-up time: it is made only to write). */
let used = false;

/** process.stdout, to write to: exitAfterOutput() then waits until what was written has gone. */
export function usedStdout(): NodeJS.WriteStream {
  used = true;
  return process.stdout;
}

/** The command's name, for the line a failed write prints. */
let dialectName = 'glance';

/**
 * How a failed write to stdout ends the run: a reader that went away (EPIPE: `| head -1`) quietly,
 * exit 0, as glanceclient; anything else (ENOSPC: `>/dev/full`, EIO) with one line and exit 1,
 * never as if the output had been written.
 */
export function onStdoutError(dialect: string): void {
  dialectName = dialect;
  if (!usedStdout().listeners('error').includes(failed)) process.stdout.on('error', failed);
}

function failed(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`${dialectName}: the output could not be written: ${err.message}\n`);
  process.exit(1);
}

/**
 * Exits once stdout (and, after a failure, stderr) has taken everything written to it.
 * process.exit() drops what a pipe has not taken yet: more than its 64 KiB to a reader slower than
 * we are (`| less`, ssh) would be cut short. A write that failed before reaches the callback first
 * (Node hands it the stream's error).
 */
export function exitAfterOutput(code?: number): void {
  const streams = [...(used ? [process.stdout] : []), ...(code ? [process.stderr] : [])];
  let pending = streams.length;
  if (pending === 0) process.exit(code);
  for (const stream of streams)
    stream.write('', (err) => {
      if (err && stream === process.stdout) failed(err);
      else if (--pending === 0) process.exit(code);
    });
}

export function processStdout(closed: boolean): Stdout {
  let lost = false;
  return {
    closed,
    write(text) {
      if (closed) lost ||= text !== '';
      else usedStdout().write(text);
    },
    get lost() {
      return lost;
    },
  };
}

/** Whether the launcher found fd 1 closed; the marker is not passed on to anything this process starts. */
export function takeStdoutClosed(env: NodeJS.ProcessEnv): boolean {
  const closed = env.OSC_STDOUT_CLOSED === '1';
  delete env.OSC_STDOUT_CLOSED;
  return closed;
}
