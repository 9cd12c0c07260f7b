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

/** The ordered log of emitted events (SPEC §5.8). Listeners are kept across `reset()`. */
export class EventLog {
  #events: EmittedEvent[] = [];
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
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  /** Every event, oldest first. */
  all(): readonly EmittedEvent[] {
    return this.#events;
  }

  get(id: string): EmittedEvent | undefined {
    return this.#events.find((e) => e.id === id);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reset(): void {
    this.#events = [];
  }
}
