// The inspector page: one state document from /__inspector/stream (server-sent events, re-sent on every change),
// rendered with plain DOM and template strings. No framework, no network beyond this server.
(() => {
  const key = new URLSearchParams(location.search).get('key');
  const withKey = (path) => (key ? `${path}?key=${encodeURIComponent(key)}` : path);
  const esc = (v) =>
    String(v ?? '').replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  const num = (n) => Number(n).toLocaleString('en-US');
  /** `ofr_TCxxriQq2EML6CnOzNee` → `ofr_TCxxri…` inside paths, so the part that says what happened stays visible. */
  const shortIds = (path) => path.replace(/\b([a-z]{2,5}_[A-Za-z0-9]{4})[A-Za-z0-9]{8,}/g, '$1…');
  const time = (iso) => (iso ? iso.slice(11, 19) : '');
  const seen = new Set();
  let first = true;

  /** Marks rows that were not on screen before, so a change catches the eye. */
  const fresh = (id) => {
    const isNew = !seen.has(id) && !first;
    seen.add(id);
    return isNew ? ' fresh' : '';
  };

  const drawn = new Map();
  /** Redraws a card only when its content changed, keeping its scroll position (the lists scroll). */
  const section = (id, html, count) => {
    const card = document.getElementById(id);
    let badge = card.querySelector('h2 .count');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'count';
      card.querySelector('h2').append(badge);
    }
    badge.textContent = count === undefined ? '' : `${num(count)}`;
    if (drawn.get(id) === html) return;
    drawn.set(id, html);
    const body = card.querySelector('.body');
    const scrolled = body.scrollTop;
    body.innerHTML = html;
    body.scrollTop = scrolled;
  };
  const empty = (text) => `<div class="empty">${esc(text)}</div>`;
  /** `widths` (one per column, '' for the flexible one) fixes the layout so long paths shrink with an ellipsis. */
  const table = (head, rows, widths) =>
    `<table${widths ? ` class="fixed"><colgroup>${widths.map((w) => `<col${w ? ` style="width:${w}"` : ''}>`).join('')}</colgroup` : ''}><thead><tr>${head.map((h) => `<th${h.endsWith(' ') ? ' class="num"' : ''}>${esc(h.trim())}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

  function tiles(s) {
    const t = s.totals;
    const active = s.offers.filter((o) => o.status === 'active').length;
    const openCheckouts = s.checkouts.filter((c) => c.status === 'open').length;
    const tile = (n, l, sub, cls) =>
      `<div class="tile"><div class="n">${num(n)}${sub ? `<span class="sub ${cls}">${esc(sub)}</span>` : ''}</div><div class="l">${esc(l)}</div></div>`;
    document.getElementById('tiles').innerHTML = [
      tile(t.offers, 'offers', `${active} active`, 'good'),
      tile(t.members, 'members'),
      tile(t.redemptions, 'redemptions'),
      tile(t.checkouts, 'checkouts', openCheckouts ? `${openCheckouts} open` : '', 'warn'),
      tile(t.requests, 'requests', t.failedRequests ? `${t.failedRequests} refused` : '', 'bad'),
      tile(t.events, 'events'),
      tile(t.deliveries, 'webhook deliveries', t.failedDeliveries ? `${t.failedDeliveries} failed` : '', 'bad'),
    ].join('');
  }

  function offers(list) {
    if (list.length === 0)
      return section('offers', empty('No offers yet. Create one with vinr.engagement.offers.create().'), 0);
    const html = list.map((o) => {
      const capped = o.cap !== null;
      const total = capped ? o.cap : Math.max(o.committed + o.reserved, 1);
      const left = capped ? Math.max(o.cap - o.committed - o.reserved, 0) : null;
      // The API reads a published offer before its start as `draft`; a person wants to see it is coming.
      const waiting = o.published && !o.started && o.status === 'draft';
      const label = waiting ? 'scheduled' : o.status;
      const pct = (n) => `${Math.min((n / total) * 100, 100)}%`;
      const bar = capped
        ? `<div class="bar" title="${o.committed} committed, ${o.reserved} reserved, ${left} left of ${o.cap}"><div class="committed" style="width:${pct(o.committed)}"></div><div class="reserved" style="width:${pct(o.reserved)}"></div></div>
           <div class="legend"><span class="c"><i></i>committed <b>${num(o.committed)}</b></span><span class="r"><i></i>reserved <b>${num(o.reserved)}</b></span><span class="l"><i></i>left <b>${num(left)}</b> of ${num(o.cap)}</span></div>`
        : `<div class="legend"><span class="c"><i></i>committed <b>${num(o.committed)}</b></span>${o.reserved ? `<span class="r"><i></i>reserved <b>${num(o.reserved)}</b></span>` : ''}<span>no cap</span></div>`;
      return `<div class="offer${fresh(o.id)}" data-offer="${esc(o.id)}">
        <div class="head"><span class="name">${esc(o.name)}</span>${waiting ? `<span class="tag">starts ${esc(o.startsAt.slice(0, 16).replace('T', ' '))}</span>` : ''}<span class="pill ${esc(label)}">${esc(label)}</span></div>
        <div class="meta">${esc(o.incentive.replaceAll('_', ' '))} · ${esc(o.activation === 'opt_in' ? 'opt-in' : 'automatic')} · ${num(o.perMember)} per member${o.endsAt ? ` · ends ${esc(o.endsAt.slice(0, 16).replace('T', ' '))}` : ''} · <span class="mono">${esc(o.id)}</span></div>
        ${bar}</div>`;
    });
    section('offers', html.join(''), list.length);
  }

  function members(list) {
    if (list.length === 0) return section('members', empty('No members yet.'), 0);
    const rows = list.map(
      (m) => `<tr class="${fresh(m.id)}" data-member="${esc(m.id)}">
        <td>${esc(m.customer ?? '—')}<div class="mono muted">${esc(m.id)}</div></td>
        <td>${m.tier ? `<span class="tag tier-${esc(m.tier)}">${esc(m.tier)}</span>` : '<span class="muted">—</span>'}${m.status !== 'active' ? ` <span class="pill ${esc(m.status)}">${esc(m.status)}</span>` : ''}</td>
        <td class="wrap">${m.segments.map((s) => `<span class="tag">${esc(s)}</span>`).join('') || '<span class="muted">—</span>'}</td>
        <td class="num">${num(m.redemptions)}</td>
        <td class="num balance">${num(m.balance)}</td></tr>`,
    );
    section('members', table(['Member', 'Tier', 'Segments', 'Redeemed ', 'Points '], rows), list.length);
  }

  function redemptions(list) {
    if (list.length === 0) return section('redemptions', empty('No redemptions yet.'), 0);
    const rows = list.map(
      (
        r,
      ) => `<tr class="${fresh(r.id)}"><td class="muted mono">${time(r.createdAt)}</td><td>${esc(r.account)}</td><td class="wrap">${esc(r.offer)}</td>
        <td class="num">${r.points !== null ? `+${num(r.points)} pts` : r.discount !== null ? `−${num(r.discount)}` : esc(r.incentive.replaceAll('_', ' '))}</td></tr>`,
    );
    section('redemptions', table(['Time', 'Member', 'Offer', 'Gives '], rows), list.length);
  }

  function checkouts(list) {
    if (list.length === 0) return section('checkouts', empty('No checkouts yet.'), 0);
    // Amounts are integer minor units: shown in major units with the currency's own decimals (JPY has none).
    const money = (n, c) => {
      try {
        const f = new Intl.NumberFormat('en', { style: 'currency', currency: c.toUpperCase() });
        return esc(f.format(n / 10 ** f.resolvedOptions().maximumFractionDigits));
      } catch {
        return `${num(n)} ${esc(c.toUpperCase())}`;
      }
    };
    const rows = list.map(
      (
        c,
      ) => `<tr class="${fresh(c.id)}"><td class="muted mono">${time(c.createdAt)}</td><td>${esc(c.account)}</td><td class="wrap">${c.offers.length ? c.offers.map(esc).join(', ') : '<span class="muted">no offer</span>'}</td>
        <td><span class="pill ${esc(c.status)}">${esc(c.status)}</span></td><td class="num">${c.due === c.amount ? money(c.amount, c.currency) : `<s class="muted">${money(c.amount, c.currency)}</s> ${money(c.due, c.currency)}`}</td></tr>`,
    );
    section('checkouts', table(['Time', 'Member', 'Offers applied', 'Status', 'Amount due '], rows), list.length);
  }

  function requests(list) {
    if (list.length === 0)
      return section('requests', empty('No API requests yet. Point your app at this server’s /v1.'), 0);
    const rows = list.map(
      (
        r,
      ) => `<tr class="${fresh(r.requestId)}" data-request="${esc(r.requestId)}"><td class="muted mono">${time(r.at)}</td>
        <td><span class="pill ${esc(r.method)}">${esc(r.method)}</span></td>
        <td class="mono fill" title="${esc(r.path)}">${esc(shortIds(r.path))}${r.attempt > 1 ? ` <span class="tag">attempt ${r.attempt}</span>` : ''}${r.replayed ? ' <span class="tag">replayed</span>' : ''}</td>
        <td><span class="pill s${String(r.status).charAt(0)}">${r.status === 0 ? 'dropped' : r.status}</span>${r.code ? ` <span class="code">${esc(r.code)}</span>` : ''}</td></tr>`,
    );
    section('requests', table(['Time', '', 'Path', 'Status'], rows, ['84px', '74px', '', '190px']), list.length);
  }

  function events(list) {
    if (list.length === 0) return section('events', empty('No events yet.'), 0);
    const rows = list.map(
      (
        e,
      ) => `<tr class="${fresh(e.id)}"><td class="muted mono">${time(e.createdAt)}</td><td><span class="tag">${esc(e.type.replace('loyalty.', ''))}</span></td>
        <td class="fill" title="${esc(e.subject ?? '')}">${esc(e.subject ?? '')}</td><td class="mono muted fill" title="${esc(e.id)}">${esc(e.id)}</td></tr>`,
    );
    section('events', table(['Time', 'Type', 'About', 'Id'], rows, ['84px', '130px', '', '120px']), list.length);
  }

  function deliveries(list) {
    if (list.length === 0)
      return section(
        'deliveries',
        empty('No deliveries. Register an endpoint with vinr.webhookEndpoints.create().'),
        0,
      );
    const rows = list.map((d) => {
      const attempts = d.attempts
        .map(
          (a, i) =>
            `<span class="${a.statusCode !== null && a.statusCode < 300 ? 'ok' : 'ko'}" title="attempt ${i + 1}: ${esc(a.statusCode ?? a.error)} in ${a.ms} ms">${i + 1}</span>`,
        )
        .join('');
      return `<tr class="${fresh(`${d.id}:${d.status}`)}"><td><span class="tag">${esc(d.eventType.replace('loyalty.', ''))}</span></td><td class="mono fill" title="${esc(d.url)}">${esc(d.url)}</td>
        <td><span class="attempts">${attempts}</span></td><td><span class="pill ${esc(d.status)}">${esc(d.status)}</span></td></tr>`;
    });
    section(
      'deliveries',
      table(['Event', 'Endpoint', 'Attempts', 'Status'], rows, ['130px', '', '100px', '110px']),
      list.length,
    );
  }

  function render(s) {
    const clock = document.getElementById('clock');
    clock.innerHTML = `${esc(s.clock.now.replace('T', ' ').slice(0, 19))} UTC<span class="mode">${s.clock.frozen ? 'frozen' : 'real time'}</span>`;
    tiles(s);
    offers(s.offers);
    members(s.members);
    redemptions(s.redemptions);
    checkouts(s.checkouts);
    requests(s.requests);
    events(s.events);
    deliveries(s.deliveries);
    first = false;
    document.body.dataset.ready = 'true';
  }

  document.getElementById('base').textContent = `${location.origin}/v1`;
  const live = document.getElementById('live');
  const liveText = document.getElementById('live-text');
  const source = new EventSource(withKey('/__inspector/stream'));
  source.onopen = () => {
    live.className = 'live on';
    liveText.textContent = 'live';
  };
  source.onerror = () => {
    live.className = 'live off';
    liveText.textContent = 'disconnected';
  };
  source.onmessage = (message) => render(JSON.parse(message.data));
})();
