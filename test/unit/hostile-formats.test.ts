// Hostile text through the Printer: the table shows it escaped, the machine formats keep the exact
// data, each escaped as Python's json.dumps, PyYAML and csv.writer (what cliff uses) would have it.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type Format, Printer } from '../../src/output/printer.js';
import { plainText } from '../../src/output/views.js';

const HOSTILE = {
  'name \x1b[2J': '\x1b[2Jwiped',
  'osc52\x1b]52;c;SGVsbG8=\x07': 'clip\x1b]52;c;SGVsbG8=\x07',
  osc8: '\x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\',
  'cr\r': 'ok\rFORGED',
  bs: 'ab\x08\x08XY',
  nul: 'n\x00ul',
  c1: 'csi\x9b2J del\x7f',
  bidi: '\u202eevil\u2066x\u2069',
  multi: 'line one\nline two',
};
const FIELDS = Object.entries(HOSTILE);

async function printed(format: Format, noindent = false): Promise<string> {
  let out = '';
  const printer = new Printer({ write: (t) => void (out += t) }, { align: 'left', text: plainText }, { format, columns: [], noindent });
  await printer.ready();
  printer.record({ fields: FIELDS });
  return out;
}

const PYTHON = String.raw`
import csv, io, json, sys, yaml
case = json.load(sys.stdin)
if case["do"] == "json":
    print(json.dumps(dict(case["fields"]), indent=None if case["noindent"] else 2))
elif case["do"] == "csv":
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n", escapechar="\\")
    w.writerow([k for k, _ in case["fields"]])
    w.writerow([v for _, v in case["fields"]])
    sys.stdout.write(buf.getvalue())
else:
    json.dump(yaml.safe_load(case["text"]), sys.stdout)
`;

const python = (input: object): string => execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(input) }).toString();

describe('hostile text', () => {
  it('table: shown escaped, with no control character left', async () => {
    const table = await printed('table');
    expect(table.replace(/\n/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(table).toContain('| name \\x1b[2J                | \\x1b[2Jwiped');
    expect(table).toContain('\\x1b]8;;http://evil\\x1b\\text\\x1b]8;;\\x1b\\');
  });

  it.each([false, true])('json (noindent %s): byte for byte what json.dumps writes (\\u001b escapes)', async (noindent) => {
    const ours = await printed('json', noindent);
    expect(ours).toBe(python({ do: 'json', fields: FIELDS, noindent }));
    expect(ours).toContain('"\\u001b[2Jwiped"');
  });

  it('yaml: PyYAML reads back the exact keys and values', async () => {
    expect(JSON.parse(python({ do: 'yaml', text: await printed('yaml') }))).toEqual(HOSTILE);
  });

  it('csv: the exact data, as csv.writer writes it', async () => {
    expect(await printed('csv')).toBe(python({ do: 'csv', fields: FIELDS }));
  });

  it('value: the raw data for scripts, one value per line', async () => {
    expect(await printed('value')).toBe(
      Object.values(HOSTILE)
        .map((v) => `${v}\n`)
        .join(''),
    );
  });
});
