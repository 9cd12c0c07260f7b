import type { Dispatcher } from 'undici';

type Undici = typeof import('undici');
let undici: Undici | undefined;
let loading: Promise<Undici> | undefined;

const create = (u: Undici): Dispatcher => new u.Agent({ keepAliveTimeout: 30_000, connections: 64 });

/**
 * The keep-alive Agent a client owns on Node. undici is loaded on the first request, not at `require` time
 * (it costs ~100 ms to load), and only the Node entry imports this module: edge bundles never see undici.
 */
export function makeOwnedAgent(): Dispatcher | Promise<Dispatcher> {
  if (undici) return create(undici);
  loading ??= import('undici').then((m) => {
    undici = m;
    return m;
  });
  return loading.then(create);
}
