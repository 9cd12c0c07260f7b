import type { MockClock } from './clock.js';
import { newId } from './ids.js';
import type { Table } from './store.js';

/** An emitted event, exactly as `GET /events` and webhook deliveries carry it. */
export interface EmittedEvent {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

export type EventListener = (event: EmittedEvent) => void;

/**
 * The ordered log of emitted (webhook) events. The events themselves live in the store (`store.events`),
 * with all other engine state; listeners are not state and are kept across `reset()`.
 */
export class EventLog {
  readonly #listeners = new Set<EventListener>();
  constructor(
    private readonly clock: MockClock,
    private readonly table: () => Table<EmittedEvent>,
  ) {}

  emit(type: string, data: Record<string, unknown>): EmittedEvent {
    const event: EmittedEvent = {
      id: newId('evt'),
      object: 'event',
      type,
      created_at: this.clock.now().toISOString(),
      data,
    };
    this.table().insert(event);
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // Emits happen inside a request's engine step: a failing listener (a test's onEvent callback,
        // webhook delivery) must not fail that request nor starve the other listeners. Surface it apart.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return event;
  }

  /** Every event, oldest first. */
  all(): readonly EmittedEvent[] {
    return this.table().rows;
  }

  get(id: string): EmittedEvent | undefined {
    return this.table().get(id);
  }

  /** Position of an event in emission order (a pagination cursor). */
  position(id: string): number | undefined {
    return this.table().position(id);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
