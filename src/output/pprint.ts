// Python's repr() and pprint.pformat(width=72) for JSON values: glanceclient's schema errors
// embed jsonschema's message, which prints the offending schema with pformat.

/** repr() of a str: single quotes unless it holds ' and no ", backslash escapes for the rest. */
export function pyReprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** repr() of a JSON value as Python sees it after json.loads (dict keys in insertion order). */
export function pyRepr(value: unknown, sortKeys = false): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyReprString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (Array.isArray(value)) return `[${value.map((v) => pyRepr(v, sortKeys)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v, sortKeys)}`).join(', ')}}`;
}

function pyFloat(value: number): string {
  const text = String(value);
  return /e/.test(text) ? text.replace(/e([+-])(\d)$/, 'e$10$2') : text;
}

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** pprint.pformat(value, width): PrettyPrinter with indent 1, sorted dict keys, not compact. */
export function pformat(value: unknown, width = 80): string {
  const out: string[] = [];
  format(value, out, 0, 0, 0, width);
  return out.join('');
}

function format(value: unknown, out: string[], indent: number, allowance: number, level: number, width: number): void {
  const rep = pyRepr(value, true);
  if (rep.length > width - indent - allowance) {
    if (isDict(value) && Object.keys(value).length > 0) return formatDict(value, out, indent, allowance, level + 1, width);
    if (Array.isArray(value) && value.length > 0) return formatList(value, out, indent, allowance, level + 1, width);
    if (typeof value === 'string' && value.length > 0) return formatString(value, out, indent, allowance, level + 1, width);
  }
  out.push(rep);
}

function formatDict(value: Record<string, unknown>, out: string[], indent: number, allowance: number, level: number, width: number): void {
  out.push('{');
  const items = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const inner = indent + 1;
  items.forEach(([key, entry], i) => {
    const last = i === items.length - 1;
    const rep = pyReprString(key);
    out.push(rep, ': ');
    format(entry, out, inner + rep.length + 2, last ? allowance + 1 : 1, level, width);
    if (!last) out.push(',\n' + ' '.repeat(inner));
  });
  out.push('}');
}

function formatList(value: readonly unknown[], out: string[], indent: number, allowance: number, level: number, width: number): void {
  out.push('[');
  const inner = indent + 1;
  value.forEach((entry, i) => {
    const last = i === value.length - 1;
    if (i > 0) out.push(',\n' + ' '.repeat(inner));
    format(entry, out, inner, last ? allowance + 1 : 1, level, width);
  });
  out.push(']');
}

/** PrettyPrinter._pprint_str: long strings become adjacent literals split after whitespace. */
function formatString(value: string, out: string[], indent: number, allowance: number, level: number, width: number): void {
  const chunks: string[] = [];
  const lines = value.split(/(?<=\n)/);
  if (level === 1) {
    indent += 1;
    allowance += 1;
  }
  const maxWidth = width - indent;
  let maxWidth1 = maxWidth;
  lines.forEach((line, i) => {
    const rep = pyReprString(line);
    if (i === lines.length - 1) maxWidth1 -= allowance;
    if (rep.length <= maxWidth1) {
      chunks.push(rep);
      return;
    }
    const parts = line.match(/\S*\s*/g) ?? [];
    let current = '';
    parts.forEach((part, j) => {
      if (j === parts.length - 1 && part === '') return;
      const candidate = current + part;
      const limit = j === parts.length - 2 && i === lines.length - 1 ? maxWidth1 : maxWidth;
      if (pyReprString(candidate).length > limit) {
        if (current) chunks.push(pyReprString(current));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(pyReprString(current));
  });
  if (chunks.length === 1) {
    out.push(chunks[0]!);
    return;
  }
  if (level === 1) out.push('(');
  chunks.forEach((rep, i) => {
    if (i > 0) out.push('\n' + ' '.repeat(indent));
    out.push(rep);
  });
  if (level === 1) out.push(')');
}
