/**
 * What `npm start` runs: Istio's deployments as local processes, each with distinct ports on one machine. `listens`
 * names only what each process really serves today.
 */
export interface LocalProcess {
  readonly name: string;
  readonly app: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly readyUrl: string;
  readonly listens: string;
}

const host = '127.0.0.1';
const common = ['--shutdownDrainDuration', '0s'];

export const LOCAL_MESH: readonly LocalProcess[] = [
  {
    name: 'istio-pilot',
    app: 'pilot',
    args: [
      'discovery',
      '--grpcAddr',
      `${host}:15010`,
      '--secureGrpcAddr',
      '',
      '--httpAddr',
      `${host}:8080`,
      '--monitoringAddr',
      `${host}:15014`,
      '--registries',
      'Memory',
      '--configDir',
      'tools/local-mesh/config',
      '--meshConfig',
      '',
      ...common,
    ],
    readyUrl: `http://${host}:15014/ready`,
    listens: 'ADS 15010, debug 8080, ops 15014',
  },
  {
    name: 'istio-galley',
    app: 'galley',
    // Local mode: config from the same directory Pilot reads, plaintext MCP, no webhook (there is no API server).
    args: [
      'server',
      '--server-address',
      `tcp://${host}:9901`,
      '--configPath',
      'tools/local-mesh/config',
      '--insecure',
      '--enable-validation=false',
      '--monitoringPort',
      `${host}:15015`,
      ...common,
    ],
    readyUrl: `http://${host}:15015/ready`,
    listens: 'MCP 9901, ops 15015 (/debug/mcp)',
  },
  {
    name: 'istio-citadel',
    app: 'citadel',
    args: ['--grpc-port', `${host}:8060`, '--monitoring-port', `${host}:15016`, ...common],
    readyUrl: `http://${host}:15016/ready`,
    listens: 'ops 15016',
  },
  {
    name: 'istio-policy',
    app: 'mixer',
    args: ['server', '--address', `${host}:9091`, '--monitoringPort', `${host}:15017`, ...common],
    readyUrl: `http://${host}:15017/ready`,
    listens: 'ops 15017',
  },
  {
    name: 'istio-telemetry',
    app: 'mixer',
    args: ['server', '--address', `${host}:9092`, '--monitoringPort', `${host}:15018`, ...common],
    readyUrl: `http://${host}:15018/ready`,
    listens: 'ops 15018',
  },
  {
    name: 'istio-sidecar-injector',
    app: 'sidecar-injector',
    args: ['--port', '9444', '--monitoringPort', `${host}:15019`, ...common],
    readyUrl: `http://${host}:15019/ready`,
    listens: 'ops 15019',
  },
  {
    name: 'istio-ingressgateway',
    app: 'gateway',
    args: [
      'proxy',
      'router',
      '--discoveryAddress',
      `${host}:15010`,
      '--statusPort',
      '15020',
      '--proxyAdminPort',
      '15000',
      '--podName',
      'istio-ingressgateway',
      '--podNamespace',
      'istio-system',
      '--labels',
      '{"istio":"ingressgateway"}',
      '--localMode',
      ...common,
    ],
    readyUrl: `http://${host}:15020/ready`,
    listens: 'status 15020',
  },
  {
    name: 'istio-egressgateway',
    app: 'gateway',
    args: [
      'proxy',
      'router',
      '--discoveryAddress',
      `${host}:15010`,
      '--statusPort',
      '15021',
      '--proxyAdminPort',
      '15002',
      '--prometheusPort',
      '15091',
      '--serviceCluster',
      'istio-egressgateway',
      '--podName',
      'istio-egressgateway',
      '--podNamespace',
      'istio-system',
      '--labels',
      '{"istio":"egressgateway"}',
      '--localMode',
      ...common,
    ],
    readyUrl: `http://${host}:15021/ready`,
    listens: 'status 15021',
  },
];
