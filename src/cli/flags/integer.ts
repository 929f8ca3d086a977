// Whole numbers from flags: digits only (argparse's int() also takes surrounding blanks and a sign),
// within [min, Number.MAX_SAFE_INTEGER] so no value silently loses precision.
export interface IntegerRange {
  min?: number;
}

/** The integer, or undefined when the text is not one or is out of range. */
export function parseInteger(text: string, range: IntegerRange = {}): number | undefined {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) return undefined;
  const value = Number.parseInt(text, 10);
  if (!Number.isSafeInteger(value) || value < (range.min ?? Number.MIN_SAFE_INTEGER)) return undefined;
  return value;
}

/** What a range allows, for error messages. */
export function describeRange(range: IntegerRange): string {
  return range.min === undefined ? 'a whole number' : `a whole number, ${range.min} or more`;
}
