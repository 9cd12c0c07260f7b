import type { OperationTable } from './types.js';

/** `vinr.engagement.offers`. */
export const offerOperations = {
  'offers.create': {
    method: 'POST',
    path: '/engagement/offers',
    summary: 'Create an offer (a draft)',
    body: 'offerCreate',
    response: 'Offer',
  },
  'offers.retrieve': {
    method: 'GET',
    path: '/engagement/offers/:id',
    summary: 'Retrieve an offer',
    response: 'Offer',
  },
  'offers.update': {
    method: 'PATCH',
    path: '/engagement/offers/:id',
    summary: 'Update an offer (after publish: name and metadata only)',
    body: 'offerUpdate',
    response: 'Offer',
  },
  'offers.list': {
    method: 'GET',
    path: '/engagement/offers',
    summary: 'List offers, newest first (`eligible_for`: only those a member may use now)',
    query: 'offerList',
    response: 'Offer',
    list: true,
  },
  'offers.publish': {
    method: 'POST',
    path: '/engagement/offers/:id/publish',
    summary: 'Publish a draft offer',
    response: 'Offer',
  },
  'offers.pause': {
    method: 'POST',
    path: '/engagement/offers/:id/pause',
    summary: 'Pause an active or scheduled offer',
    response: 'Offer',
  },
  'offers.resume': {
    method: 'POST',
    path: '/engagement/offers/:id/resume',
    summary: 'Resume a paused offer',
    response: 'Offer',
  },
  'offers.checkEligibility': {
    method: 'GET',
    path: '/engagement/offers/:id/eligibility',
    summary: 'Whether a member may use an offer now, and every reason why not (writes nothing)',
    query: 'eligibilityQuery',
    response: 'OfferEligibility',
  },
  'offers.activate': {
    method: 'POST',
    path: '/engagement/offers/:id/activations',
    summary: 'Opt a member into an opt_in offer',
    body: 'activationBody',
    response: 'OfferActivation',
  },
} as const satisfies OperationTable;
