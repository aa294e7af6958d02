/** config.istio.io/v1alpha2 HTTPAPISpec, HTTPAPISpecBinding, QuotaSpec, QuotaSpecBinding (mixer client config). */
import { arr, bool, duration, Infer, int64, map, num, obj, str } from '../schema/dsl';
import { StringMatchSchema } from './virtual-service';

export const AttributeValueSchema = obj(
  {
    stringValue: str(),
    int64Value: int64(),
    doubleValue: num(),
    boolValue: bool(),
    bytesValue: str(),
    timestampValue: str(),
    durationValue: duration(),
    stringMapValue: obj({ entries: map(str()) }),
  },
  { oneOf: [['stringValue', 'int64Value', 'doubleValue', 'boolValue', 'bytesValue', 'timestampValue', 'durationValue', 'stringMapValue']] },
);

export const AttributesSchema = obj({ attributes: map(AttributeValueSchema) });

export const HTTPAPISpecPatternSchema = obj(
  { attributes: AttributesSchema, httpMethod: str(), uriTemplate: str(), regex: str() },
  { oneOf: [['uriTemplate', 'regex']] },
);

export const APIKeySchema = obj({ query: str(), header: str(), cookie: str() }, { oneOf: [['query', 'header', 'cookie']] });

export const HTTPAPISpecSchema = obj({ attributes: AttributesSchema, patterns: arr(HTTPAPISpecPatternSchema), apiKeys: arr(APIKeySchema) });

export const IstioServiceSchema = obj({ name: str(), namespace: str(), domain: str(), service: str(), labels: map(str()) });
export const ReferenceSchema = obj({ name: str(), namespace: str() });

export const HTTPAPISpecBindingSchema = obj({ services: arr(IstioServiceSchema), apiSpecs: arr(ReferenceSchema) });

export const QuotaRuleSchema = obj({
  match: arr(obj({ clause: map(StringMatchSchema) })),
  quotas: arr(obj({ quota: str(), charge: int64() })),
});

export const QuotaSpecSchema = obj({ rules: arr(QuotaRuleSchema) });
export const QuotaSpecBindingSchema = obj({ services: arr(IstioServiceSchema), quotaSpecs: arr(ReferenceSchema) });

export type HTTPAPISpec = Infer<typeof HTTPAPISpecSchema>;
export type HTTPAPISpecBinding = Infer<typeof HTTPAPISpecBindingSchema>;
export type QuotaSpec = Infer<typeof QuotaSpecSchema>;
export type QuotaSpecBinding = Infer<typeof QuotaSpecBindingSchema>;
