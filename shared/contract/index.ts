import type { z } from 'zod';
import type { HostResult } from '../result';
import { appMethods } from './app';
import { displayMethods } from './display';
import { journalMethods } from './journal';
import { labelMethods } from './labels';
import { mergeFeatureMaps } from './merge';
import { DEFAULT_MAX_BODY_BYTES, MIB, type MethodSpec } from './spec';
import { printingMethods, PrinterStatusSchema } from './printing';
import { HostSettingsSchema, settingsMethods } from './settings';
import { uploadMethods } from './upload';

/**
 * The host contract: everything the renderer may ask of the host. Each feature exports
 * a method map; this is their union. Types come from the zod schemas (z.infer), so the
 * host's validation and the caller's types cannot drift apart.
 */
export const hostMethods = mergeFeatureMaps('host method', appMethods, printingMethods, settingsMethods, labelMethods, uploadMethods, journalMethods, displayMethods) satisfies Record<string, MethodSpec>;

export type HostMethods = typeof hostMethods;
export type HostMethod = keyof HostMethods;
/** What a caller passes (defaults may be left out). */
export type HostInput<K extends HostMethod> = z.input<HostMethods[K]['input']>;
/** What a handler receives after validation. */
export type HostParsedInput<K extends HostMethod> = z.output<HostMethods[K]['input']>;
export type HostOutput<K extends HostMethod> = z.output<HostMethods[K]['output']>;

export const HOST_METHOD_NAMES = Object.keys(hostMethods) as HostMethod[];

/** The body limit of a method; an unknown name gets the default (dispatch refuses it anyway). */
export function maxBodyBytesOf(method: string): number {
  if (!Object.hasOwn(hostMethods, method)) return DEFAULT_MAX_BODY_BYTES;
  const spec: MethodSpec = hostMethods[method as HostMethod];
  return spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

/** What a transport answers when a request is over its method's limit. */
export function bodyTooLargeMessage(method: string, limit: number): string {
  return `${method.slice(0, 60)}: the request is larger than ${formatBytes(limit)}, the most this call accepts.`;
}

function formatBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

/** Events the host pushes to the renderer. */
export const hostEvents = {
  'printer.status': PrinterStatusSchema,
  /**
   * The machine settings after every successful change (settings.update, device.enrol),
   * whoever made it. Electron's main process follows `kiosk` from it; screens may too.
   */
  'settings.changed': HostSettingsSchema,
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
export * from './merge';
export * from './spec';
export * from './upload';
export * from './journal';
export * from './display';
