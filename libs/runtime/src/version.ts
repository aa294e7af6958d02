/** Kept equal to the root package.json version by a test. */
export const ISTHMUS_VERSION = '0.1.0';
/** The Istio release whose APIs, names and ports Isthmus follows. */
export const ISTIO_COMPAT_VERSION = '1.3';

export interface BuildInfo {
  readonly component: string;
  readonly version: string;
  readonly istioCompat: string;
  readonly node: string;
}

export function buildInfo(component: string): BuildInfo {
  return { component, version: ISTHMUS_VERSION, istioCompat: ISTIO_COMPAT_VERSION, node: process.version };
}
