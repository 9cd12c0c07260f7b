import type { EventTrackParams } from '../../src/schemas/activity.js';
import type { EngineState } from './engine-state.js';
import { trackPayment } from './purchases.js';
import { refundPayment } from './refunds.js';
import type { EngagementEvent } from './serialize.js';

/** Engagement events (`events.track`): a payment goes to purchases.ts, a refund to refunds.ts. */
export class TrackingService {
  constructor(private readonly state: EngineState) {}

  track(params: EventTrackParams): EngagementEvent {
    return params.type === 'payment.refunded' ? refundPayment(this.state, params) : trackPayment(this.state, params);
  }
}
