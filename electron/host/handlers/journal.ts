import type { journalMethods } from '../../../shared/contract';
import { HostFailure } from '../../../shared/result';
import type { FeatureHandlers, HostContext } from '../context';

/** The journal (issue 8): electron/host/journal.ts does the work; these only route. */
export function journalHandlers(ctx: HostContext): FeatureHandlers<keyof typeof journalMethods> {
  const service = ctx.journal;
  return {
    'journal.append': async ({ records }) => {
      const journal = await service.get();
      try {
        return await journal.append(records);
      } catch (error) {
        throw journalDiskFull(error, service.dir) ?? error;
      }
    },
    'journal.status': async () => (await service.get()).status(),
    'journal.read': async ({ afterSeq, limit }) => (await service.get()).read(afterSeq, limit),
    'journal.importFiles': async () => ({ folder: service.importDir, files: await service.listImports() }),
    'journal.checkImport': async ({ fileName }) => {
      const { goodBytes: _goodBytes, ...summary } = await service.inspectImport(fileName);
      return summary;
    },
    'journal.import': ({ fileName }) => service.importFile(fileName),
  };
}

/**
 * A full disk under the journal says which disk and what happens to the sales meanwhile:
 * the kiosk keeps them and sends them again by itself, so nobody should sell on paper.
 * The append undid its half-written lines before this (journal.ts), so the file is whole.
 */
function journalDiskFull(error: unknown, dir: string): HostFailure | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return null;
  return new HostFailure('io-error', `The kiosk host cannot write its journal: the disk of its data folder (${dir}) is full. `
    + 'Free some space on that disk (old backups, printer output). Sales are kept on this kiosk meanwhile and copied by themselves once there is room.');
}
