/**
 * MeshConfig (ConfigMap `istio`, key `mesh`) and ProxyConfig (`defaultConfig`, or the proxy's own flags), with Istio
 * 1.3's defaults. `withMeshDefaults` fills what a user's mesh YAML leaves out, field by field.
 */
import { arr, bool, duration, enm, Infer, int, map, obj, str } from '../schema/dsl';
import { LocalityLbSettingSchema } from './destination-rule';
import { OutboundTrafficPolicySchema } from './sidecar';

export const TracingSchema = obj({
  zipkin: obj({ address: str() }),
  lightstep: obj({ address: str(), accessToken: str(), secure: bool(), cacertPath: str() }),
  datadog: obj({ address: str() }),
  stackdriver: obj({ debug: bool() }),
});

const remoteService = obj({ address: str(), tlsSettings: obj({ mode: enm(['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']) }) });

export const ProxyConfigSchema = obj({
  configPath: str(),
  binaryPath: str(),
  serviceCluster: str(),
  drainDuration: duration(),
  parentShutdownDuration: duration(),
  discoveryAddress: str(),
  discoveryRefreshDelay: duration({ deprecated: 'nothing (ADS pushes)' }),
  zipkinAddress: str({ deprecated: 'tracing.zipkin.address' }),
  connectTimeout: duration(),
  statsdUdpAddress: str(),
  envoyMetricsServiceAddress: str({ deprecated: 'envoyMetricsService.address' }),
  proxyAdminPort: int({ minimum: 1, maximum: 65535 }),
  availabilityZone: str({ deprecated: 'pod locality labels' }),
  controlPlaneAuthPolicy: enm(['NONE', 'MUTUAL_TLS']),
  customConfigFile: str(),
  statNameLength: int({ minimum: 0 }),
  concurrency: int({ minimum: 0 }),
  proxyBootstrapTemplatePath: str(),
  interceptionMode: enm(['REDIRECT', 'TPROXY']),
  tracing: TracingSchema,
  sds: obj({ enabled: bool(), k8sSaJwtPath: str() }),
  envoyAccessLogService: remoteService,
  envoyMetricsService: remoteService,
});

export const MeshConfigSchema = obj(
  {
    mixerCheckServer: str(),
    mixerReportServer: str(),
    disablePolicyChecks: bool(),
    policyCheckFailOpen: bool(),
    sidecarToTelemetrySessionAffinity: bool(),
    proxyListenPort: int({ minimum: 1, maximum: 65535 }),
    proxyHttpPort: int({ minimum: 0, maximum: 65535 }),
    connectTimeout: duration(),
    protocolDetectionTimeout: duration(),
    tcpKeepalive: obj({ probes: int({ minimum: 0 }), time: duration(), interval: duration() }),
    ingressClass: str(),
    ingressService: str(),
    ingressControllerMode: enm(['OFF', 'DEFAULT', 'STRICT']),
    authPolicy: enm(['NONE', 'MUTUAL_TLS'], { deprecated: 'authentication Policy / MeshPolicy' }),
    rdsRefreshDelay: duration({ deprecated: 'nothing (ADS pushes)' }),
    enableTracing: bool(),
    accessLogFile: str(),
    accessLogFormat: str(),
    accessLogEncoding: enm(['TEXT', 'JSON']),
    enableEnvoyAccessLogService: bool(),
    defaultConfig: ProxyConfigSchema,
    mixerAddress: str({ deprecated: 'mixerCheckServer / mixerReportServer' }),
    outboundTrafficPolicy: OutboundTrafficPolicySchema,
    enableClientSidePolicyCheck: bool(),
    sdsUdsPath: str(),
    sdsRefreshDelay: duration(),
    configSources: arr(remoteService),
    enableSdsTokenMount: bool(),
    sdsUseK8sSaJwt: bool(),
    trustDomain: str(),
    trustDomainAliases: arr(str()),
    defaultServiceExportTo: arr(str()),
    defaultVirtualServiceExportTo: arr(str()),
    defaultDestinationRuleExportTo: arr(str()),
    rootNamespace: str(),
    localityLbSetting: LocalityLbSettingSchema,
    dnsRefreshRate: duration(),
    disableReportBatch: bool(),
    reportBatchMaxEntries: int({ minimum: 0 }),
    reportBatchMaxTime: duration(),
    h2UpgradePolicy: enm(['DO_NOT_UPGRADE', 'UPGRADE']),
    inboundClusterStatName: str(),
    outboundClusterStatName: str(),
    certificates: arr(obj({ secretName: str(), dnsNames: arr(str()) })),
    thriftConfig: obj({ rateLimitUrl: str(), rateLimitTimeout: duration() }),
    serviceSettings: arr(obj({ settings: obj({ clusterLocal: bool() }), hosts: arr(str()) })),
  },
  { hints: { outboundTrafficPolicyMode: 'outboundTrafficPolicy', proxyConfig: 'defaultConfig' }, description: 'Mesh-wide settings.' },
);

