import { CustomObjectsApi, PatchStrategy, setHeaderOptions, type KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '@isthmus/runtime';
import type { KindInfo, RawResource, ValidationProblem } from './model';
import type { StatusReporter } from './pipeline';

/** The condition Galley writes on an Istio resource (beyond Istio 1.3): type `Valid`, True or False with the problems. */
export function validCondition(problems: readonly ValidationProblem[] | undefined, now: Date): Record<string, string> {
  return problems && problems.length > 0
    ? {
        type: 'Valid',
        status: 'False',
        reason: 'ValidationFailed',
        message: problems.map((problem) => `${problem.path || '(object)'}: ${problem.message}`).join('; '),
        lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      }
    : {
        type: 'Valid',
        status: 'True',
        reason: 'Accepted',
        message: 'accepted and distributed by Galley',
        lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
}

/** Writes the `Valid` condition through the status subresource (merge patch); failures are logged, never thrown. */
export class KubeStatusReporter implements StatusReporter {
  private readonly api: CustomObjectsApi;

  constructor(
    kubeConfig: KubeConfig,
    private readonly logger: Logger,
  ) {
    this.api = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  report(resource: RawResource, kind: KindInfo, problems: readonly ValidationProblem[] | undefined): void {
    if (resource.origin !== 'kubernetes' || kind.webhook === 'none') return;
    const body = { status: { conditions: [validCondition(problems, new Date())] } };
    const options = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const common = { group: kind.group, version: kind.version, plural: kind.plural, name: resource.name, body };
    const request = kind.clusterScoped
      ? this.api.patchClusterCustomObjectStatus(common, options)
      : this.api.patchNamespacedCustomObjectStatus({ ...common, namespace: resource.namespace }, options);
    request.catch((error: unknown) =>
      this.logger.warn(
        { kind: kind.kind, namespace: resource.namespace, name: resource.name, err: error },
        'cannot write the validation status',
      ),
    );
  }
}
