// The exit-code contract of both commands (README "Exit codes" says the same).
export const EXIT = {
  ok: 0,
  /** The server said no, or the command could not do what was asked (network, files, data). */
  failure: 1,
  /** Usage: an unknown command or flag, a missing argument, a bad option value or combination. */
  usage: 2,
  /** SIGHUP (128 + 1: the terminal or ssh session closed), after cleaning up. */
  hungUp: 129,
  /** SIGINT (128 + 2: Ctrl-C), after cleaning up. */
  interrupted: 130,
  /** SIGTERM (128 + 15: timeout, systemd, CI runners, docker stop), after cleaning up. */
  terminated: 143,
} as const;