export const NetworksSchema = obj({
  networks: map(obj({ endpoints: arr(obj({ fromCidr: str(), fromRegistry: str() })), gateways: arr(obj({ registryServiceName: str(), address: str(), port: int(), locality: str() })) })),
});

export type ProxyConfig = Infer<typeof ProxyConfigSchema>;
export type MeshConfig = Infer<typeof MeshConfigSchema>;
export type MeshNetworks = Infer<typeof NetworksSchema>;

type Filled<T> = { readonly [K in keyof T]-?: T[K] };

/** Istio 1.3's DefaultProxyConfig. */
export const DEFAULT_PROXY_CONFIG = {
  configPath: '/etc/istio/proxy',
  binaryPath: '/usr/local/bin/envoy',
  serviceCluster: 'istio-proxy',
  drainDuration: '45s',
  parentShutdownDuration: '1m0s',
  discoveryAddress: 'istio-pilot.istio-system:15010',
  connectTimeout: '1s',
  statsdUdpAddress: '',
  proxyAdminPort: 15000,
  controlPlaneAuthPolicy: 'NONE',
  customConfigFile: '',
  statNameLength: 189,
  concurrency: 2,
  interceptionMode: 'REDIRECT',
  tracing: { zipkin: { address: 'zipkin.istio-system:9411' } },
} as const satisfies ProxyConfig;

/** Istio 1.3's DefaultMeshConfig (plus the values the shipped chart sets, e.g. trustDomain cluster.local). */
export const DEFAULT_MESH_CONFIG = {
  mixerCheckServer: '',
  mixerReportServer: '',
  disablePolicyChecks: true,
  policyCheckFailOpen: false,
  sidecarToTelemetrySessionAffinity: false,
  proxyListenPort: 15001,
  connectTimeout: '10s',
  protocolDetectionTimeout: '100ms',
  ingressClass: 'istio',
  ingressService: 'istio-ingressgateway',
  ingressControllerMode: 'STRICT',
  enableTracing: true,
  accessLogFile: '',
  accessLogFormat: '',
  accessLogEncoding: 'TEXT',
  enableEnvoyAccessLogService: false,
  defaultConfig: DEFAULT_PROXY_CONFIG,
  outboundTrafficPolicy: { mode: 'ALLOW_ANY' },
  enableClientSidePolicyCheck: false,
  sdsUdsPath: '',
  configSources: [],
  enableSdsTokenMount: false,
  sdsUseK8sSaJwt: false,
  trustDomain: 'cluster.local',
  trustDomainAliases: [],
  defaultServiceExportTo: ['*'],
  defaultVirtualServiceExportTo: ['*'],
  defaultDestinationRuleExportTo: ['*'],
  rootNamespace: 'istio-system',
  dnsRefreshRate: '5s',
  disableReportBatch: false,
  reportBatchMaxEntries: 100,
  reportBatchMaxTime: '1s',
  h2UpgradePolicy: 'DO_NOT_UPGRADE',
} as const satisfies MeshConfig;

export type ResolvedMeshConfig = MeshConfig & Filled<Pick<MeshConfig, keyof typeof DEFAULT_MESH_CONFIG>> & {
  readonly defaultConfig: ProxyConfig & Filled<Pick<ProxyConfig, keyof typeof DEFAULT_PROXY_CONFIG>>;
};

/** Fills every field a user left out with Istio's default (objects merged one level: defaultConfig, outboundTrafficPolicy). */
export function withMeshDefaults(mesh: MeshConfig = {}): ResolvedMeshConfig {
  return {
    ...DEFAULT_MESH_CONFIG,
    ...mesh,
    defaultConfig: { ...DEFAULT_PROXY_CONFIG, ...mesh.defaultConfig },
    outboundTrafficPolicy: { ...DEFAULT_MESH_CONFIG.outboundTrafficPolicy, ...mesh.outboundTrafficPolicy },
  } as ResolvedMeshConfig;
}
