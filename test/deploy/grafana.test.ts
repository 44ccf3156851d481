import type { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { backlogGauges } from '../../src/metrics/backlog-gauges.js';
import { METRIC_NAMES, serviceMetrics } from '../../src/metrics/service-metrics.js';
import { copy, readDeploy } from './deploy-files.js';

type Panel = { title: string; targets?: { expr: string }[] };
type Dashboard = { panels: Panel[]; templating: { list: { query?: unknown }[] } };
const dashboard = JSON.parse(readDeploy('grafana/leadrelay-dashboard.json')) as Dashboard;

/** The service's real registry, the database gauges included: the names and labels a scrape can show. */
function liveRegistry(): Registry {
  const { registry } = serviceMetrics();
  backlogGauges(registry, {
    outbox: async () => ({ depth: 0, oldestOverdueSince: null }),
    leadsByStatus: async () => ({}),
    now: () => new Date(),
  });
  return registry;
}

/** Labels Prometheus adds to every series (the scrape target's), and a histogram's bucket bound. */
const TARGET_LABELS = ['instance', 'job', 'le'];

/** Each metric a PromQL text queries, and the labels it groups or filters by, checked against the registry. */
function queryProblems(expr: string, registry: Registry): string[] {
  const problems: string[] = [];
  const used = [...expr.matchAll(/\bleadrelay_[a-z0-9_]+/g)].map((m) => m[0]);
  const metrics = used.map((name) => {
    const base = name.replace(/_(bucket|sum|count)$/, '');
    const metric = registry.getSingleMetric(name) ?? registry.getSingleMetric(base);
    if (!metric) problems.push(`${name}: the service exports no such metric`);
    return metric;
  });
  const known = new Set([
    ...TARGET_LABELS,
    ...metrics.flatMap((m) => ((m as { labelNames?: string[] } | undefined)?.labelNames ?? []).map(String)),
  ]);
  const grouped = [...expr.matchAll(/\bby \(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(','));
  const filtered = [...expr.matchAll(/[{,]\s*([a-z_]+)\s*=~?/g)].map((m) => m[1] ?? '');
  for (const label of [...grouped, ...filtered].map((l) => l.trim())) {
    if (!known.has(label)) problems.push(`${label}: no metric of "${expr}" has this label`);
  }
  return problems;
}

function dashboardProblems(board: Dashboard): string[] {
  const registry = liveRegistry();
  const exprs = [
    ...board.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
    ...board.templating.list.map((v) => String(v.query ?? '')).filter((q) => q.includes('leadrelay_')),
  ];
  const problems = exprs.flatMap((expr) => queryProblems(expr, registry));
  // Every metric of the service has a panel: a metric nobody looks at is a figure an operator misses.
  const text = exprs.join('\n');
  for (const name of METRIC_NAMES) if (!text.includes(name)) problems.push(`${name}: no panel shows it`);
  return problems;
}

describe('deploy/grafana/leadrelay-dashboard.json', () => {
  it('queries only metrics and labels the service exports, and shows every one of its own metrics', () => {
    expect(dashboard.panels.length).toBeGreaterThan(10);
    expect(dashboardProblems(dashboard)).toEqual([]);
  });

  it('fails for a misspelt metric, a label the metric lacks, and a metric left without a panel', () => {
    const broken = copy(dashboard);
    const targets = broken.panels.flatMap((p) => p.targets ?? []);
    const first = targets[0];
    if (first) first.expr = 'sum(leadrelay_outbox_dept) by (instance)';
    for (const t of targets) t.expr = t.expr.replace('by (platform, outcome)', 'by (platform, result)');
    for (const t of targets)
      t.expr = t.expr.replaceAll('leadrelay_db_commands_total', 'leadrelay_process_open_fds');
    expect(dashboardProblems(broken)).toEqual(
      expect.arrayContaining([
        'leadrelay_outbox_dept: the service exports no such metric',
        'result: no metric of "sum(rate(leadrelay_inbound_events_total{instance=~"$instance"}[5m])) by (platform, result)" has this label',
        'leadrelay_db_commands_total: no panel shows it',
      ]),
    );
  });
});
