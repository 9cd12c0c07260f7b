import type { OperationTable } from './types.js';

/** `vinr.engagement.checkouts`: quotes that reserve offer slots until the payment completes them. */
export const checkoutOperations = {
  'checkouts.preview': {
    method: 'POST',
    path: '/engagement/checkouts/preview',
    summary: 'Price a cart after the member’s offers, storing and reserving nothing',
    body: 'checkoutPreview',
    response: 'CheckoutPreview',
  },
  'checkouts.create': {
    method: 'POST',
    path: '/engagement/checkouts',
    summary: 'Quote a cart and reserve one slot of each applied offer until it expires',
    body: 'checkoutCreate',
    response: 'Checkout',
  },
  'checkouts.retrieve': {
    method: 'GET',
    path: '/engagement/checkouts/:id',
    summary: 'Retrieve a checkout (an open one past `expires_at` reads `expired`)',
    response: 'Checkout',
  },
  'checkouts.update': {
    method: 'PATCH',
    path: '/engagement/checkouts/:id',
    summary: 'Re-quote an open checkout (keeping its own slots) or replace its metadata',
    body: 'checkoutUpdate',
    response: 'Checkout',
  },
  'checkouts.list': {
    method: 'GET',
    path: '/engagement/checkouts',
    summary: 'List checkouts, newest first (by account and/or status)',
    query: 'checkoutList',
    response: 'Checkout',
    list: true,
  },
  'checkouts.complete': {
    method: 'POST',
    path: '/engagement/checkouts/:id/complete',
    summary: 'Commit exactly the quote once `amount_due` was charged',
    body: 'checkoutComplete',
    response: 'Checkout',
  },
  'checkouts.cancel': {
    method: 'POST',
    path: '/engagement/checkouts/:id/cancel',
    summary: 'Cancel an open checkout and release its slots (idempotent)',
    response: 'Checkout',
  },
} as const satisfies OperationTable;
