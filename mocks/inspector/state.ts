import { checkoutStatus } from '../engine/checkouts.js';
import type { MockClock } from '../engine/clock.js';
import type { Engine } from '../engine/index.js';
import { offerJson } from '../engine/serialize.js';
import type { Journal } from '../ergonomics/journal.js';
import type { WebhookDelivery } from '../webhooks/delivery.js';

/** What the inspector reads: the mock's live parts, never copies. */
export interface InspectorSource {
  engine: Engine;
  clock: MockClock;
  journal: Journal;
  deliveries(): readonly WebhookDelivery[];
}

/** Newest entries shown per list: enough for a demo run, small enough to redraw every change. */
const RECENT = 100;

const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
const newest = <T>(rows: readonly T[], n = RECENT): T[] => rows.slice(-n).reverse();

type Row = Record<string, unknown>;

/** "Offer name · member" for an event's data, whichever object it carries. */
function subjectOf(data: Row, offers: Map<string, string>, accounts: Map<string, string>): string | null {
  const carried = data.redemption ?? data.activation ?? data.offer;
  const obj = (typeof carried === 'object' && carried !== null ? carried : data) as Row;
  const offer = typeof obj.offer === 'string' ? (offers.get(obj.offer) ?? obj.offer) : (obj.name as string | undefined);
  const account = typeof obj.account === 'string' ? (accounts.get(obj.account) ?? obj.account) : undefined;
  return [offer, account].filter(Boolean).join(' · ') || null;
}

/**
 * The whole page's data in one JSON document. Each section is one small function of the engine, so a new kind
 * of object is one more entry here and one more renderer in inspector.js.
 */
export function inspectorState(src: InspectorSource): Record<string, unknown> {
  const { engine, clock } = src;
  const store = engine.store;
  const now = clock.ms();
  const offerNames = new Map(store.offers.rows.map((o) => [o.id, o.name]));
  const accountLabel = new Map(store.accounts.rows.map((a) => [a.id, a.customer ?? a.id]));
  const redemptionsBy = new Map<string, number>();
  for (const r of store.redemptions.rows) redemptionsBy.set(r.account, (redemptionsBy.get(r.account) ?? 0) + 1);
  const deliveries = src.deliveries();
  const journal = src.journal.entries();
  return {
    // To the second: a clock in real time would otherwise change the document (and redraw the page) every tick.
    clock: { now: new Date(now - (now % 1000)).toISOString(), frozen: clock.frozen },
    totals: {
      offers: store.offers.size,
      members: store.accounts.size,
      redemptions: store.redemptions.size,
      checkouts: store.checkouts.size,
      requests: journal.length,
      failedRequests: journal.filter((r) => r.status === 0 || r.status >= 400).length,
      events: engine.events.all().length,
      deliveries: deliveries.length,
      failedDeliveries: deliveries.filter((d) => d.status === 'failed').length,
    },
    offers: newest(store.offers.rows).map((o) => {
      const wire = offerJson(o, now);
      return {
        id: o.id,
        name: o.name,
        status: wire.status,
        incentive: o.incentive.type,
        activation: o.activationMode,
        committed: o.redemptionCount,
        reserved: wire.reserved_count,
        cap: o.maxRedemptions,
        perMember: o.perMemberLimit,
        startsAt: iso(o.startsAt),
        published: o.publishedAt !== null,
        started: o.startsAt <= now,
        endsAt: iso(o.endsAt),
      };
    }),
    members: newest(store.accounts.rows).map((a) => ({
      id: a.id,
      customer: a.customer,
      tier: a.tier,
      status: a.status,
      balance: a.balance,
      segments: [...a.segments],
      redemptions: redemptionsBy.get(a.id) ?? 0,
    })),
    redemptions: newest(store.redemptions.rows).map((r) => ({
      id: r.id,
      offer: offerNames.get(r.offer) ?? r.offer,
      account: accountLabel.get(r.account) ?? r.account,
      incentive: r.incentiveType,
      points: r.pointsTx ? (store.pointsTxs.get(r.pointsTx)?.points ?? null) : null,
      discount: r.discountAmount,
      createdAt: iso(r.createdAt),
    })),
    checkouts: newest(store.checkouts.rows).map((c) => ({
      id: c.id,
      status: checkoutStatus(c, now),
      account: accountLabel.get(c.account) ?? c.account,
      amount: c.amount,
      due: c.amount - c.discountAmount,
      currency: c.currency,
      offers: c.applied.map((a) => offerNames.get(a.offer) ?? a.offer),
      createdAt: iso(c.createdAt),
    })),
    requests: newest(journal).map((r) => ({
      method: r.method,
      path: r.path,
      status: r.status,
      code: r.code,
      attempt: r.attempt,
      replayed: r.replayed,
      requestId: r.requestId,
      at: r.at,
    })),
    events: newest(engine.events.all()).map((e) => ({
      id: e.id,
      type: e.type,
      createdAt: e.created_at,
      subject: subjectOf(e.data, offerNames, accountLabel),
    })),
    deliveries: newest(deliveries).map((d) => ({
      id: d.id,
      eventType: d.eventType,
      url: d.url,
      status: d.status,
      attempts: d.attempts.map((a) => ({ statusCode: a.statusCode, error: a.error, ms: a.durationMs })),
    })),
  };
}
