// The output a replay printed (src/cli/replay.ts), kept beside the record with the answer it was
// printed from: a later run whose early answer comes back the same, byte for byte, prints that output
// again without loading the command, the image API or the printer (issue 16). A replayed command's
// output is made from its answer alone, with the options its record keeps (CommandSpec.replay), so the
// same answer under the same record prints the same output; another answer, another record (or build:
// its records are other ones) goes through the replay as before.
import { shape, str } from '../http/decode.js';
import { type EarlyReplay, keepReplayedOutput, replayedOutput } from '../session/early-request.js';
import { onStdoutError, processStdout } from './process/stdout.js';

export { exitAfterOutput } from './process/stdout.js';

interface Kept {
  /** The record's replay, as JSON. */
  replay: string;
  /** The Node that printed it: a grid's widths come from its Unicode tables. */
  node: string;
  answer: string;
  output: string;
}

const keptGuard = shape<Kept>({ replay: str, node: str, answer: str, output: str });

/** An answer and output larger than this together are not kept: the file is read by every replayed run. */
const MAX_KEPT_CHARS = 256 * 1024;
/** A kept file larger than this was not written by keepOutput (JSON spells a character in 6 bytes at most) and is not read. */
const MAX_KEPT_BYTES = 8 * MAX_KEPT_CHARS;

/** Prints the kept output if the early answer is the one it was printed from; false (nothing printed) otherwise. */
export async function printReplayedOutput(dialect: string, early: EarlyReplay): Promise<boolean> {
  const kept = keptOutput();
  if (kept === undefined || kept.replay !== JSON.stringify(early.replay) || kept.node !== process.version) return false;
  // As main; the stream is made while the answer travels (~0.4 ms), not after it (whatever runs next prints to it too).
  onStdoutError(dialect);
  // Read without the http client if it came back plain, as it does from a server that answers as
  // it did; else as the session reads it (what was read by hand is left on the socket for it).
  if ((await early.session.plainText()) !== kept.answer) {
    let answer: string;
    try {
      answer = await early.session.answerText();
    } catch {
      return false; // the replay meets the same failure, and gives the answer back to the program
    }
    if (answer !== kept.answer) return false;
  }
  processStdout(false).write(kept.output);
  return true;
}

/** Keeps what a replay printed from the early answer, for printReplayedOutput. */
export async function keepOutput(early: EarlyReplay, output: string): Promise<void> {
  if (!early.session.answered) return; // printed from nothing it asked: not the answer's output
  const answer = await early.session.answerText();
  if (answer.length + output.length > MAX_KEPT_CHARS) return;
  const kept: Kept = { replay: JSON.stringify(early.replay), node: process.version, answer, output };
  const text = JSON.stringify(kept);
  if (text !== keptText) keepReplayedOutput(text);
}

/** The kept file as printReplayedOutput read it this run (the replay runs after it): not read twice. */
let keptText: string | undefined;

function keptOutput(): Kept | undefined {
  const text = (keptText = replayedOutput(MAX_KEPT_BYTES));
  if (text === undefined) return undefined;
  try {
    return keptGuard(JSON.parse(text), '');
  } catch {
    return undefined; // another shape: printed through the replay, and kept anew
  }
}
