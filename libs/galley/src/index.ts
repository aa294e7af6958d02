export { CORE_KINDS, IstioConfigSchema, kindInfoOf } from './config-schema';
export {
  apiVersionOf,
  mcpName,
  resourceKey,
  type ConfigSchemaPort,
  type ConfigSource,
  type KindInfo,
  type RawResource,
  type ValidationProblem,
} from './model';
export { ConfigPipeline, type ConfigChangeSink, type ConfigPipelineOptions, type StatusReporter } from './pipeline';
export {
  EMPTY_CONFIG,
  processResources,
  snapshotOf,
  VerdictCache,
  type AcceptedResource,
  type ConfigChange,
  type ConfigOperation,
  type ProcessedConfig,
  type Rejection,
} from './processing';
export { parseConfigFile, type FileProblem, type ParsedFile } from './sources/file-parse';
export { FileSource, type FileSourceOptions } from './sources/file-source';
export type { KubeSourceOptions } from './sources/kube-source';
export {
  admit,
  parseReview,
  reviewResponse,
  type AdmissionRequest,
  type AdmissionReviewResponse,
  type AdmissionVerdict,
  type WebhookEndpoint,
} from './webhook/admission';
// The Kubernetes pieces (KubeSource, KubeStatusReporter, webhook registration) are in ./kubernetes, loaded on demand.
export type { WebhookConfigurationOptions } from './webhook/config';
export { WebhookServer, type WebhookServerOptions } from './webhook/server';
export { auditEventOf, ConfigAuditPublisher, CONFIG_EVENTS_TOPIC, type ConfigAuditEvent } from './audit';
export { debugReport } from './debug';
export { GalleyServer, type GalleyOptions, type GalleyPorts } from './galley-server';
