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

export function processStdout(closed: boolean): Stdout {
  let lost = false;
  return {
    closed,
    write(text) {
      if (closed) lost ||= text !== '';
      else process.stdout.write(text);
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
