// The dashboard page's script (no build step, no framework). It reads its words from the JSON data block the server
// wrote, draws every section from one request (/api/v1/reports/dashboard), and lists the leads or tasks behind a bar
// on click (/api/v1/reports/items). Text goes in with textContent only: nothing from the server becomes markup.
(() => {
  const config = JSON.parse(document.getElementById('dashboard-config').textContent);
  const t = config.texts;
  const $ = (id) => document.getElementById(id);
  const charts = new Map();
  let report;
  let items = { query: undefined, page: 1 };

  const pct = (x) => `${Math.round((x ?? 0) * 1000) / 10}%`;
  const hours = (ms) =>
    ms === undefined || ms === null ? '—' : `${(ms / 3_600_000).toFixed(1)} ${t.units.hours}`;
  const num = (x) => new Intl.NumberFormat(config.locale).format(Math.round((x ?? 0) * 100) / 100);
  const dateTime = (iso) =>
    new Intl.DateTimeFormat(config.locale, {
      dateStyle: 'short',
      timeStyle: 'short',
      ...(report ? { timeZone: report.timeZone } : {}),
    }).format(new Date(iso));

  function el(tag, text, attrs = {}) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  /** The org's local midnight of a `YYYY-MM-DD` day, as an ISO instant with its offset. */
  function localMidnight(day) {
    const m = Math.abs(config.offsetMinutes);
    const sign = config.offsetMinutes < 0 ? '-' : '+';
    const pad = (n) => String(n).padStart(2, '0');
    return `${day}T00:00:00${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  }
  const nextDay = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  /** The period and team picked, as the API's query. */
  function filters() {
    const q = new URLSearchParams();
    const period = $('period').value;
    if (period === 'custom') {
      if ($('from').value) q.set('from', localMidnight($('from').value));
      if ($('to').value) q.set('to', localMidnight(nextDay($('to').value)));
    } else q.set('period', period);
    if ($('team').value) q.set('team', $('team').value);
    return q;
  }

  async function getJson(path, query) {
    const response = await fetch(`${path}?${query}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body?.error?.message ?? String(response.status));
    return body;
  }

  function chart(id, option, onClick) {
    const node = $(`chart-${id}`);
    $(`panel-${id}`).hidden = false;
    let c = charts.get(id);
    if (!c) {
      c = window.echarts.init(node, null, { renderer: 'svg' });
      charts.set(id, c);
    }
    c.off('click');
    c.setOption(option, true);
    if (onClick) c.on('click', onClick);
  }

  const barOption = (names, values, format, label) => ({
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: { type: 'value', axisLabel: { formatter: format } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        type: 'bar',
        name: label,
        data: values,
        label: { show: true, position: 'right', formatter: (p) => format(p.value) },
      },
    ],
  });

  function drawSummary() {
    const box = $('summary');
    box.replaceChildren();
    const total = report.total;
    if (!total) return;
    box.hidden = false;
    const s = t.summary;
    const m = report.teamMedians ?? {};
    const cells = [
      [s.assigned, num(total.assigned)],
      [
        s.unfollowedRate,
        pct(total.unfollowedRate),
        m.unfollowedRate !== undefined ? pct(m.unfollowedRate) : undefined,
      ],
      [
        s.responseMedian,
        hours(total.responseMedianMs),
        m.responseMedianMs !== undefined ? hours(m.responseMedianMs) : undefined,
      ],
      [s.responseP90, hours(total.responseP90Ms)],
      [s.followUpsPerLead, num(total.followUpsPerLead)],
      [s.conversion, pct(total.conversion)],
      [s.won, num(total.won)],
      [s.wonAmount, num(total.wonAmount)],
      [s.reclaims, num(total.reclaims)],
    ];
    for (const [label, value, median] of cells) {
      const card = el('div', undefined, { class: 'figure' });
      card.append(el('span', label, { class: 'label' }), el('strong', value));
      if (median !== undefined) card.append(el('span', `${s.teamMedian} ${median}`, { class: 'muted' }));
      box.append(card);
    }
  }

  function drawReps() {
    const reps = report.reps ?? [];
    if (reps.length === 0) return;
    const names = reps.map((r) => r.name ?? '—');
    chart(
      'unfollowed',
      barOption(
        names,
        reps.map((r) => r.unfollowedRate),
        pct,
        t.summary.unfollowedRate,
      ),
      (p) =>
        openItems(
          { figure: 'unfollowed', member: reps[p.dataIndex].memberId },
          `${t.sections.unfollowed} · ${names[p.dataIndex]}`,
        ),
    );
    const h = (v) => (v === null || v === undefined ? '—' : (v / 3_600_000).toFixed(1));
    chart(
      'response',
      barOption(
        names,
        reps.map((r) => r.responseMedianMs ?? null),
        h,
        t.summary.responseMedian,
      ),
      (p) =>
        openItems(
          { figure: 'response', member: reps[p.dataIndex].memberId },
          `${t.sections.response} · ${names[p.dataIndex]}`,
        ),
    );
  }

  function drawFunnel() {
    const stages = (report.funnel?.stages ?? []).filter((s) => s.kind !== 'lost');
    if (!report.funnel) return;
    chart(
      'funnel',
      {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            minSize: '10%',
            top: 8,
            bottom: 8,
            data: stages.map((s) => ({ name: s.name, value: s.reached, key: s.key })),
            label: { formatter: (p) => `${p.name} ${p.value}` },
          },
        ],
      },
      (p) => openItems({ figure: 'stage', stage: p.data.key }, `${t.sections.funnel} · ${p.name}`),
    );
  }

  function drawChannels() {
    const rows = report.channels;
    if (!rows) return;
    $('panel-channels').hidden = false;
    const c = t.columns;
    const table = $('channels');
    table.replaceChildren();
    const head = el('tr');
    for (const h of [
      c.channel,
      c.kind,
      c.leads,
      c.followUpRate,
      c.conversion,
      c.won,
      c.costPerLead,
      c.costPerWin,
    ])
      head.append(el('th', h));
    table.appendChild(el('thead')).append(head);
    const body = table.appendChild(el('tbody'));
    if (rows.length === 0) body.appendChild(el('tr')).append(el('td', t.empty, { colspan: '8' }));
    for (const r of rows) {
      const tr = el('tr', undefined, { class: 'clickable', tabindex: '0', 'data-channel': r.name });
      const cells = [
        r.name,
        t.kinds[r.kind],
        num(r.leads),
        pct(r.followUpRate),
        pct(r.conversion),
        num(r.won),
      ];
      for (const v of [
        ...cells,
        r.costPerLead === undefined ? '—' : num(r.costPerLead),
        r.costPerWin === undefined ? '—' : num(r.costPerWin),
      ])
        tr.append(el('td', v));
      const open = () =>
        openItems({ figure: 'channel', channel: r.name, kind: r.kind }, `${t.sections.channels} · ${r.name}`);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => e.key === 'Enter' && open());
      body.append(tr);
    }
  }

  function drawHeatmap() {
    const map = report.heatmap;
    if (!map) return;
    const data = [];
    let max = 0;
    for (const [w, row] of map.cells.entries())
      for (const [h, n] of row.entries()) {
        data.push([h, w, n]);
        max = Math.max(max, n);
      }
    chart('heatmap', {
      tooltip: { position: 'top' },
      grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: [...Array(24).keys()].map(String), splitArea: { show: true } },
      yAxis: { type: 'category', data: t.weekdays, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: Math.max(max, 1),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 80,
      },
      series: [{ type: 'heatmap', data, label: { show: false } }],
    });
    const buckets = Object.keys(t.recency);
    chart(
      'recency',
      barOption(
        buckets.map((b) => t.recency[b]),
        buckets.map((b) => map.recency[b] ?? 0),
        num,
        t.sections.recency,
      ),
    );
  }

  function drawAfterSales() {
    const staff = report.afterSales?.staff;
    if (!staff) return;
    const names = staff.map((s) => s.assigneeName);
    chart(
      'afterSales',
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [
          { type: 'bar', name: t.columns.reportedHours, data: staff.map((s) => s.reportedHours) },
          { type: 'bar', name: t.columns.approvedHours, data: staff.map((s) => s.approvedHours) },
          { type: 'bar', name: t.columns.overdue, data: staff.map((s) => s.overdue) },
        ],
      },
      (p) =>
        openItems(
          { figure: 'overdue', member: staff[p.dataIndex].assigneeId },
          `${t.columns.overdue} · ${names[p.dataIndex]}`,
        ),
    );
  }

  function fillTeams() {
    const select = $('team');
    const chosen = select.value;
    if (select.options.length === 0 && report.teams.length > 1) {
      select.append(el('option', t.allTeams, { value: '' }));
      for (const team of report.teams) select.append(el('option', team.name, { value: team.id }));
      $('team-label').hidden = false;
    }
    select.value = chosen;
  }

  async function load() {
    $('status').textContent = t.loading;
    $('status').hidden = false;
    try {
      ({ report } = await getJson('/api/v1/reports/dashboard', filters()));
    } catch (error) {
      $('status').textContent = `${t.failed} (${error.message})`;
      return;
    }
    // The period's local days in the org's zone; `to` is exclusive, so its last day is the one before.
    const day = (ms) =>
      new Intl.DateTimeFormat(config.locale, { dateStyle: 'medium', timeZone: report.timeZone }).format(ms);
    const { from, to } = report.period;
    $('period-shown').textContent = `${day(Date.parse(from))} – ${day(Date.parse(to) - 1)}`;
    fillTeams();
    for (const panel of document.querySelectorAll('.panel')) panel.hidden = true;
    drawSummary();
    drawReps();
    drawFunnel();
    drawChannels();
    drawHeatmap();
    drawAfterSales();
    const nothing =
      !report.total?.assigned && !(report.channels ?? []).length && !(report.afterSales?.staff ?? []).length;
    $('status').textContent = nothing ? t.empty : '';
    $('status').hidden = !nothing;
    document.body.dataset.loaded = String(Date.now());
  }

  const stageName = (key) => report.funnel?.stages.find((s) => s.key === key)?.name ?? key;

  function itemRow(item) {
    const tr = el('tr');
    const link = (text) => {
      const td = el('td');
      if (item.href) td.append(el('a', text, { href: item.href, target: '_blank', rel: 'noopener' }));
      else td.textContent = text;
      return td;
    };
    if (item.complaintCode !== undefined) {
      tr.append(
        link(item.code),
        el('td', item.customerName),
        el('td', item.assigneeName),
        el('td', dateTime(item.dueAt)),
        el('td', item.status),
      );
    } else {
      const response = item.responseMs === undefined ? t.items.notResponded : hours(item.responseMs);
      tr.append(
        link(item.code ?? '—'),
        el('td', [item.name, item.company].filter(Boolean).join(' · ') || '—'),
        el('td', item.ownerName ?? '—'),
        el('td', stageName(item.stageKey)),
        el('td', item.phone ?? '—'),
        el('td', item.assignedAt ? dateTime(item.assignedAt) : '—'),
        el('td', response),
      );
    }
    return tr;
  }

  async function openItems(query, title, page = 1) {
    items = { query, title, page };
    const q = filters();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v);
    q.set('page', String(page));
    const box = $('items');
    box.hidden = false;
    $('items-title').textContent = `${t.items.title} · ${title}`;
    const table = $('items-table');
    if (page === 1) table.replaceChildren(el('tbody'));
    let found;
    try {
      found = await getJson('/api/v1/reports/items', q);
    } catch (error) {
      const failed = el('tbody');
      failed.appendChild(el('tr')).append(el('td', `${t.failed} (${error.message})`));
      table.replaceChildren(failed);
      return;
    }
    const i = t.items;
    if (page === 1) {
      const head = el('tr');
      const cols =
        found.kind === 'tasks'
          ? [i.task, i.customer, i.owner, i.due, i.status]
          : [i.code, i.name, i.owner, i.stage, i.phone, i.assigned, i.response];
      for (const c of cols) head.append(el('th', c));
      table.replaceChildren(el('thead'), el('tbody'));
      table.tHead.append(head);
    }
    const body = table.tBodies[0];
    if (found.total === 0) body.appendChild(el('tr')).append(el('td', i.none, { colspan: '7' }));
    for (const item of found.items) body.append(itemRow(item));
    $('items-more').hidden = found.page * found.pageSize >= found.total;
    box.dataset.total = String(found.total);
    box.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /** A sign-in link in the URL: exchange it for the session cookie, then load the page again in the member's language. */
  async function signIn() {
    const token = new URLSearchParams(location.search).get('t');
    history.replaceState(null, '', '/dashboard');
    const response = await fetch('/dashboard/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ t: token }),
    });
    if (response.ok) {
      location.replace('/dashboard');
      return;
    }
    const body = await response.json().catch(() => ({}));
    const reason = body?.error?.details?.reason;
    $('status').textContent = t.signIn[reason] ?? t.signIn.unknown;
    $('status').dataset.testid = 'notice';
  }

  function setUp() {
    for (const [value, label] of [
      ['this-week', t.periods.thisWeek],
      ['last-week', t.periods.lastWeek],
      ['this-month', t.periods.thisMonth],
      ['last-month', t.periods.lastMonth],
      ['custom', t.periods.custom],
    ])
      $('period').append(el('option', label, { value }));
    $('period').addEventListener('change', () => {
      $('custom').hidden = $('period').value !== 'custom';
      if ($('period').value !== 'custom') load();
    });
    $('team').addEventListener('change', load);
    $('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      load();
    });
    $('items-close').addEventListener('click', () => {
      $('items').hidden = true;
    });
    $('items-more').addEventListener('click', () => openItems(items.query, items.title, items.page + 1));
    window.addEventListener('resize', () => {
      for (const c of charts.values()) c.resize();
    });
  }

  if (config.signingIn) {
    signIn();
    return;
  }
  setUp();
  load();
})();
