/**
 * The seed scenario, played against the embedded reference server (no network, no API key):
 *   1. "Win-back weekend: 2x points" for members of segment `lapsed_90d` (auto, once per member);
 *   2. "1,000-point bonus" for gold members, opt-in, capped at 500 redemptions.
 * Then a merchant's whole path with a third offer, "Summer 15% off" for gold members: which members may use it,
 * a checkout that prices the cart before charging, completion on payment, and two refunds.
 * Run it with `npm run demo`.
 */
import { isAPIError, OfferLimitReachedError, OfferNotEligibleError, type Vinr } from '@vinr/sdk';
import { createVinrMock } from '@vinr/sdk/mocks';

const mock = createVinrMock({ now: '2026-06-01T09:00:00Z' });
const vinr: Vinr = mock.client();
const lines: string[] = [];
const say = (member: string, what: string) => lines.push(`${member.padEnd(6)} ${what}`);

/** What a refusal means for the member, from its typed error. */
function refusal(e: unknown): string {
  if (e instanceof OfferLimitReachedError) return `refused: ${e.code} (limit: ${e.limit})`;
  if (e instanceof OfferNotEligibleError) return `refused: ${e.code} (failed: ${e.failedConditions.join(', ')})`;
  if (isAPIError(e)) return `refused: ${e.code}`;
  throw e;
}

// Members, as a merchant would import them.
await vinr.engagement.segments.create({ key: 'lapsed_90d', name: 'No purchase in 90 days' });
const members = {
  Ana: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_ana', tier: 'silver', points_balance: 120 }),
  Ben: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_ben', tier: 'gold', points_balance: 2400 }),
  Cleo: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_cleo', tier: 'gold' }),
  Dev: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_dev', tier: 'silver' }),
  Eve: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_eve', tier: 'gold' }),
};
await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [members.Ana.id, members.Cleo.id] });
await vinr.engagement.loyaltyAccounts.update(members.Eve.id, { status: 'suspended' });

// Sample 1: the win-back weekend.
const weekend = await vinr.engagement.offers.create({
  name: 'Win-back weekend: 2x points',
  incentive: { type: 'points_multiplier', multiplier: 2 },
  targeting: { segments: ['lapsed_90d'] },
  starts_at: '2026-06-06T00:00:00Z',
  ends_at: '2026-06-08T23:59:59Z',
  per_member_limit: 1,
});
await vinr.engagement.offers.publish(weekend.id);

// Sample 2: the gold bonus, capped at 500.
const bonus = await vinr.engagement.offers.create({
  name: '1,000-point bonus for gold members',
  incentive: { type: 'points_bonus', points: 1000 },
  targeting: { tiers: ['gold'] },
  max_redemptions: 500,
});
await vinr.engagement.offers.publish(bonus.id);

lines.push(`Offers: "${weekend.name}" (${weekend.id}), "${bonus.name}" (${bonus.id})`, '');
lines.push('Gold bonus activations (opt-in):');
for (const [name, account] of Object.entries(members)) {
  try {
    const activation = await vinr.engagement.offers.activate({ offer: bonus.id, account: account.id });
    say(name, `+${activation.redemption?.points_transaction?.points ?? 0} points (${activation.status})`);
  } catch (e) {
    say(name, refusal(e));
  }
}
try {
  await vinr.engagement.offers.activate({ offer: bonus.id, account: members.Ben.id });
  say('Ben', 'activates again: a second bonus?!');
} catch (e) {
  say('Ben', `activates again: ${refusal(e)}`);
}

