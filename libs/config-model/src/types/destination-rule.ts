/** networking.istio.io/v1alpha3 DestinationRule (Istio 1.3). */
import { arr, bool, duration, enm, Infer, int, map, obj, str } from '../schema/dsl';
import { PortSelectorSchema } from './virtual-service';

export const LB_SIMPLE = ['ROUND_ROBIN', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH'] as const;
export const CLIENT_TLS_MODES = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'] as const;

export const LocalityLbSettingSchema = obj({
  distribute: arr(obj({ from: str(), to: map(int({ minimum: 0, maximum: 100 })) })),
  failover: arr(obj({ from: str(), to: str() })),
});

export const ConsistentHashSchema = obj(
  {
    httpHeaderName: str(),
    httpCookie: obj({ name: str(), path: str(), ttl: duration() }),
    useSourceIp: bool(),
    minimumRingSize: int({ minimum: 0 }),
  },
  { oneOf: [['httpHeaderName', 'httpCookie', 'useSourceIp']] },
);

export const LoadBalancerSettingsSchema = obj(
  { simple: enm(LB_SIMPLE), consistentHash: ConsistentHashSchema, localityLbSetting: LocalityLbSettingSchema },
  { oneOf: [['simple', 'consistentHash']] },
);

export const ConnectionPoolSettingsSchema = obj({
  tcp: obj({
    maxConnections: int({ minimum: 0 }),
    connectTimeout: duration(),
    tcpKeepalive: obj({ probes: int({ minimum: 0 }), time: duration(), interval: duration() }),
  }),
  http: obj({
    http1MaxPendingRequests: int({ minimum: 0 }),
    http2MaxRequests: int({ minimum: 0 }),
    maxRequestsPerConnection: int({ minimum: 0 }),
    maxRetries: int({ minimum: 0 }),
    idleTimeout: duration(),
    h2UpgradePolicy: enm(['DEFAULT', 'DO_NOT_UPGRADE', 'UPGRADE']),
  }),
});

export const OutlierDetectionSchema = obj({
  consecutiveErrors: int({ minimum: 0 }),
  interval: duration(),
  baseEjectionTime: duration(),
  maxEjectionPercent: int({ minimum: 0, maximum: 100 }),
  minHealthPercent: int({ minimum: 0, maximum: 100 }),
});

export const ClientTLSSettingsSchema = obj({
  mode: enm(CLIENT_TLS_MODES),
  clientCertificate: str(),
  privateKey: str(),
  caCertificates: str(),
  subjectAltNames: arr(str()),
  sni: str(),
});

const policyFields = {
  loadBalancer: LoadBalancerSettingsSchema,
  connectionPool: ConnectionPoolSettingsSchema,
  outlierDetection: OutlierDetectionSchema,
  tls: ClientTLSSettingsSchema,
};

export const PortTrafficPolicySchema = obj({ port: PortSelectorSchema, ...policyFields });

export const TrafficPolicySchema = obj(
  { ...policyFields, portLevelSettings: arr(PortTrafficPolicySchema) },
  { hints: { circuitBreaker: 'connectionPool', outlier: 'outlierDetection', lb: 'loadBalancer' } },
);

export const SubsetSchema = obj({ name: str(), labels: map(str()), trafficPolicy: TrafficPolicySchema });

export const DestinationRuleSchema = obj(
  {
    host: str({ description: 'Service the rule applies to (registry name or ServiceEntry host).' }),
    trafficPolicy: TrafficPolicySchema,
    subsets: arr(SubsetSchema, { description: 'Named versions of the service, selected by labels.' }),
    exportTo: arr(str()),
  },
  { description: 'Policies applied to traffic for a service after routing.', hints: { hosts: 'host', subset: 'subsets' } },
);

export type LoadBalancerSettings = Infer<typeof LoadBalancerSettingsSchema>;
export type ConnectionPoolSettings = Infer<typeof ConnectionPoolSettingsSchema>;
export type OutlierDetection = Infer<typeof OutlierDetectionSchema>;
export type ClientTLSSettings = Infer<typeof ClientTLSSettingsSchema>;
export type PortTrafficPolicy = Infer<typeof PortTrafficPolicySchema>;
export type TrafficPolicy = Infer<typeof TrafficPolicySchema>;
export type Subset = Infer<typeof SubsetSchema>;
export type DestinationRule = Infer<typeof DestinationRuleSchema>;
