/** Valid sample resources of every kind, and a generator of many mixed resources (benchmark, property tests). */
type Doc = Record<string, unknown>;

const meta = (name: string, namespace = 'default') => ({ name, namespace });

export function sampleResources(): Doc[] {
  return [
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'VirtualService',
      metadata: meta('reviews'),
      spec: {
        hosts: ['reviews'],
        http: [
          {
            match: [{ headers: { 'end-user': { exact: 'jason' } }, uri: { prefix: '/api' } }],
            route: [{ destination: { host: 'reviews', subset: 'v2', port: { number: 9080 } } }],
            retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure' },
            timeout: '10s',
          },
          {
            route: [
              { destination: { host: 'reviews', subset: 'v1' }, weight: 75 },
              { destination: { host: 'reviews', subset: 'v3' }, weight: 25 },
            ],
            fault: { abort: { percentage: { value: 0.1 }, httpStatus: 503 } },
            corsPolicy: { allowOrigin: ['*'], allowMethods: ['GET', 'POST'], maxAge: '24h' },
          },
        ],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'DestinationRule',
      metadata: meta('reviews'),
      spec: {
        host: 'reviews',
        trafficPolicy: {
          loadBalancer: { simple: 'LEAST_CONN' },
          connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' }, http: { http2MaxRequests: 1000 } },
          outlierDetection: { consecutiveErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
        subsets: [
          { name: 'v1', labels: { version: 'v1' } },
          { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'x-user' } } } },
          { name: 'v3', labels: { version: 'v3' } },
        ],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'Gateway',
      metadata: meta('bookinfo-gateway'),
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], tls: { httpsRedirect: true } },
          { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['bookinfo.example.com'], tls: { mode: 'SIMPLE', credentialName: 'bookinfo-cert' } },
        ],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'ServiceEntry',
      metadata: meta('httpbin-ext'),
      spec: { hosts: ['httpbin.org'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS', location: 'MESH_EXTERNAL' },
    },
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'Sidecar',
      metadata: meta('default', 'prod'),
      spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
    },
    {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'EnvoyFilter',
      metadata: meta('lua'),
      spec: {
        workloadSelector: { labels: { app: 'reviews' } },
        configPatches: [
          {
            applyTo: 'HTTP_FILTER',
            match: { context: 'SIDECAR_INBOUND', listener: { portNumber: 9080, filterChain: { filter: { name: 'envoy.http_connection_manager' } } } },
            patch: { operation: 'INSERT_BEFORE', value: { name: 'envoy.lua', config: { inlineCode: 'function envoy_on_request(h) end' } } },
          },
        ],
      },
    },
    { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: meta('default'), spec: { peers: [{ mtls: {} }] } },
    {
      apiVersion: 'authentication.istio.io/v1alpha1',
      kind: 'Policy',
      metadata: meta('jwt-example'),
      spec: {
        targets: [{ name: 'httpbin' }],
        origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/jwks.json' } }],
        principalBinding: 'USE_ORIGIN',
      },
    },
    { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: { mode: 'PERMISSIVE' } }] } },
    { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'ClusterRbacConfig', metadata: { name: 'default' }, spec: { mode: 'ON_WITH_INCLUSION', inclusion: { namespaces: ['default'] } } },
    { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'ServiceRole', metadata: meta('viewer'), spec: { rules: [{ services: ['*'], methods: ['GET'], constraints: [{ key: 'destination.labels[version]', values: ['v1'] }] }] } },
    {
      apiVersion: 'rbac.istio.io/v1alpha1',
      kind: 'ServiceRoleBinding',
      metadata: meta('bind-viewer'),
      spec: { subjects: [{ user: '*' }, { properties: { 'source.namespace': 'istio-system' } }], roleRef: { kind: 'ServiceRole', name: 'viewer' } },
    },
    {
      apiVersion: 'config.istio.io/v1alpha2',
      kind: 'rule',
      metadata: meta('promhttp', 'istio-system'),
      spec: {
        match: '(context.protocol == "http" || context.protocol == "grpc") && (match((request.useragent | "-"), "kube-probe*") == false)',
        actions: [{ handler: 'prometheus', instances: ['requestcount.metric'] }],
      },
    },
    {
      apiVersion: 'config.istio.io/v1alpha2',
      kind: 'instance',
      metadata: meta('requestcount', 'istio-system'),
      spec: {
        compiledTemplate: 'metric',
        params: { value: '1', dimensions: { source: 'source.workload.name | "unknown"', response_code: 'response.code | 200' }, monitored_resource_type: '"UNSPECIFIED"' },
      },
    },
    {
      apiVersion: 'config.istio.io/v1alpha2',
      kind: 'handler',
      metadata: meta('prometheus', 'istio-system'),
      spec: { compiledAdapter: 'prometheus', params: { metrics: [{ name: 'requests_total', instance_name: 'requestcount.instance.istio-system', kind: 'COUNTER' }] } },
    },
    {
      apiVersion: 'config.istio.io/v1alpha2',
      kind: 'attributemanifest',
      metadata: meta('kubernetes', 'istio-system'),
      spec: { name: 'kubernetes', attributes: { 'source.ip': { valueType: 'IP_ADDRESS' }, 'source.labels': { valueType: 'STRING_MAP' } } },
    },
    { apiVersion: 'config.istio.io/v1alpha2', kind: 'adapter', metadata: meta('mygrpcadapter'), spec: { description: 'demo', sessionBased: false, templates: ['metric'], config: 'CgZjb25maWc=' } },
    { apiVersion: 'config.istio.io/v1alpha2', kind: 'template', metadata: meta('metric'), spec: { descriptor: 'CgZtZXRyaWM=' } },
    {
      apiVersion: 'config.istio.io/v1alpha2',
      kind: 'HTTPAPISpec',
      metadata: meta('petstore'),
      spec: {
        attributes: { attributes: { 'api.service': { stringValue: 'petstore.swagger.io' } } },
        patterns: [{ httpMethod: 'GET', uriTemplate: '/pets', attributes: { attributes: { 'api.operation': { stringValue: 'findPets' } } } }],
        apiKeys: [{ query: 'api_key' }],
      },
    },
    { apiVersion: 'config.istio.io/v1alpha2', kind: 'HTTPAPISpecBinding', metadata: meta('petstore'), spec: { services: [{ name: 'petstore' }], apiSpecs: [{ name: 'petstore' }] } },
    { apiVersion: 'config.istio.io/v1alpha2', kind: 'QuotaSpec', metadata: meta('request-count'), spec: { rules: [{ quotas: [{ quota: 'requestcount', charge: 1 }] }] } },
    { apiVersion: 'config.istio.io/v1alpha2', kind: 'QuotaSpecBinding', metadata: meta('request-count'), spec: { services: [{ name: 'productpage' }], quotaSpecs: [{ name: 'request-count' }] } },
    { apiVersion: 'rbac.istio.io/v1alpha1', kind: 'RbacConfig', metadata: { name: 'default' }, spec: { mode: 'OFF' } },
    {
      apiVersion: 'rbac.istio.io/v1alpha1',
      kind: 'AuthorizationPolicy',
      metadata: meta('allow-viewers'),
      spec: { workloadSelector: { labels: { app: 'reviews' } }, allow: [{ subjects: [{ user: '*' }], roleRef: { kind: 'ServiceRole', name: 'viewer' } }] },
    },
  ];
}

/** `count` resources cycling through the samples, each with a unique name. */
export function mixedResources(count: number): Doc[] {
  const samples = sampleResources();
  const out: Doc[] = [];
  for (let index = 0; index < count; index++) {
    const sample = samples[index % samples.length];
    const metadata = sample['metadata'] as Record<string, unknown>;
    const clusterScoped = sample['kind'] === 'MeshPolicy' || sample['kind'] === 'ClusterRbacConfig' || sample['kind'] === 'RbacConfig';
    out.push({ ...sample, metadata: { ...metadata, name: clusterScoped ? metadata['name'] : `${String(metadata['name'])}-${index}` } });
  }
  return out;
}
