// KEY=VALUE pairs (--property, --property-filter): split at the first '=', so a value may hold '='.
export function parseKeyValue(text: string): [string, string] | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  return [text.slice(0, at), text.slice(at + 1)];
}
