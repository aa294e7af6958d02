/** config.istio.io/v1alpha2 Mixer configuration: rule, handler, instance, attributemanifest, adapter, template. */
import { anyObject, arr, bool, duration, enm, Infer, int, map, obj, str } from '../schema/dsl';

export const VALUE_TYPES = [
  'VALUE_TYPE_UNSPECIFIED',
  'STRING',
  'INT64',
  'DOUBLE',
  'BOOL',
  'TIMESTAMP',
  'IP_ADDRESS',
  'EMAIL_ADDRESS',
  'URI',
  'DNS_NAME',
  'DURATION',
  'STRING_MAP',
] as const;

export const ActionSchema = obj({ handler: str(), instances: arr(str()), name: str() });
export const HeaderOperationTemplateSchema = obj({ name: str(), values: arr(str()), operation: enm(['REPLACE', 'REMOVE', 'APPEND']) });

export const SamplingSchema = obj({
  random: obj({
    attributeExpression: str(),
    percentSampled: obj({ numerator: int({ minimum: 0 }), denominator: enm(['HUNDRED', 'TEN_THOUSAND', 'MILLION']) }),
    useIndependentRandomness: bool(),
  }),
  rateLimit: obj({ samplingDuration: duration(), maxUnsampledEntries: int({ minimum: 0 }), samplingRate: int({ minimum: 0 }) }),
});

export const RuleSchema = obj(
  {
    match: str({ description: 'Mixer expression selecting the requests this rule applies to; empty matches all.' }),
    actions: arr(ActionSchema),
    requestHeaderOperations: arr(HeaderOperationTemplateSchema),
    responseHeaderOperations: arr(HeaderOperationTemplateSchema),
    sampling: SamplingSchema,
  },
  { description: 'Mixer rule: when `match` is true, dispatch instances to handlers.', hints: { action: 'actions', selector: 'match' } },
);

export const InstanceSchema = obj(
  {
    name: str(),
    compiledTemplate: str(),
    template: str(),
    params: anyObject({ description: 'Template parameters: attribute expressions (free-form).' }),
    attributeBindings: map(str()),
  },
  { description: 'A Mixer template instance built from attributes.', oneOf: [['compiledTemplate', 'template']] },
);

export const HandlerSchema = obj(
  {
    name: str(),
    compiledAdapter: str(),
    adapter: str(),
    params: anyObject({ description: 'Adapter configuration (free-form).' }),
    connection: obj({ address: str(), timeout: duration(), authentication: anyObject() }),
  },
  { description: 'A configured Mixer adapter.', oneOf: [['compiledAdapter', 'adapter']] },
);

export const AttributeManifestSchema = obj(
  {
    revision: str(),
    name: str(),
    attributes: map(obj({ description: str(), valueType: enm(VALUE_TYPES) })),
  },
  { description: 'Vocabulary of attributes produced by a component.' },
);

export const AdapterInfoSchema = obj({ name: str(), description: str(), templates: arr(str()), config: str(), sessionBased: bool() });
export const TemplateSchema = obj({ descriptor: str({ description: 'Base64 file descriptor set of the template.' }) });

export type Action = Infer<typeof ActionSchema>;
export type Rule = Infer<typeof RuleSchema>;
export type Instance = Infer<typeof InstanceSchema>;
export type Handler = Infer<typeof HandlerSchema>;
export type AttributeManifest = Infer<typeof AttributeManifestSchema>;
export type AdapterInfo = Infer<typeof AdapterInfoSchema>;
export type Template = Infer<typeof TemplateSchema>;
