import type { Channel } from 'node:diagnostics_channel';

/** What `vinr:request:start` carries: one attempt is about to be sent. */
export interface RequestStartMessage {
  method: string;
  /** The path after the base URL, without the query string. */
  path: string;
  /** 1 for the first try, 2 for the first retry… */
  attempt: number;
}

/** What `vinr:request:end` carries: how the attempt ended. Never a key, a body or a header. */
export interface RequestEndMessage extends RequestStartMessage {
  /** HTTP status; 0 when no response came (connection error, timeout, abort). */
  status: number;
  /** The `vinr-request-id` of the response, when one came. */
  requestId: string | null;
  /** Duration of the attempt in milliseconds. */
  ms: number;
}

interface Channels {
  start: Channel;
  end: Channel;
}

let channels: Channels | null | undefined;

/**
 * The SDK's `diagnostics_channel`s (`vinr:request:start`, `vinr:request:end`), for tracing without wrapping the
 * client (OpenTelemetry and APM agents subscribe to them). `null` where the runtime has no `node:diagnostics_channel`
 * (browsers, some edge runtimes). Loaded through `process.getBuiltinModule`, so bundles for other runtimes never
 * import it.
 */
export function diagnostics(): Channels | null {
  if (channels !== undefined) return channels;
  const load = typeof process === 'undefined' ? undefined : process.getBuiltinModule;
  const dc = load?.('node:diagnostics_channel') as typeof import('node:diagnostics_channel') | undefined;
  channels = dc ? { start: dc.channel('vinr:request:start'), end: dc.channel('vinr:request:end') } : null;
  return channels;
}
