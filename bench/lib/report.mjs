// The human-readable summary: one table of medians and ratios, RSS, request counts, the machine.
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const fmt = (variant, unit) => (variant ? `${variant.value} ${unit}` : '');
const ratio = (r) => (r === undefined ? '' : `${r}×`);

export function render(report) {
  const m = report.machine;
  const hash = report.cloud.passwordHash;
  const out = [];
  out.push(`Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}, load average ${m.loadavg.join(' ')}`);
  out.push(
    `Cloud: Keystone ${report.cloud.keystone} (password hashing ${hash.algorithm}, password_hash_rounds = ${hash.rounds}), Glance ${report.cloud.glance}`,
  );
  out.push(
    `Theirs: ${report.reference.glanceclient ? `python-glanceclient ${report.reference.glanceclient}` : ''}, ${report.reference.openstackclient}, ${report.reference.curl.split(' ').slice(0, 2).join(' ')}`,
  );
  out.push(
    `Medians of ${report.config.startupRounds} alternating rounds (start-up) / ${report.config.transferRounds} (transfers). Ratios are ours/theirs: lower is better for ms, higher for MB/s.\n`,
  );

  const rows = [];
  for (const r of report.results) {
    if (r.counts || r.sizes || r.group === 'rss' || r.group === 'requests' || r.group === 'listing' || r.group === 'seed') continue;
    if (r.skipped) {
      rows.push([r.title, `skipped: ${r.skipped}`, '', '', '', '', '', '', '', '']);
      continue;
    }
    const v = r.variants;
    const t = r.target;
    rows.push([
      r.title,
      fmt(v.ours, r.unit),
      fmt(v.plain, r.unit),
      fmt(v.python, r.unit),
      fmt(v.curl, r.unit),
      fmt(v.node, r.unit),
      ratio(r.ratios['ours/python']),
      ratio(r.ratios['ours/curl']),
      t ? `${t.op} ${t.ratio}× ${t.vs}` : '',
      t ? (t.met ? 'yes' : 'NO') : '',
    ]);
  }
  out.push(table(['Case', 'ours', 'node bin/glance', 'python', 'curl', 'node -e 0', 'ours/python', 'ours/curl', 'target', 'met'], rows));
  out.push(
    '(ours: bin/glance as installed (a shell launcher, then Node); node bin/glance: the same without the launcher;\n curl: the same HTTP request alone; node -e 0: the Node runtime starting and exiting, the floor for any Node CLI)',
  );
  const floors = report.results.filter((r) => r.floor);
  if (floors.length > 0) {
    out.push(
      '\nStart-up against the runtime: minor page faults (ru_minflt, /usr/bin/time %R; the same on any machine, unlike wall time) and wall, medians, node -e 0 in the same rounds',
    );
    const ceiling = (f) =>
      [f.maxFaults === undefined ? '' : `<= ${f.maxFaults} faults`, f.maxWallRatio === undefined ? '' : `<= ${f.maxWallRatio}× wall`]
        .filter(Boolean)
        .join(', ');
    out.push(
      table(
        ['Case', 'faults ours', 'node bin/glance', 'node -e 0', 'python', 'ours/node faults', 'ours/node wall', 'target', 'met'],
        floors.map((r) => [
          r.title,
          r.variants.ours.minorFaults,
          r.variants.plain?.minorFaults ?? '',
          r.variants.node.minorFaults,
          r.variants.python?.minorFaults ?? '',
          ratio(r.floor.faultsRatio),
          ratio(r.floor.wallRatio),
          ceiling(r.floor),
          ceiling(r.floor) ? (r.floor.met ? 'yes' : 'NO') : '',
        ]),
      ),
    );
  }
  const cpu = report.results.filter((r) => r.variants && r.unit === 'MB/s');
  for (const r of cpu)
    out.push(
      `CPU seconds (user+sys), ${r.title}: ${Object.entries(r.variants)
        .map(([t, v]) => `${t} ${v.cpuMs / 1000}`)
        .join(', ')}`,
    );

  const rss = report.results.find((r) => r.id === 'rss');
  if (rss?.sizes) {
    out.push(
      `\nPeak RSS of ours (image-create --file): ${rss.sizes.map((s) => `${s.size}: ${s.peakRssMB} MB (${s.seconds} s)`).join(', ')}; growth ${Math.round(rss.growth * 1000) / 10}% (target: ${rss.target.rule}: ${rss.target.met ? 'met' : 'NOT met'})`,
    );
    const upload = report.results.find((r) => r.id === 'upload' && r.variants);
    if (upload)
      out.push(
        `Peak RSS during the ${upload.title}: ours ${upload.variants.ours.peakRssMB} MB, python ${upload.variants.python.peakRssMB} MB, curl ${upload.variants.curl.peakRssMB} MB`,
      );
  } else if (rss?.skipped) out.push(`\nPeak RSS: skipped (${rss.skipped})`);

  const requests = report.results.find((r) => r.id === 'requests');
  if (requests) {
    out.push('\nHTTP requests per command (ours: REQ lines of --debug; python: urllib3 request log lines of --debug)');
    out.push(
      table(
        ['Command', 'ours', 'python'],
        requests.counts.map((c) => [c.command, c.ours, c.python]),
      ),
    );
  }
  const listing = report.results.filter((r) => r.group === 'listing');
  if (listing.length > 0) {
    out.push('\nimage-list at scale (bench cloud of its own; floor = curl of the same pages + ours with no images)');
    const empty = listing.find((r) => r.id === 'listing-0');
    out.push(
      table(
        ['Images', 'requests ours/python/curl', 'ours', 'python', 'floor', 'ours/python', 'ours/floor', 'floor/python', 'peak RSS ours/python', 'met'],
        listing
          .filter((r) => r.floor)
          .map((r) => [
            r.title.replace(/.*, /, ''),
            `${r.requests.ours}/${r.requests.python}/${r.requests.curl}`,
            `${r.variants.ours.medianMs} ms`,
            `${r.variants.python.medianMs} ms`,
            `${r.floor.ms} ms`,
            ratio(r.ratios['ours/python']),
            ratio(r.ratios['ours/floor']),
            ratio(Math.round((r.floor.ms / r.variants.python.medianMs) * 1000) / 1000),
            `${r.variants.ours.peakRssMB}/${r.variants.python.peakRssMB} MB`,
            r.target.met ? 'yes' : 'NO',
          ]),
      ),
    );
    if (empty)
      out.push(
        `ours with no images: ${empty.variants.ours.medianMs} ms, ${empty.variants.ours.peakRssMB} MB; targets: ${listing.find((r) => r.target?.rule)?.target.rule}`,
      );
  }
  const seed = report.results.find((r) => r.id === 'seed');
  if (seed?.skipped) out.push(`\nSeeding: skipped (${seed.skipped})`);
  else if (seed) {
    out.push(
      `\n${seed.title} on ${seed.cloud} (medians of ${seed.rounds} round${seed.rounds === 1 ? '' : 's'}, same run, order alternating; load average before: ${seed.loadAverageBefore.join(' ')})`,
    );
    out.push(
      table(
        ['Variant', 'wall', 'CPU (user+sys)', 'server CPU', 'ratio'],
        [
          ['python-glanceclient image-create loop', `${seed.seconds.python} s`, `${seed.cpuSeconds.python} s`, `${seed.serverCpuSeconds.python} s`, ''],
          [
            'glance image-seed --parallel 4',
            `${seed.seconds.first} s`,
            `${seed.cpuSeconds.first} s`,
            `${seed.serverCpuSeconds.first} s`,
            `${seed.ratios['first/python']}× python`,
          ],
          [
            'the same again (all reused)',
            `${seed.seconds.again} s`,
            `${seed.cpuSeconds.again} s`,
            `${seed.serverCpuSeconds.again} s`,
            `${seed.ratios['again/first']}× first`,
          ],
        ],
      ),
    );
    out.push(`each round, wall python / first / again: ${seed.secondsEachRound.map((r) => `${r.python} / ${r.first} / ${r.again} s`).join('; ')}`);
    out.push(
      `Glance workers' CPU s, python loop | first seed: ${seed.glanceWorkerCpuEachRound.map((r) => `${r.python.join(' + ')} | ${r.first.join(' + ')}`).join('; ')}`,
    );
    if (seed.cpuFloor)
      out.push(
        `floor of the first seed (its and the servers' CPU time over ${seed.cpuFloor.cpus} CPUs, median): ${seed.cpuFloor.seconds} s, ${seed.cpuFloor.ratioToPython}× the python loop of its round`,
      );
    out.push(
      `target: ${seed.target.rule}: ${seed.target.met ? 'met' : 'NOT met'}; peak RSS of ours ${seed.peakRssMB.first} MB (first), ${seed.peakRssMB.again} MB (again)`,
    );
  }
  return out.join('\n');
}
