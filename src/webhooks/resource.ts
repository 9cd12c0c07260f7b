// Placeholder replaced by the webhooks change (issue 5): `vinr.webhooks.verify / verifyAsync / sign`.
import { VinrError } from '../core/errors.js';

export class Webhooks {
  constructor(readonly getSecret: () => string | undefined) {}
  verify(): never {
    throw new VinrError('vinr.webhooks is not available yet');
  }
}
