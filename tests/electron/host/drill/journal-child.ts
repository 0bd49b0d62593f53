/**
 * The drill's child (tests/electron/host/journal-drill.test.ts): opens the journal in the
 * folder given, then appends sales and stock counts as fast as it can until it is killed.
 * "ack <id>" goes to stdout only after the append resolved, i.e. after fsync: that is
 * what the host would have answered the renderer, so those ids must survive the kill.
 * Pipes are synchronous on Linux, so a printed ack has reached the parent when it is printed.
 */
import { Journal } from '../../../../electron/host/journal';
import { saleRecord, stockRecord } from '../../../fixtures/journal-records';

const dir = process.argv[2];
if (!dir) throw new Error('usage: journal-child DIR');
const journal = await Journal.open(dir);
let n = (journal.status().highestNumbers['K01/2627'] ?? 0) + 1;
const runId = `${process.pid}-${n}`;
process.stdout.write('ready\n');
for (let i = 0; ; i++, n++) {
  // Some records span many pages, so a kill can land in the middle of one write.
  const padding = i % 3 === 0 ? 20_000 + ((n * 7919) % 100_000) : 0;
  const sale = saleRecord(n, { padding });
  const stock = stockRecord(`stock-${runId}-${i}`, `prod-${i % 50}`, i);
  // Two calls at once, as a page and a backlog might send them: the queue must keep the chain.
  // Two calls at once, as a page and a backlog might send them: the queue must keep the chain.
  await Promise.all([sale, stock].map(async (record) => {
    await journal.append([record]);
    process.stdout.write(`ack ${record.id}\n`);
  }));
}
