/** networking.istio.io/v1alpha3 Gateway and ServiceEntry (Istio 1.3), which share the Port message. */
import { arr, bool, enm, Infer, int, map, obj, port, str } from '../schema/dsl';

export const PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'GRPC-Web', 'HTTP2', 'TCP', 'TLS', 'UDP', 'Mongo', 'Redis', 'MySQL'] as const;
export const SERVER_TLS_MODES = ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL'] as const;
export const TLS_PROTOCOL_VERSIONS = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'] as const;

export const PortSchema = obj({
  number: port({ description: 'Port number.' }),
  protocol: enm(PROTOCOLS, { caseInsensitive: true, description: 'HTTP|HTTPS|GRPC|GRPC-Web|HTTP2|TCP|TLS|UDP|Mongo|Redis|MySQL (any case).' }),
  name: str({ description: 'Label assigned to the port.' }),
});

export const ServerTLSSettingsSchema = obj({
  httpsRedirect: bool(),
  mode: enm(SERVER_TLS_MODES),
  serverCertificate: str(),
  privateKey: str(),
  caCertificates: str(),
  credentialName: str(),
  subjectAltNames: arr(str()),
  verifyCertificateSpki: arr(str()),
  verifyCertificateHash: arr(str()),
  minProtocolVersion: enm(TLS_PROTOCOL_VERSIONS),
  maxProtocolVersion: enm(TLS_PROTOCOL_VERSIONS),
  cipherSuites: arr(str()),
});

export const ServerSchema = obj({
  port: PortSchema,
  bind: str(),
  hosts: arr(str({ description: '[namespace/]host exposed by this gateway.' })),
  tls: ServerTLSSettingsSchema,
  defaultEndpoint: str(),
});

export const GatewaySchema = obj(
  {
    servers: arr(ServerSchema, { description: 'Servers (ports, hosts, TLS) exposed by the gateway.' }),
    selector: map(str(), { description: 'Labels of the gateway pods this configuration applies to.' }),
  },
  { description: 'A load balancer at the edge of the mesh.', hints: { server: 'servers', workloadSelector: 'selector' } },
);

export const WorkloadEntrySchema = obj({
  address: str(),
  ports: map(int({ minimum: 1, maximum: 65535 })),
  labels: map(str()),
  network: str(),
  locality: str(),
  weight: int({ minimum: 0 }),
});

export const ServiceEntrySchema = obj(
  {
    hosts: arr(str()),
    addresses: arr(str()),
    ports: arr(PortSchema),
    location: enm(['MESH_EXTERNAL', 'MESH_INTERNAL']),
    resolution: enm(['NONE', 'STATIC', 'DNS']),
    endpoints: arr(WorkloadEntrySchema),
    exportTo: arr(str()),
    subjectAltNames: arr(str()),
  },
  { description: 'Adds an entry to the mesh service registry.', hints: { host: 'hosts', port: 'ports', endpoint: 'endpoints' } },
);

export type Port = Infer<typeof PortSchema>;
export type ServerTLSSettings = Infer<typeof ServerTLSSettingsSchema>;
export type Server = Infer<typeof ServerSchema>;
export type Gateway = Infer<typeof GatewaySchema>;
export type WorkloadEntry = Infer<typeof WorkloadEntrySchema>;
export type ServiceEntry = Infer<typeof ServiceEntrySchema>;
