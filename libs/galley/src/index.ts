// Galley's public surface: the composed server and what its callers (apps/galley, tools/bench, tests) need. The
// Kubernetes pieces (KubeSource, KubeStatusReporter, webhook registration) are in ./kubernetes, loaded on demand.
export { IstioConfigSchema } from './config-schema';
export type { ConfigSchemaPort, ConfigSource, KindInfo, RawResource, ValidationProblem } from './model';
export { CONFIG_EVENTS_TOPIC, type ConfigAuditEvent } from './audit';
export { GalleyServer, type GalleyOptions, type GalleyPorts } from './galley-server';
export { WebhookServer, type WebhookServerOptions } from './webhook/server';
