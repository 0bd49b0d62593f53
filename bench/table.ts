/**
 * The README's table from a results file: `node --import tsx bench/table.ts [file]`
 * (default bench/results/latest.json). run.ts prints it at the end of each run too.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Figure } from './stats';

interface Results {
  at: string;
  machine: { cores: number; cpu: string; ramGb: number; node: string; chromium: string; os: string; load: string };
  figures: Figure[];
  growth: { name: string; short: number; full: number; ratio: number; shortSales: number; fullSales: number }[];
}

export function markdownTables(r: Results): string {
  const n = (v: number) => v.toLocaleString('en-IN', { maximumFractionDigits: 2 });
  const unit = (f: Figure) => (f.unit === '×' ? '×' : ` ${f.unit}`);
  const rows = r.figures.map((f) => `| ${f.name} | ${n(f.p50)}${unit(f)} | ${n(f.p95)}${unit(f)} | ${f.n} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'met' : '**MISSED**'} |`);
  const growth = r.growth.map((g) => `| ${g.name} | ${n(g.short)} ms | ${n(g.full)} ms | ×${g.ratio.toFixed(2)} |`);
  const m = r.machine;
  return [
    `Run ${r.at} on ${m.cores} cores (${m.cpu}), ${m.ramGb} GB RAM, ${m.os}, Node ${m.node}, ${m.chromium}; load average at the end ${m.load.split(' ').slice(0, 3).join(' ')}.`,
    '',
    '| figure | p50 | p95 | n | target | |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    '',
    `Growth with history (p50, ${n(r.growth[0]?.shortSales ?? 0)} → ${n(r.growth[0]?.fullSales ?? 0)} sales in the store):`,
    '',
    '| figure | short history | whole year | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...growth,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'bench/results/latest.json';
  console.log(markdownTables(JSON.parse(await readFile(file, 'utf8')) as Results));
}
