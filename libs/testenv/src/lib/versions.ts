/** Pinned versions of everything the test environment builds or downloads. Change together with the go.mod / pom.xml files. */
export const VERSIONS = {
  kubernetes: 'v1.37.2',
  etcd: 'v3.7.0',
  helm: 'v3.22.0',
  kafka: '3.9.1',
} as const;

/** Binaries built from tools/testenv/go/kube (module k8s.io/kubernetes at VERSIONS.kubernetes). */
export const KUBE_BINARIES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl'] as const;
export type KubeBinary = (typeof KUBE_BINARIES)[number];
