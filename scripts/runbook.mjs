#!/usr/bin/env node
// Runs the runbook's own command lines, read from the document itself, against a local cloud,
// and (with --check) compares every grid we print with the grid the runbook shows after it.
//
//   node scripts/runbook.mjs --rc KEYSTONERC --state STATE_DIR --data DIR [--check] [--runbook FILE]
//
// Substitutions, and only these: `controller` → 127.0.0.1 (and the cloud's Glance port),
// <password> → the Glance service password the local cloud configured, the runbook's service id
// → the id service-create really printed, /data → the --data directory, the keystonerc path.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const check = args.includes('--check');
const runbookPath = arg('--runbook', join(ROOT, 'test/fixtures/glance-runbook.md'));
const rc = arg('--rc');
const state = arg('--state');
const data = arg('--data');
if (!rc || !state || !data) {
  console.error('usage: runbook.mjs --rc KEYSTONERC --state STATE_DIR --data DIR [--check]');
  process.exit(2);
}
const cloud = JSON.parse(readFileSync(join(state, 'cloud.json'), 'utf8'));
const glancePort = new URL(cloud.glance_url).port;

/** Each shell step of the runbook: the prompt line and the output lines the document shows after it. */
function parseRunbook(text) {
  const steps = [];
  let inBlock = false;
  let current;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock;
      current = undefined;
      continue;
    }
    if (!inBlock) continue;
    const prompt = /^(?:\[~\(keystone_admin\)\][$#]|#) ?(.*)$/.exec(line);
    if (prompt) {
      current = { command: prompt[1].trim(), expected: [] };
      steps.push(current);
    } else if (current) current.expected.push(line);
  }
  // `# STORE would be …` in a config excerpt is prose, not a command.
  return steps.filter((s) => s.command !== '' && !/^[A-Z]/.test(s.command));
}

const steps = parseRunbook(readFileSync(runbookPath, 'utf8'));
const bin = join(ROOT, 'bin');
let serviceId;
let failures = 0;
const say = (text) => process.stdout.write(text + '\n');

function substitute(command) {
  let out = command
    .replaceAll('controller:9292', `127.0.0.1:${glancePort}`)
    .replaceAll('controller', '127.0.0.1')
    .replaceAll('<password>', cloud.glance_password)
    .replaceAll('/data/', `${data}/`);
  if (serviceId) out = out.replaceAll('1b23256221e440f3bc472da2de5aef7c', serviceId);
  return out;
}

/** Cells of each grid line; rules dropped. */
const cells = (lines) => lines.filter((l) => l.startsWith('|')).map((l) => l.slice(1, -1).split('|'));

/** Centred or left: a cell is left-aligned when it starts with exactly one space. */
function alignment(lines) {
  const all = cells(lines)
    .flat()
    .filter((c) => c.trim() !== '');
  return all.every((c) => /^ \S/.test(c)) ? 'left' : 'center';
}

function compareGrid(expected, actual, command) {
  const want = expected.filter((l) => /^[+|]/.test(l));
  const got = actual.split('\n').filter((l) => /^[+|]/.test(l));
  if (want.length === 0) return [];
  const problems = [];
  const wantCells = cells(want);
  const gotCells = cells(got);
  const header = (rows) => rows[0]?.map((c) => c.trim()).join(' | ');
  if (header(wantCells) !== header(gotCells)) problems.push(`header is "${header(gotCells)}", runbook has "${header(wantCells)}"`);
  if (alignment(want) !== alignment(got)) problems.push(`cells are ${alignment(got)}-aligned, runbook's are ${alignment(want)}-aligned`);
  const isRecord = header(wantCells) === 'Property | Value';
  if (isRecord) {
    const names = (rows) =>
      rows
        .slice(1)
        .map((r) => r[0].trim())
        .join(',');
    if (names(wantCells) !== names(gotCells)) problems.push(`rows are ${names(gotCells)}, runbook has ${names(wantCells)}`);
  } else if (gotCells.length < 2) problems.push('no rows');
  if (got.length > 0 && got[0] !== got[2]) problems.push('top rule and header rule differ');
  return problems.map((p) => `${command}: ${p}`);
}

for (const step of steps) {
  const words = step.command.split(/\s+/);
  let command;
  if (words[0] === 'keystone' || words[0] === 'glance') command = substitute(step.command);
  else if (words[0] === 'qemu-img') command = substitute(step.command);
  else if (words[0] === 'source') {
    say(`[~(keystone_admin)]# ${step.command}`);
    continue;
  } else {
    // yum, systemctl, firewall-cmd, virt-sysprep, wget: the machine's business, not the CLI's.
    say(`# (not run here) ${step.command}`);
    continue;
  }
  say(`[~(keystone_admin)]$ ${command}`);
  const result = spawnSync('bash', ['-c', `set -a; . "${rc}"; set +a; ${command}`], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  process.stdout.write(result.stdout);
  if (result.stderr) process.stdout.write(result.stderr);
  const grep = /\|\s*grep\b/.test(command);
  if (result.status !== 0 && !grep) {
    failures += 1;
    say(`!! exit ${result.status}`);
  }
  const id = /^\|\s+id\s+\|\s+([0-9a-f]{32})\s+\|$/m.exec(result.stdout);
  if (words[1] === 'service-create' && id) serviceId = id[1];
  const file = /--file (\S+)/.exec(command)?.[1];
  if (check && file) {
    const md5 = createHash('md5').update(readFileSync(file)).digest('hex');
    if (!new RegExp(`\\| checksum +\\| ${md5} +\\|`).test(result.stdout)) {
      failures += 1;
      say(`!! ${words.slice(0, 2).join(' ')}: checksum is not the md5 of ${file} (${md5})`);
    }
  }
  if (check) {
    for (const problem of compareGrid(step.expected, result.stdout, words.slice(0, 2).join(' '))) {
      failures += 1;
      say(`!! ${problem}`);
    }
  }
}
if (failures > 0) {
  console.error(`runbook: ${failures} problem(s)`);
  process.exit(1);
}
