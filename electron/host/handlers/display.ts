import type { displayMethods } from '../../../shared/contract';
import type { FeatureHandlers, HostContext } from '../context';

export function displayHandlers(ctx: HostContext): FeatureHandlers<keyof typeof displayMethods> {
  return {
    'display.publish': async ({ state }) => {
      ctx.display.publish(state);
      return {};
    },
  };
}
