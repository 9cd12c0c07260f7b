import type { Dispatcher } from 'undici';
import { VinrError } from './errors.js';
import { globalFetch, sendFetch } from './fetch-transport.js';
import { detectRuntime } from './runtime.js';
import { type Send, send } from './transport.js';

type MakeAgent = () => Dispatcher | Promise<Dispatcher>;

let makeOwnedAgent: MakeAgent | undefined;

/**
 * Called by the Node entry only. Edge and worker builds never call it, so they hold no path to undici and use
 * the runtime's `fetch` when no `dispatcher` is given.
 */
export function provideOwnedAgent(make: MakeAgent): void {
  makeOwnedAgent = make;
}

/** What the client was given to reach the network. */
export interface TransportChoice {
  dispatcher: Dispatcher | undefined;
  fetch: typeof fetch | undefined;
}

/**
 * The transport of one client (shared by its `withOptions()` copies), chosen on the first request:
 * `fetch` option → that fetch; `dispatcher` option → undici's dispatch; otherwise, on Node, a keep-alive undici
 * Agent owned by the client; anywhere else (Bun, Deno, workerd, edge runtimes), the global `fetch`.
 */
export class TransportRef {
  readonly #choice: TransportChoice;
  #send: Send | undefined;
  #owned: Dispatcher | undefined;
  #pending: Promise<Send> | undefined;

  constructor(choice: TransportChoice) {
    if (choice.dispatcher !== undefined && choice.fetch !== undefined) {
      throw new VinrError(
        'Pass either `dispatcher` (undici) or `fetch`, not both: they are two ways to send requests.',
      );
    }
    if (choice.fetch !== undefined && typeof choice.fetch !== 'function') {
      throw new VinrError('Invalid `fetch` option: expected a function with the signature of the global fetch.');
    }
    this.#choice = choice;
  }

  /** Which transport requests go through (resolved without sending anything). */
  get kind(): 'fetch' | 'undici' {
    const { dispatcher, fetch } = this.#choice;
    if (fetch !== undefined) return 'fetch';
    if (dispatcher !== undefined) return 'undici';
    return makeOwnedAgent !== undefined && detectRuntime().name === 'node' ? 'undici' : 'fetch';
  }

  get(): Send | Promise<Send> {
    if (this.#send === undefined) this.#send = this.#direct();
    if (this.#send !== undefined) return this.#send;
    this.#pending ??= Promise.resolve((makeOwnedAgent as MakeAgent)()).then((agent) => {
      this.#owned = agent;
      this.#pending = undefined;
      this.#send = (req) => send(req, agent);
      return this.#send;
    });
    return this.#pending;
  }

  /** Every transport that needs no loading; `undefined` for the owned Agent. */
  #direct(): Send | undefined {
    const { dispatcher, fetch } = this.#choice;
    if (fetch !== undefined) return (req) => sendFetch(req, fetch);
    if (dispatcher !== undefined) return (req) => send(req, dispatcher);
    if (this.kind === 'fetch') return (req) => sendFetch(req, globalFetch);
    return undefined;
  }

  /** Closes the owned Agent; an injected dispatcher or fetch belongs to the caller and is left alone. */
  async close(): Promise<void> {
    const owned = this.#owned;
    if (owned === undefined) return;
    this.#owned = undefined;
    this.#send = undefined;
    await owned.close();
  }
}
