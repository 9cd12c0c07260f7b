import type { MockClock } from './clock.js';
import { newId } from './ids.js';

/** An emitted event, exactly as `GET /events` and webhook deliveries carry it. */
export interface EmittedEvent {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

export type EventListener = (event: EmittedEvent) => void;

/** The ordered log of emitted events. Listeners are kept across `reset()`. */
export class EventLog {
  #events: EmittedEvent[] = [];
  /** id → position, for `get` and pagination cursors. */
  #at = new Map<string, number>();
  readonly #listeners = new Set<EventListener>();
  constructor(private readonly clock: MockClock) {}

  emit(type: string, data: Record<string, unknown>): EmittedEvent {
    const event: EmittedEvent = {
      id: newId('evt'),
      object: 'event',
      type,
      created_at: this.clock.now().toISOString(),
      data,
    };
    this.#at.set(event.id, this.#events.length);
    this.#events.push(event);
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
    return this.#events;
  }

  get(id: string): EmittedEvent | undefined {
    const i = this.#at.get(id);
    return i === undefined ? undefined : this.#events[i];
  }

  /** Position of an event in emission order (a pagination cursor). */
  position(id: string): number | undefined {
    return this.#at.get(id);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reset(): void {
    this.#events = [];
    this.#at = new Map();
  }

  /** Replaces the log with `events` without notifying listeners (a snapshot being restored). */
  load(events: readonly EmittedEvent[]): void {
    this.reset();
    for (const event of events) {
      this.#at.set(event.id, this.#events.length);
      this.#events.push(event);
    }
  }
}
