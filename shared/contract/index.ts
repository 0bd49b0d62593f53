import type { z } from 'zod';
import type { HostResult } from '../result';
import { appMethods } from './app';
import { journalMethods } from './journal';
import { labelMethods } from './labels';
import { printingMethods, PrinterStatusSchema } from './printing';
import { settingsMethods } from './settings';

/**
 * The host contract: everything the renderer may ask of the host. Each feature exports
 * a method map; this is their union. Types come from the zod schemas (z.infer), so the
 * host's validation and the caller's types cannot drift apart.
 */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const hostMethods = {
  ...appMethods,
  ...printingMethods,
  ...settingsMethods,
  ...labelMethods,
  ...journalMethods,
} as const satisfies Record<string, MethodSpec>;

export type HostMethods = typeof hostMethods;
export type HostMethod = keyof HostMethods;
/** What a caller passes (defaults may be left out). */
export type HostInput<K extends HostMethod> = z.input<HostMethods[K]['input']>;
/** What a handler receives after validation. */
export type HostParsedInput<K extends HostMethod> = z.output<HostMethods[K]['input']>;
export type HostOutput<K extends HostMethod> = z.output<HostMethods[K]['output']>;

export const HOST_METHOD_NAMES = Object.keys(hostMethods) as HostMethod[];

/** Events the host pushes to the renderer. */
export const hostEvents = {
  'printer.status': PrinterStatusSchema,
} as const;
export type HostEvents = typeof hostEvents;
export type HostEvent = keyof HostEvents;
export type HostEventPayload<E extends HostEvent> = z.output<HostEvents[E]>;

/**
 * What the renderer holds: one `call` for every method and `on` for events, whichever
 * transport carries them. `on` returns its unsubscribe function, so effects clean up.
 */
export interface HostApi {
  call<K extends HostMethod>(method: K, input: HostInput<K>): Promise<HostResult<HostOutput<K>>>;
  on<E extends HostEvent>(event: E, listener: (payload: HostEventPayload<E>) => void): () => void;
}

export * from './app';
export * from './printing';
export * from './settings';
export * from './labels';
export * from './journal';
