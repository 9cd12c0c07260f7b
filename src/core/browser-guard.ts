import { VinrError } from './errors.js';
import { looksLikeBrowser } from './runtime.js';

/**
 * A secret key in a browser is readable by anyone who opens the page, so the client refuses to start there
 * unless told otherwise. DOM emulations used by test runners look like browsers too, hence the opt-in.
 */
export function assertNotBrowser(dangerouslyAllowBrowser: boolean | undefined): void {
  if (dangerouslyAllowBrowser === true || !looksLikeBrowser()) return;
  throw new VinrError(
    'The VINR client appears to be running in a browser, where your secret key would be exposed to every visitor. ' +
      'Call the API from your server instead. If this is a test environment that emulates a browser (jsdom, ' +
      "happy-dom, e.g. vitest's `environment: 'jsdom'`), or you understand the risk, pass " +
      '`new Vinr({ dangerouslyAllowBrowser: true })`.',
  );
}
