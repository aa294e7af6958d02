import { AppsV1Api, CoreV1Api, type V1Deployment } from '@kubernetes/client-node';
import { eventually, useNamespace } from '../src';

describe('Kubernetes control plane', () => {
  const ns = useNamespace('kube');

  it('creates a Namespace, Deployment and Service, and the controller-manager creates the ReplicaSet', async () => {
    const apps = ns.kc.makeApiClient(AppsV1Api);
    const core = ns.kc.makeApiClient(CoreV1Api);
    const labels = { app: 'portfolio' };
    const deployment: V1Deployment = {
      metadata: { name: 'portfolio', labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'portfolio', image: 'isthmus/portfolio:test', ports: [{ containerPort: 9080 }] }] },
        },
      },
    };
    const created = await apps.createNamespacedDeployment({ namespace: ns.name, body: deployment });
    const service = await core.createNamespacedService({
      namespace: ns.name,
      body: {
        metadata: { name: 'portfolio', labels },
        spec: { selector: labels, ports: [{ name: 'http', port: 9080, targetPort: 9080 }] },
      },
    });
    expect(service.spec?.clusterIP).toMatch(/^10\.96\./);

    const replicaSet = await eventually('a ReplicaSet owned by the Deployment', async () => {
      const list = await apps.listNamespacedReplicaSet({ namespace: ns.name });
      return list.items.find((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === created.metadata?.uid));
    });
    expect(replicaSet.spec?.replicas).toBe(2);

    // The ReplicaSet controller goes on to create the pods (they stay Pending: there are no nodes).
    const pods = await eventually('2 pods of the ReplicaSet', async () => {
      const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=portfolio' });
      return list.items.length === 2 ? list.items : undefined;
    });
    expect(pods.every((p) => p.metadata?.ownerReferences?.[0]?.name === replicaSet.metadata?.name)).toBe(true);
  });
});