lines.push('', 'Purchases of EUR 45.00 (base: 1 point per euro):');
const buy = async (name: keyof typeof members, paymentId: string, when: string) => {
  mock.clock.set(when);
  const r = await vinr.engagement.events.track({
    type: 'payment.completed',
    account: members[name].id,
    payment_id: paymentId,
    amount: 4500,
    currency: 'eur',
  });
  const bonusPoints = r.redemptions.reduce((sum, x) => sum + (x.points_transaction?.points ?? 0), 0);
  say(name, `${when.slice(0, 10)}: ${r.points_earned} base + ${bonusPoints} offer points`);
};
await buy('Ana', 'pay_1001', '2026-06-06T10:00:00Z');
await buy('Ana', 'pay_1002', '2026-06-07T10:00:00Z');
await buy('Cleo', 'pay_1003', '2026-06-07T12:00:00Z');
await buy('Dev', 'pay_1004', '2026-06-07T13:00:00Z');
await buy('Cleo', 'pay_1005', '2026-06-09T09:00:00Z');

lines.push('', 'Balances:');
for (const [name, account] of Object.entries(members)) {
  const a = await vinr.engagement.loyaltyAccounts.retrieve(account.id);
  say(
    name,
    `${a.points_balance} points (${a.tier}, ${a.status}${a.segments.length ? `, ${a.segments.join(', ')}` : ''})`,
  );
}
const [w, b] = await Promise.all([
  vinr.engagement.offers.retrieve(weekend.id),
  vinr.engagement.offers.retrieve(bonus.id),
]);
lines.push('', `Win-back weekend: ${w.status}, ${w.redemption_count} redemptions`);
lines.push(`Gold bonus: ${b.status}, ${b.redemption_count}/${b.max_redemptions} redemptions`);

// The merchant's path: eligibility → checkout (quote + reserve) → charge amount_due → complete → refund.
const eur = (minor: number) => `EUR ${(minor / 100).toFixed(2)}`;
const summer = await vinr.engagement.offers.create({
  name: 'Summer 15% off',
  incentive: { type: 'percentage_discount', percent: 15, max_discount: 5000 },
  targeting: { tiers: ['gold'] },
  max_redemptions: 100,
});
await vinr.engagement.offers.publish(summer.id);
lines.push('', `Checkout with "${summer.name}":`);
for (const name of ['Ana', 'Ben', 'Eve'] as const) {
  const check = await vinr.engagement.offers.checkEligibility({ offer: summer.id, account: members[name].id });
  say(name, check.eligible ? 'eligible' : `not eligible (${check.reasons.join(', ')})`);
}
const checkout = await vinr.engagement.checkouts.create({ account: members.Ben.id, amount: 12_000, currency: 'eur' });
say(
  'Ben',
  `cart ${eur(checkout.amount)}: -${eur(checkout.discount_amount)}, pay ${eur(checkout.amount_due)}, +${checkout.points_preview} points (${checkout.status})`,
);
const held = await vinr.engagement.offers.retrieve(summer.id);
say('Ben', `holds ${held.reserved_count} slot of ${held.max_redemptions} until ${checkout.expires_at}`);
// ...charge checkout.amount_due with the payment provider, then:
const done = await vinr.engagement.checkouts.complete(checkout.id, { payment_id: 'pay_2001' });
say('Ben', `paid ${eur(done.amount_due)} (pay_2001): +${done.engagement_event?.points_earned} points, ${done.status}`);
const refund = async (refundId: string, amount?: number) => {
  const r = await vinr.engagement.events.track({
    type: 'payment.refunded',
    account: members.Ben.id,
    payment_id: 'pay_2001',
    refund_id: refundId,
    ...(amount === undefined ? {} : { amount }),
  });
  const points = r.points_transactions.reduce((sum, t) => sum + t.points, 0);
  say('Ben', `refund ${eur(r.amount)} (${refundId}): ${points} points, ${r.redemptions.length} redemption(s) reversed`);
};
await refund('re_1', 5_100);
await refund('re_2');
const after = await vinr.engagement.offers.retrieve(summer.id);
const ben = await vinr.engagement.loyaltyAccounts.retrieve(members.Ben.id);
lines.push(`Summer 15% off: ${after.status}, ${after.redemption_count} redemptions, ${after.reserved_count} reserved`);
say('Ben', `${ben.points_balance} points after the refunds`);
lines.push('', `Events emitted: ${mock.events.map((e) => e.type).join(', ')}`);

console.log(lines.join('\n'));
