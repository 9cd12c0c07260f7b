import type { WebhookEndpoint } from '@vinr/sdk';
import { event } from '../../src/schemas/objects/activity.js';
import type { MockClock } from '../engine/clock.js';
import { invalid, notFound } from '../engine/errors.js';
import { newId } from '../engine/ids.js';
import { type ListPage, type ListQuery, paginate } from '../engine/pagination.js';
import { isLoopbackUrl, remoteRefusal } from './loopback-hosts.js';

/**
 * The event types the API emits: an endpoint may subscribe to these, or to `*`. Read from the Event schema, so a
 * new event type is subscribable as soon as it is declared.
 */
export const EVENT_TYPES: readonly string[] = event.options.map((o) => o.shape.type.value);

/** A registered endpoint, with the secret that signs its deliveries (kept here, shown on create only). */
export interface EndpointRecord {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret: string;
  createdAt: number;
  /** Deleted endpoints stay in place so that a list cursor pointing at one still works. */
  deleted: boolean;
}

export interface EndpointCreateInput {
  url: string;
  events?: string[] | undefined;
  description?: string | undefined;
}

const toJson = (r: EndpointRecord): WebhookEndpoint => ({
  id: r.id,
  object: 'webhook_endpoint',
  url: r.url,
  events: [...r.events],
  description: r.description,
  created_at: new Date(r.createdAt).toISOString(),
});

/** The webhook endpoints of one mock. Delivery targets are only what the user registered here. */
export class EndpointStore {
  #rows: EndpointRecord[] = [];
  #at = new Map<string, number>();
  constructor(
    private readonly clock: MockClock,
    private readonly allowRemote = false,
  ) {}

  /** Registers an endpoint; the result is the only one carrying `secret`. */
  create(input: EndpointCreateInput): WebhookEndpoint {
    if (!this.allowRemote && !isLoopbackUrl(input.url)) throw invalid('url', remoteRefusal(input.url));
    const events = input.events ?? ['*'];
    // A typo in a type would mean deliveries that silently never come: refuse it, like Stripe does.
    events.forEach((type, i) => {
      if (type !== '*' && !EVENT_TYPES.includes(type)) {
        throw invalid(`events.${i}`, `Unknown event type '${type}'. Use one of ${EVENT_TYPES.join(', ')}, or '*'.`);
      }
    });
    const record: EndpointRecord = {
      id: newId('we'),
      url: input.url,
      events: [...new Set(events)],
      description: input.description ?? null,
      secret: newId('whsec'),
      createdAt: this.clock.ms(),
      deleted: false,
    };
    this.#at.set(record.id, this.#rows.length);
    this.#rows.push(record);
    return { ...toJson(record), secret: record.secret };
  }

  list(query: ListQuery): ListPage<WebhookEndpoint> {
    return paginate(
      this.#rows,
      query,
      (id) => this.#at.get(id),
      toJson,
      (r) => !r.deleted,
    );
  }

  /** Removes an endpoint: pending retries to it stop at their next attempt. */
  delete(id: string): { id: string; object: 'webhook_endpoint'; deleted: true } {
    const record = this.get(id);
    if (!record) throw notFound('webhook endpoint', id);
    record.deleted = true;
    return { id, object: 'webhook_endpoint', deleted: true };
  }

  get(id: string): EndpointRecord | undefined {
    const i = this.#at.get(id);
    const record = i === undefined ? undefined : this.#rows[i];
    return record?.deleted ? undefined : record;
  }

  /** Live endpoints subscribed to `type`, oldest first. */
  matching(type: string): EndpointRecord[] {
    return this.#rows.filter((r) => !r.deleted && (r.events.includes('*') || r.events.includes(type)));
  }

  reset(): void {
    this.#rows = [];
    this.#at = new Map();
  }

  /** Every endpoint, deleted ones included (a list cursor may point at one), for a snapshot. */
  dump(): readonly EndpointRecord[] {
    return this.#rows;
  }

  /** Replaces every endpoint (a snapshot being restored). */
  load(rows: readonly EndpointRecord[]): void {
    this.reset();
    for (const row of rows) {
      this.#at.set(row.id, this.#rows.length);
      this.#rows.push(row);
    }
  }
}
