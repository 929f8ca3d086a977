// SIGINT (Ctrl-C), SIGTERM (timeout, systemd, CI runners, docker stop) and SIGHUP (a closed ssh
// session) while something is half-done: run the registered clean-ups (delete a half-made image,
// remove a .part file, restore the terminal), then exit 128 + the signal's number (130, 143, 129).
// The handlers are installed only while a clean-up is registered: otherwise a signal does what it
// always does (the process dies of it, which the shell reports with the same code).
import { EXIT } from '../../exit-codes.js';
import type { Cleanup } from '../deps.js';

const EXIT_CODES = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hungUp } as const;
type Signal = keyof typeof EXIT_CODES;
const SIGNALS = Object.keys(EXIT_CODES) as Signal[];

const cleanups = new Set<Cleanup>();
let stderr: NodeJS.WritableStream | undefined;
let cleaning: Promise<never> | undefined;

const handlers = Object.fromEntries(SIGNALS.map((signal) => [signal, () => void onSignal(signal)])) as Record<Signal, () => void>;

function install(): void {
  for (const signal of SIGNALS) if (!process.listeners(signal).includes(handlers[signal])) process.on(signal, handlers[signal]);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, handlers[signal]);
}

export function onInterrupt(cleanup: Cleanup, errorStream: NodeJS.WritableStream): () => void {
  stderr = errorStream;
  cleanups.add(cleanup);
  install();
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0 && !cleaning) uninstall();
  };
}

/** Set once a signal's clean-up has started: it exits when done, so nothing else should report or exit. */
export function signalCleanup(): Promise<never> | undefined {
  return cleaning;
}

function onSignal(signal: Signal): void {
  if (cleaning) {
    // SIGHUP often comes twice (the terminal, then the shell passing it on) and service managers
    // follow SIGTERM with SIGKILL: only a person's second Ctrl-C means "stop cleaning, exit now".
    if (signal === 'SIGINT') process.exit(EXIT.interrupted);
    return;
  }
  cleaning = cleanUp(signal);
}

async function cleanUp(signal: Signal): Promise<never> {
  // After a hang-up the terminal may be gone: a failed write must not end the clean-up.
  stderr?.on('error', () => undefined);
  stderr?.write(`\n... terminating (${signal})\n`);
  for (const cleanup of [...cleanups]) {
    try {
      await cleanup();
    } catch {
      /* best effort: we are already exiting */
    }
  }
  process.exit(EXIT_CODES[signal]);
}
