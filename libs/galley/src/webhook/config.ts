import {
  AdmissionregistrationV1Api,
  type KubeConfig,
  type V1RuleWithOperations,
  type V1ValidatingWebhook,
  type V1ValidatingWebhookConfiguration,
} from '@kubernetes/client-node';
import { istioSchemas, type SchemaRegistry } from '@isthmus/config-model';
import type { Logger } from '@isthmus/runtime';
import type { WebhookEndpoint } from './admission';

export const WEBHOOK_CONFIGURATION_NAME = 'istio-galley';

export interface WebhookConfigurationOptions {
  /** PEM of the CA that signed the serving certificate (base64-encoded into caBundle). */
  readonly caBundlePem: string;
  /** In-cluster: the Service in front of Galley (Istio: istio-system/istio-galley:443). */
  readonly service?: { readonly namespace: string; readonly name: string; readonly port: number };
  /** Out of cluster (local mode, tests): base URL such as `https://127.0.0.1:9443`; wins over `service`. */
  readonly url?: string;
  readonly name?: string;
  readonly registry?: SchemaRegistry;
  readonly timeoutSeconds?: number;
  /** Limits the webhook to namespaces with these labels (tests; cluster-scoped kinds are always sent). */
  readonly namespaceSelector?: Readonly<Record<string, string>>;
}

const WEBHOOK_NAMES: Record<WebhookEndpoint, string> = {
  pilot: 'pilot.validation.istio.io',
  mixer: 'mixer.validation.istio.io',
};

/** The `istio-galley` ValidatingWebhookConfiguration (pure): one webhook per endpoint, failurePolicy Fail. */
export function buildWebhookConfiguration(options: WebhookConfigurationOptions): V1ValidatingWebhookConfiguration {
  const registry = options.registry ?? istioSchemas;
  const service = options.service ?? { namespace: 'istio-system', name: 'istio-galley', port: 443 };
  const webhook = (endpoint: WebhookEndpoint): V1ValidatingWebhook => ({
    name: WEBHOOK_NAMES[endpoint],
    clientConfig: {
      caBundle: Buffer.from(options.caBundlePem).toString('base64'),
      ...(options.url
        ? { url: `${options.url.replace(/\/$/, '')}/admit${endpoint}` }
        : {
            service: {
              namespace: service.namespace,
              name: service.name,
              port: service.port,
              path: `/admit${endpoint}`,
            },
          }),
    },
    rules: rulesFor(registry, endpoint),
    failurePolicy: 'Fail',
    sideEffects: 'None',
    admissionReviewVersions: ['v1', 'v1beta1'],
    timeoutSeconds: options.timeoutSeconds ?? 10,
    ...(options.namespaceSelector ? { namespaceSelector: { matchLabels: { ...options.namespaceSelector } } } : {}),
  });
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: options.name ?? WEBHOOK_CONFIGURATION_NAME, labels: { app: 'galley', istio: 'galley' } },
    webhooks: [webhook('pilot'), webhook('mixer')],
  };
}

function rulesFor(registry: SchemaRegistry, endpoint: WebhookEndpoint): V1RuleWithOperations[] {
  const byGroup = new Map<string, string[]>();
  for (const descriptor of registry.forWebhook(endpoint)) {
    byGroup.set(descriptor.group, [...(byGroup.get(descriptor.group) ?? []), descriptor.plural]);
  }
  return [...byGroup].map(([group, plurals]) => ({
    operations: ['CREATE', 'UPDATE'],
    apiGroups: [group],
    apiVersions: ['*'],
    resources: plurals.sort(),
    scope: '*',
  }));
}

/** Creates the configuration, or replaces it (keeping its resourceVersion) when it exists. */
export async function applyWebhookConfiguration(
  kubeConfig: KubeConfig,
  configuration: V1ValidatingWebhookConfiguration,
  logger: Logger,
): Promise<void> {
  const api = kubeConfig.makeApiClient(AdmissionregistrationV1Api);
  const name = configuration.metadata?.name ?? WEBHOOK_CONFIGURATION_NAME;
  try {
    const existing = await api.readValidatingWebhookConfiguration({ name });
    await api.replaceValidatingWebhookConfiguration({
      name,
      body: {
        ...configuration,
        metadata: { ...configuration.metadata, resourceVersion: existing.metadata?.resourceVersion },
      },
    });
    logger.info({ name }, 'validating webhook configuration updated');
  } catch (error: unknown) {
    if ((error as { code?: number }).code !== 404) throw error;
    await api.createValidatingWebhookConfiguration({ body: configuration });
    logger.info({ name }, 'validating webhook configuration created');
  }
}

export async function deleteWebhookConfiguration(
  kubeConfig: KubeConfig,
  name = WEBHOOK_CONFIGURATION_NAME,
): Promise<void> {
  await kubeConfig
    .makeApiClient(AdmissionregistrationV1Api)
    .deleteValidatingWebhookConfiguration({ name })
    .catch((error: unknown) => {
      if ((error as { code?: number }).code !== 404) throw error;
    });
}
