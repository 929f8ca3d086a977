// Runs one case: every variant once per round, in an order rotated each round so no tool always
// goes first, a warm-up round first when asked. Medians, then ratios ours/theirs and the target.
import { median, run } from './proc.mjs';

/**
 * A case: { id, group, title, unit: 'ms' | 'MB/s', bytes?, warmup?, target?: { vs, op, ratio },
 *   floor?: { maxFaults?, maxWallRatio? } (against its `node` variant, `node -e 0` in the same rounds),
 *   skip?: string, variants: { [tool]: { argv: string[] | (ctx) => string[], env,
 *   before?: (round) => ctx, after?: (ctx, result) => void } } }
 */
export async function measure(item, rounds, log) {
  const base = { id: item.id, group: item.group, title: item.title, unit: item.unit, rounds };
  if (item.skip) {
    log(`${item.id}: skipped (${item.skip})`);
    return { ...base, skipped: item.skip };
  }
  const tools = Object.keys(item.variants);
  const samples = Object.fromEntries(tools.map((t) => [t, { ms: [], rssKB: [], cpuMs: [], minorFaults: [] }]));
  const total = rounds + (item.warmup === false ? 0 : 1);
  for (let round = 0; round < total; round++) {
    const warm = total > rounds && round === 0;
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    for (const tool of order) {
      const variant = item.variants[tool];
      const ctx = (await variant.before?.(round)) ?? {};
      const argv = typeof variant.argv === 'function' ? variant.argv(ctx) : variant.argv;
      // Start-up is counted in page faults: no shell in front (see run()).
      const result = await run(argv, { env: variant.env, closeStdin: item.group !== 'startup' });
      if (result.code !== 0)
        throw new Error(`${item.id} (${tool}): ${argv.join(' ')} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      await variant.after?.(ctx, result);
      if (warm) continue;
      samples[tool].ms.push(result.ms);
      samples[tool].rssKB.push(result.rssKB);
      samples[tool].cpuMs.push(result.cpuMs);
      samples[tool].minorFaults.push(result.minorFaults);
    }
    log(`${item.id}: round ${round + 1}/${total}${warm ? ' (warm-up)' : ''}`);
  }
  const variants = {};
  for (const tool of tools) {
    const medianMs = median(samples[tool].ms);
    variants[tool] = {
      samplesMs: samples[tool].ms.map((ms) => Math.round(ms * 10) / 10),
      medianMs: Math.round(medianMs * 10) / 10,
      value: item.unit === 'MB/s' ? Math.round((item.bytes / 1e6 / (medianMs / 1000)) * 10) / 10 : Math.round(medianMs * 10) / 10,
      peakRssMB: Math.round(median(samples[tool].rssKB) / 1024),
      cpuMs: median(samples[tool].cpuMs),
      minorFaults: median(samples[tool].minorFaults),
      samplesMinorFaults: samples[tool].minorFaults,
    };
  }
  const ratios = {};
  for (const tool of tools) if (tool !== 'ours') ratios[`ours/${tool}`] = Math.round((variants.ours.value / variants[tool].value) * 1000) / 1000;
  let target;
  if (item.target) {
    const ratio = ratios[`ours/${item.target.vs}`];
    const met = item.target.op === '<=' ? ratio <= item.target.ratio : ratio >= item.target.ratio;
    target = { ...item.target, measured: ratio, met };
  }
  return { ...base, bytes: item.bytes, variants, ratios, target, floor: item.floor && againstNode(item.floor, variants) };
}

/** Ours against `node -e 0` measured in the same rounds: minor page faults and wall, each with its ceiling. */
function againstNode(floor, variants) {
  const { ours, node } = variants;
  const round = (n) => Math.round(n * 1000) / 1000;
  const faultsRatio = round(ours.minorFaults / node.minorFaults);
  const wallRatio = round(ours.medianMs / node.medianMs);
  const faultsMet = floor.maxFaults === undefined || ours.minorFaults <= floor.maxFaults;
  const wallMet = floor.maxWallRatio === undefined || wallRatio <= floor.maxWallRatio;
  return { ...floor, faultsRatio, wallRatio, met: faultsMet && wallMet };
}
