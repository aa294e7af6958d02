/**
 * @isthmus/testenv — the local test environment (Kubernetes control plane + Kafka on loopback) for Jest tests.
 * Jest configs add `globalSetup`/`globalTeardown` from libs/testenv/src/jest/ (see docs/testenv.md); tests then use:
 */
export { kubeConfig, createNamespace, deleteNamespace, eventually, uniqueName, isNotFound, TESTENV_LABEL } from './testing/kube';
export { useNamespace, type NamespaceFixture } from './testing/namespace';
export { kafkaBrokers, kafkaConfig } from './testing/kafka';
export {
  createServingCert,
  createCa,
  issue,
  type ServingCert,
  type CertificateAuthority,
  type KeyPairPem,
  type LeafOptions,
} from './testing/certs';
export { beginTestSession, endTestSession, type SessionResult } from './lib/test-session';
export { usingLocalKube, usingLocalKafka } from './testing/local';
