/**
 * Which webhook endpoint URLs the mock delivers to. By default only loopback hosts: a fixture or a copied
 * production config must not make a test suite POST signed events to a cloud metadata address
 * (`169.254.169.254`) or a real service. The check is made when the endpoint is created, where a refusal can
 * name the fix; deliveries only ever go to registered endpoints.
 */

/** `127.0.0.0/8` as the WHATWG URL parser prints it (it already turns `127.1` or `0x7f.1` into dotted quads). */
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** `::1`, and IPv4-mapped `::ffff:127.x.y.z` as the parser prints it (`[::ffff:7f00:1]`). */
const IPV6_LOOPBACK = /^\[(::1|::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4})\]$/;

/** Whether `url` (already a valid http(s) URL) points at this machine's loopback interface. */
export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || IPV4_LOOPBACK.test(hostname) || IPV6_LOOPBACK.test(hostname);
}

/** The refusal message for a remote endpoint URL: what was refused, and both ways to allow it. */
export const remoteRefusal = (url: string): string =>
  `The reference server delivers webhooks only to loopback hosts (localhost, 127.0.0.0/8, ::1), ` +
  `got ${new URL(url).hostname}. To deliver to other hosts, create the mock with ` +
  `createVinrMock({ webhooks: { allowRemote: true } }) or start it with vinr-mock --allow-remote-webhooks.`;
