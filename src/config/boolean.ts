// The one boolean parser: oslo.utils' bool_from_string words, which every OpenStack setting (OS_INSECURE,
// OS_CACHE) and every classic client flag (--is-public, --enabled) takes.
const TRUE_WORDS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_WORDS = ['0', 'f', 'false', 'off', 'n', 'no'];

/** bool_from_string(strict=True): true, false, or undefined for a word that is neither. */
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

/** bool_from_string(strict=False), as keystoneclient's --enabled took it: anything but a true word is false. */
export function looseBoolean(text: string): boolean {
  return parseBoolean(text) === true;
}
