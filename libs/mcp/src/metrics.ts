import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { McpSourceHooks } from './source-connection';

/**
 * MCP source metrics under Istio's names (`<prefix>_mcp_source_*`), as hooks for McpSourceService. Galley uses the
 * prefix `galley`.
 */
export function mcpSourceMetrics(registry: Registry, prefix: string): McpSourceHooks {
  const clients = new Gauge({
    name: `${prefix}_mcp_source_clients_total`,
    help: 'Connected MCP sinks',
    registers: [registry],
  });
  const acks = new Counter({
    name: `${prefix}_mcp_source_request_acks_total`,
    help: 'ACKs received from MCP sinks',
    labelNames: ['collection'],
    registers: [registry],
  });
  const nacks = new Counter({
    name: `${prefix}_mcp_source_request_nacks_total`,
    help: 'NACKs received from MCP sinks',
    labelNames: ['collection'],
    registers: [registry],
  });
  const pushes = new Counter({
    name: `${prefix}_mcp_source_pushes_total`,
    help: 'Resources messages sent to MCP sinks',
    labelNames: ['collection', 'incremental'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}_mcp_source_push_latency_seconds`,
    help: 'Time from a snapshot publication to its send to a sink',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    onConnect: () => clients.inc(),
    onDisconnect: () => clients.dec(),
    onAck: (_sink, collection) => acks.labels(collection).inc(),
    onNack: (_sink, collection) => nacks.labels(collection).inc(),
    onPush: (_sink, push) => {
      pushes.labels(push.collection, String(push.incremental)).inc();
      if (push.latencyMs !== undefined) latency.observe(push.latencyMs / 1000);
    },
  };
}
