/** The sidecar injector's configuration (ConfigMap istio-sidecar-injector, key `config`). */
import { arr, enm, Infer, map, obj, str } from '../schema/dsl';

export const LabelSelectorSchema = obj({
  matchLabels: map(str()),
  matchExpressions: arr(obj({ key: str(), operator: enm(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: arr(str()) })),
});

export const SidecarInjectorConfigSchema = obj(
  {
    policy: enm(['enabled', 'disabled'], { description: 'Inject by default in labelled namespaces (enabled) or only on request.' }),
    alwaysInjectSelector: arr(LabelSelectorSchema),
    neverInjectSelector: arr(LabelSelectorSchema),
    injectedAnnotations: map(str()),
    template: str({ description: 'Go-template-style text rendering the injected containers and volumes.' }),
  },
  { description: 'Sidecar injection webhook configuration.' },
);

export type LabelSelector = Infer<typeof LabelSelectorSchema>;
export type SidecarInjectorConfig = Infer<typeof SidecarInjectorConfigSchema>;

export const DEFAULT_SIDECAR_INJECTOR_CONFIG = {
  policy: 'enabled',
  alwaysInjectSelector: [],
  neverInjectSelector: [],
  injectedAnnotations: {},
  template: '',
} as const satisfies SidecarInjectorConfig;
