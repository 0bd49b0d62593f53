import type { journalMethods } from '../../../shared/contract';
import type { FeatureHandlers, HostContext } from '../context';

/** The journal (issue 8): electron/host/journal.ts does the work; these only route. */
export function journalHandlers(ctx: HostContext): FeatureHandlers<keyof typeof journalMethods> {
  const service = ctx.journal;
  return {
    'journal.append': async ({ records }) => (await service.get()).append(records),
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
