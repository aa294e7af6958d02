import { dr, ef, gw, runCases, se, sidecar, to, vs } from '../../test/support/cases';

const route = [to('reviews')];

describe('VirtualService', () => {
  runCases(
    [
      ['a single route', vs({ hosts: ['reviews'], http: [{ route }] })],
      ['weights summing to 100', vs({ hosts: ['r'], http: [{ route: [to('a', { weight: 30 }), to('b', { weight: 70 })] }] })],
      ['a wildcard host on a gateway', vs({ hosts: ['*'], gateways: ['gw'], http: [{ route }] })],
      ['a leading wildcard label', vs({ hosts: ['*.example.com'], http: [{ route }] })],
      ['an IP host', vs({ hosts: ['10.0.0.1'], tcp: [{ route }] })],
      ['a redirect', vs({ hosts: ['r'], http: [{ redirect: { uri: '/new', redirectCode: 301 } }] })],
      ['a regex header match', vs({ hosts: ['r'], http: [{ match: [{ headers: { 'user-agent': { regex: '.*Firefox.*' } } }], route }] })],
      ['an RE2 inline flag and named group', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '(?i)/api/(?P<v>v[0-9]+)' } }], route }] })],
      ['retries with status codes', vs({ hosts: ['r'], http: [{ route, retries: { attempts: 2, retryOn: '5xx,503,retriable-4xx' } }] })],
      ['a timeout of 0s (disabled)', vs({ hosts: ['r'], http: [{ route, timeout: '0s' }] })],
      ['a fault with percentage', vs({ hosts: ['r'], http: [{ route, fault: { delay: { fixedDelay: '5s', percentage: { value: 10 } } } }] })],
      ['the deprecated fault percent', vs({ hosts: ['r'], http: [{ route, fault: { delay: { fixedDelay: '5s', percent: 10 } } }] })],
      ['a port written as a string', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', port: { number: '9080' } } }] }] })],
      ['TLS routes by SNI', vs({ hosts: ['*.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'], port: 443 }], route }] })],
      ['TCP routes with subnets', vs({ hosts: ['db'], tcp: [{ match: [{ destinationSubnets: ['10.0.0.0/8'], port: 27017 }], route }] })],
      ['header manipulation', vs({ hosts: ['r'], http: [{ route, headers: { request: { set: { 'x-a': 'b' }, remove: ['x-c'] } } }] })],
      ['mirror with percent', vs({ hosts: ['r'], http: [{ route, mirror: { host: 'r2' }, mirrorPercent: 50 }] })],
      ['exportTo "."', vs({ hosts: ['r'], exportTo: ['.'], http: [{ route }] })],
      ['gateway namespace/name', vs({ hosts: ['r'], gateways: ['istio-system/gw', 'mesh'], http: [{ route }] })],
      ['a CORS policy', vs({ hosts: ['r'], http: [{ route, corsPolicy: { allowOrigin: ['*'], allowMethods: ['GET'], allowHeaders: ['x-a'], maxAge: '24h', allowCredentials: true } }] })],
    ],
    [
      ['an unknown field', vs({ hosts: ['r'], https: [{ route }] }), 'spec.https', 'unknown field "https"; did you mean "http" or "tls"?'],
      ['an unknown nested field', vs({ hosts: ['r'], http: [{ route, timeouts: '1s' }] }), 'spec.http[0].timeouts', 'did you mean "timeout"?'],
      ['a misspelled destination field', vs({ hosts: ['r'], http: [{ route: [{ destinaton: { host: 'r' } }] }] }), 'spec.http[0].route[0].destinaton', 'did you mean "destination"?'],
      ['missing hosts', vs({ http: [{ route }] }), 'spec.hosts', 'at least one host is required'],
      ['no routes', vs({ hosts: ['r'] }), 'spec', 'at least one of http, tls or tcp'],
      ['a wildcard in the middle', vs({ hosts: ['foo.*.com'], http: [{ route }] }), 'spec.hosts[0]', 'wildcard is allowed only as the leading label'],
      ['a partial wildcard label', vs({ hosts: ['*foo.com'], http: [{ route }] }), 'spec.hosts[0]', 'whole leading label'],
      ['"*" bound to the mesh', vs({ hosts: ['*'], http: [{ route }] }), 'spec.hosts[0]', 'not allowed for virtual services bound to the mesh'],
      ['a bad host label', vs({ hosts: ['bad_host'], http: [{ route }] }), 'spec.hosts[0]', 'label "bad_host"'],
      ['weights not summing to 100', vs({ hosts: ['r'], http: [{ route: [to('a', { weight: 50 }), to('b', { weight: 20 })] }] }), 'spec.http[0].route', 'sum to 70, must be 100'],
      ['a weight above 100', vs({ hosts: ['r'], http: [{ route: [to('a', { weight: 120 })] }] }), 'spec.http[0].route[0].weight', 'out of range'],
      ['a string weight', vs({ hosts: ['r'], http: [{ route: [to('a', { weight: 'fifty' })] }] }), 'spec.http[0].route[0].weight', 'expected a number'],
      ['a missing destination host', vs({ hosts: ['r'], http: [{ route: [{ destination: { subset: 'v1' } }] }] }), 'spec.http[0].route[0].destination.host', 'destination host is required'],
      ['a wildcard destination host', vs({ hosts: ['r'], http: [{ route: [to('*.foo.com')] }] }), 'spec.http[0].route[0].destination.host', 'wildcard host'],
      ['an invalid subset name', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', subset: 'V_1' } }] }] }), 'spec.http[0].route[0].destination.subset', 'DNS-1123 label'],
      ['port 0', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', port: { number: 0 } } }] }] }), 'spec.http[0].route[0].destination.port.number', 'out of range'],
      ['port 70000', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', port: { number: 70000 } } }] }] }), 'spec.http[0].route[0].destination.port.number', 'out of range'],
      ['a non-numeric port string', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', port: { number: 'http' } } }] }] }), 'spec.http[0].route[0].destination.port.number', 'expected a port number'],
      ['both port number and name', vs({ hosts: ['r'], http: [{ route: [{ destination: { host: 'r', port: { number: 80, name: 'http' } } }] }] }), 'spec.http[0].route[0].destination.port.name', 'only one of number, name'],
      ['route and redirect together', vs({ hosts: ['r'], http: [{ route, redirect: { uri: '/x' } }] }), 'spec.http[0]', 'both route and redirect'],
      ['neither route nor redirect', vs({ hosts: ['r'], http: [{ timeout: '1s' }] }), 'spec.http[0]', 'route or redirect is required'],
      ['a bad redirect code', vs({ hosts: ['r'], http: [{ redirect: { uri: '/x', redirectCode: 200 } }] }), 'spec.http[0].redirect.redirectCode', 'not one of 301'],
      ['an empty redirect', vs({ hosts: ['r'], http: [{ redirect: {} }] }), 'spec.http[0].redirect', 'uri or authority'],
      ['an empty rewrite', vs({ hosts: ['r'], http: [{ route, rewrite: {} }] }), 'spec.http[0].rewrite', 'uri or authority'],
      ['a lookahead regex', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '/(?=api)' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'lookahead (?= is not supported by RE2'],
      ['a negative lookahead', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: 'a(?!b)' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'lookahead (?!'],
      ['a lookbehind', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '(?<=a)b' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'lookbehind (?<='],
      ['a negative lookbehind', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '(?<!a)b' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'lookbehind (?<!'],
      ['a backreference', vs({ hosts: ['r'], http: [{ match: [{ headers: { x: { regex: '(a)\\1' } } }], route }] }), 'spec.http[0].match[0].headers.x.regex', 'backreferences'],
      ['an atomic group', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '(?>a+)b' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'atomic groups'],
      ['a possessive quantifier', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: 'a++b' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'possessive'],
      ['an unbalanced regex', vs({ hosts: ['r'], http: [{ match: [{ uri: { regex: '(abc' } }], route }] }), 'spec.http[0].match[0].uri.regex', 'invalid regex'],
      ['two string match kinds', vs({ hosts: ['r'], http: [{ match: [{ uri: { exact: '/a', prefix: '/b' } }], route }] }), 'spec.http[0].match[0].uri.prefix', 'only one of exact, prefix, regex'],
      ['an empty uri match', vs({ hosts: ['r'], http: [{ match: [{ uri: {} }], route }] }), 'spec.http[0].match[0].uri', 'one of exact, prefix or regex'],
      ['a query param prefix', vs({ hosts: ['r'], http: [{ match: [{ queryParams: { q: { prefix: 'a' } } }], route }] }), 'spec.http[0].match[0].queryParams.q.prefix', 'exact and regex'],
      ['a bad duration', vs({ hosts: ['r'], http: [{ route, timeout: '10 seconds' }] }), 'spec.http[0].timeout', 'invalid duration'],
      ['a sub-millisecond duration', vs({ hosts: ['r'], http: [{ route, timeout: '500us' }] }), 'spec.http[0].timeout', 'shorter than 1ms'],
      ['a numeric duration', vs({ hosts: ['r'], http: [{ route, timeout: 10 }] }), 'spec.http[0].timeout', 'expected a string'],
      ['a zero perTryTimeout', vs({ hosts: ['r'], http: [{ route, retries: { attempts: 1, perTryTimeout: '0s' } }] }), 'spec.http[0].retries.perTryTimeout', 'at least 1ms'],
      ['negative retry attempts', vs({ hosts: ['r'], http: [{ route, retries: { attempts: -1 } }] }), 'spec.http[0].retries.attempts', 'out of range'],
      ['an unknown retryOn', vs({ hosts: ['r'], http: [{ route, retries: { attempts: 1, retryOn: '5xx,sometimes' } }] }), 'spec.http[0].retries.retryOn', '"sometimes" is not a retry condition'],
      ['an empty fault', vs({ hosts: ['r'], http: [{ route, fault: {} }] }), 'spec.http[0].fault', 'delay or abort'],
      ['a delay without fixedDelay', vs({ hosts: ['r'], http: [{ route, fault: { delay: { percentage: { value: 5 } } } }] }), 'spec.http[0].fault.delay', 'fixedDelay is required'],
      ['a fault percentage above 100', vs({ hosts: ['r'], http: [{ route, fault: { abort: { httpStatus: 500, percentage: { value: 101 } } } }] }), 'spec.http[0].fault.abort.percentage.value', 'out of range'],
      ['an abort status 999', vs({ hosts: ['r'], http: [{ route, fault: { abort: { httpStatus: 999 } } }] }), 'spec.http[0].fault.abort.httpStatus', 'between 200 and 599'],
      ['a gRPC abort', vs({ hosts: ['r'], http: [{ route, fault: { abort: { grpcStatus: 'UNAVAILABLE' } } }] }), 'spec.http[0].fault.abort.grpcStatus', 'not supported'],
      ['a bad CORS method', vs({ hosts: ['r'], http: [{ route, corsPolicy: { allowMethods: ['FETCH'] } }] }), 'spec.http[0].corsPolicy.allowMethods[0]', 'not an HTTP method'],
      ['a pseudo-header', vs({ hosts: ['r'], http: [{ route, headers: { request: { set: { ':path': '/x' } } } }] }), 'spec.http[0].headers.request.set[":path"]', 'pseudo-header'],
      ['a bad gateway name', vs({ hosts: ['r'], gateways: ['a/b/c'], http: [{ route }] }), 'spec.gateways[0]', 'invalid gateway name'],
      ['an unsupported exportTo', vs({ hosts: ['r'], exportTo: ['other-ns'], http: [{ route }] }), 'spec.exportTo[0]', 'not supported'],
      ['a TLS route without sniHosts', vs({ hosts: ['a.com'], tls: [{ match: [{ port: 443 }], route }] }), 'spec.tls[0].match[0].sniHosts', 'at least one SNI host'],
      ['an SNI host outside the VS hosts', vs({ hosts: ['a.com'], tls: [{ match: [{ sniHosts: ['b.com'] }], route }] }), 'spec.tls[0].match[0].sniHosts[0]', 'not covered'],
      ['a bad destination subnet', vs({ hosts: ['db'], tcp: [{ match: [{ destinationSubnets: ['10.0.0.0/40'] }], route }] }), 'spec.tcp[0].match[0].destinationSubnets[0]', 'not a valid IP address or CIDR'],
      ['a TCP route without destinations', vs({ hosts: ['db'], tcp: [{ route: [] }] }), 'spec.tcp[0].route', 'at least one route destination'],
      ['a bad source label', vs({ hosts: ['r'], http: [{ match: [{ sourceLabels: { app: 'bad value!' } }], route }] }), 'spec.http[0].match[0].sourceLabels.app', 'invalid label value'],
      ['hosts as a string', vs({ hosts: 'reviews', http: [{ route }] }), 'spec.hosts', 'expected a list'],
      ['http as an object', vs({ hosts: ['r'], http: { route } }), 'spec.http', 'expected a list'],
      ['a boolean given as a string', vs({ hosts: ['r'], http: [{ route, match: [{ ignoreUriCase: 'yes' }] }] }), 'spec.http[0].match[0].ignoreUriCase', 'expected true or false'],
    ],
  );
});

describe('DestinationRule', () => {
  runCases(
    [
      ['subsets', dr({ host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] })],
      ['a wildcard host', dr({ host: '*.ns.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })],
      ['circuit breaking', dr({ host: 'r', trafficPolicy: { connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } }, outlierDetection: { consecutiveErrors: 1, interval: '1s', baseEjectionTime: '3m' } } })],
      ['consistent hashing by cookie', dr({ host: 'r', trafficPolicy: { loadBalancer: { consistentHash: { httpCookie: { name: 'u', ttl: '0s' } } } } })],
      ['port-level settings', dr({ host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'RANDOM' } }] } })],
      ['mutual TLS with certificates', dr({ host: 'r', trafficPolicy: { tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' } } })],
    ],
    [
      ['a missing host', dr({ subsets: [] }), 'spec.host', 'host is required'],
      ['an unknown tls mode', dr({ host: 'r', trafficPolicy: { tls: { mode: 'ISTIO_MTLS' } } }), 'spec.trafficPolicy.tls.mode', 'must be one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL'],
      ['MUTUAL without certificates', dr({ host: 'r', trafficPolicy: { tls: { mode: 'MUTUAL' } } }), 'spec.trafficPolicy.tls.clientCertificate', 'required for mode MUTUAL'],
      ['a duplicate subset', dr({ host: 'r', subsets: [{ name: 'v1', labels: { v: '1' } }, { name: 'v1', labels: { v: '2' } }] }), 'spec.subsets[1].name', 'duplicate subset name'],
      ['a subset without a name', dr({ host: 'r', subsets: [{ labels: { v: '1' } }] }), 'spec.subsets[0].name', 'subset name is required'],
      ['an invalid subset name', dr({ host: 'r', subsets: [{ name: 'V1.x', labels: { v: '1' } }] }), 'spec.subsets[0].name', 'DNS-1123 label'],
      ['an unknown LB policy', dr({ host: 'r', trafficPolicy: { loadBalancer: { simple: 'ROUNDROBIN' } } }), 'spec.trafficPolicy.loadBalancer.simple', 'did you mean "ROUND_ROBIN"?'],
      ['simple and consistentHash', dr({ host: 'r', trafficPolicy: { loadBalancer: { simple: 'RANDOM', consistentHash: { useSourceIp: true } } } }), 'spec.trafficPolicy.loadBalancer.consistentHash', 'only one of simple, consistentHash'],
      ['a cookie hash without ttl', dr({ host: 'r', trafficPolicy: { loadBalancer: { consistentHash: { httpCookie: { name: 'u' } } } } }), 'spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.ttl', 'ttl is required'],
      ['an empty connection pool', dr({ host: 'r', trafficPolicy: { connectionPool: {} } }), 'spec.trafficPolicy.connectionPool', 'tcp or http'],
      ['negative maxConnections', dr({ host: 'r', trafficPolicy: { connectionPool: { tcp: { maxConnections: -1 } } } }), 'spec.trafficPolicy.connectionPool.tcp.maxConnections', 'out of range'],
      ['a zero outlier interval', dr({ host: 'r', trafficPolicy: { outlierDetection: { interval: '0s' } } }), 'spec.trafficPolicy.outlierDetection.interval', 'at least 1ms'],
      ['maxEjectionPercent above 100', dr({ host: 'r', trafficPolicy: { outlierDetection: { maxEjectionPercent: 150 } } }), 'spec.trafficPolicy.outlierDetection.maxEjectionPercent', 'out of range'],
      ['a misspelled traffic policy field', dr({ host: 'r', trafficPolicy: { conectionPool: {} } }), 'spec.trafficPolicy.conectionPool', 'did you mean "connectionPool"?'],
      ['port-level settings without a port', dr({ host: 'r', trafficPolicy: { portLevelSettings: [{ loadBalancer: { simple: 'RANDOM' } }] } }), 'spec.trafficPolicy.portLevelSettings[0].port', 'port is required'],
      ['duplicate port-level settings', dr({ host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 } }, { port: { number: 80 } }] } }), 'spec.trafficPolicy.portLevelSettings[1].port', 'duplicate'],
      ['hosts instead of host', dr({ hosts: ['r'] }), 'spec.hosts', 'did you mean "host"?'],
      ['locality weights not summing to 100', dr({ host: 'r', trafficPolicy: { loadBalancer: { localityLbSetting: { distribute: [{ from: 'a/*', to: { 'b/*': 50 } }] } } } }), 'spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to', 'sum to 50'],
    ],
  );
});

const httpsServer = { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' } };

describe('Gateway', () => {
  runCases(
    [
      ['an HTTPS server', gw({ selector: { istio: 'ingressgateway' }, servers: [httpsServer] })],
      ['a lower-case protocol', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'http' }, hosts: ['ns/*'] }] })],
      ['a passthrough server', gw({ servers: [{ port: { number: 443, name: 'tls', protocol: 'TLS' }, hosts: ['*.example.com'], tls: { mode: 'PASSTHROUGH' } }] })],
      ['credentialName', gw({ servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a.com'], tls: { mode: 'MUTUAL', credentialName: 'cert' } }] })],
      ['AUTO_PASSTHROUGH on TLS', gw({ servers: [{ port: { number: 15443, name: 'tls', protocol: 'TLS' }, hosts: ['*.global'], tls: { mode: 'AUTO_PASSTHROUGH' } }] })],
    ],
    [
      ['no servers', gw({ selector: { istio: 'ingressgateway' } }), 'spec.servers', 'at least one server'],
      ['a server without hosts', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' } }] }), 'spec.servers[0].hosts', 'at least one host'],
      ['an unknown protocol', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP3' }, hosts: ['*'] }] }), 'spec.servers[0].port.protocol', 'unsupported value "HTTP3"'],
      ['a missing port name', gw({ servers: [{ port: { number: 80, protocol: 'HTTP' }, hosts: ['*'] }] }), 'spec.servers[0].port.name', 'port name is required'],
      ['HTTPS without tls', gw({ servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'] }] }), 'spec.servers[0].tls', 'tls settings are required'],
      ['SIMPLE without a certificate', gw({ servers: [{ ...httpsServer, tls: { mode: 'SIMPLE', privateKey: '/k' } }] }), 'spec.servers[0].tls.serverCertificate', 'required for mode SIMPLE'],
      ['MUTUAL without a CA', gw({ servers: [{ ...httpsServer, tls: { mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k' } }] }), 'spec.servers[0].tls.caCertificates', 'required for mode MUTUAL'],
      ['certificates with PASSTHROUGH', gw({ servers: [{ ...httpsServer, tls: { mode: 'PASSTHROUGH', serverCertificate: '/c' } }] }), 'spec.servers[0].tls.serverCertificate', 'cannot be used with mode PASSTHROUGH'],
      ['TLS settings on an HTTP server', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], tls: { mode: 'SIMPLE' } }] }), 'spec.servers[0].tls', 'only httpsRedirect'],
      ['AUTO_PASSTHROUGH on HTTPS', gw({ servers: [{ ...httpsServer, tls: { mode: 'AUTO_PASSTHROUGH' } }] }), 'spec.servers[0].tls.mode', 'requires protocol TLS'],
      ['a bad host namespace', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['Bad_NS/*'] }] }), 'spec.servers[0].hosts[0]', 'invalid namespace'],
      ['one port with two protocols', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.com'] }, { port: { number: 80, name: 'tcp', protocol: 'TCP' }, hosts: ['b.com'] }] }), 'spec.servers[1].port.protocol', 'already used with protocol HTTP'],
      ['a bad TLS version order', gw({ servers: [{ ...httpsServer, tls: { ...httpsServer.tls, minProtocolVersion: 'TLSV1_3', maxProtocolVersion: 'TLSV1_1' } }] }), 'spec.servers[0].tls.minProtocolVersion', 'above maxProtocolVersion'],
      ['a misspelled selector', gw({ selecter: { istio: 'ingressgateway' }, servers: [httpsServer] }), 'spec.selecter', 'did you mean "selector"?'],
      ['a bad bind address', gw({ servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], bind: 'localhost' }] }), 'spec.servers[0].bind', 'must be an IP address'],
    ],
  );
});

describe('ServiceEntry', () => {
  runCases(
    [
      ['DNS resolution', se({ hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS', location: 'MESH_EXTERNAL' })],
      ['STATIC endpoints', se({ hosts: ['db.internal'], addresses: ['10.1.0.0/16'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'STATIC', endpoints: [{ address: '10.1.1.1', ports: { tcp: 5432 } }] })],
      ['a wildcard with NONE', se({ hosts: ['*.example.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'NONE' })],
      ['a unix socket', se({ hosts: ['uds.local'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'STATIC', endpoints: [{ address: 'unix:///var/run/a.sock' }] })],
    ],
    [
      ['missing hosts', se({ ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }), 'spec.hosts', 'at least one host'],
      ['host "*"', se({ hosts: ['*'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }), 'spec.hosts[0]', 'not allowed in a ServiceEntry'],
      ['no ports', se({ hosts: ['a.com'] }), 'spec.ports', 'at least one port'],
      ['duplicate port names', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }, { number: 81, name: 'http', protocol: 'HTTP' }] }), 'spec.ports[1].name', 'duplicate port name'],
      ['duplicate port numbers', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'a', protocol: 'HTTP' }, { number: 80, name: 'b', protocol: 'HTTP' }] }), 'spec.ports[1].number', 'duplicate port number'],
      ['STATIC without endpoints', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'STATIC' }), 'spec.endpoints', 'at least one endpoint'],
      ['endpoints with NONE', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'NONE', endpoints: [{ address: '1.1.1.1' }] }), 'spec.endpoints', 'resolution NONE'],
      ['a wildcard with DNS', se({ hosts: ['*.a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'DNS' }), 'spec.hosts[0]', 'requires resolution NONE'],
      ['a hostname endpoint with STATIC', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'STATIC', endpoints: [{ address: 'a.com' }] }), 'spec.endpoints[0].address', 'must be an IP address'],
      ['an undeclared endpoint port', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'STATIC', endpoints: [{ address: '1.1.1.1', ports: { grpc: 9090 } }] }), 'spec.endpoints[0].ports.grpc', 'not declared'],
      ['a bad address', se({ hosts: ['a.com'], addresses: ['300.1.1.1'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }), 'spec.addresses[0]', 'not a valid IP'],
      ['an unknown resolution', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'dns' }), 'spec.resolution', 'did you mean "DNS"?'],
      ['an unknown location', se({ hosts: ['a.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], location: 'EXTERNAL' }), 'spec.location', 'must be one of MESH_EXTERNAL, MESH_INTERNAL'],
    ],
  );
});

describe('Sidecar', () => {
  runCases(
    [
      ['namespace-wide egress', sidecar({ egress: [{ hosts: ['./*', 'istio-system/*'] }] })],
      ['ingress with a default endpoint', sidecar({ workloadSelector: { labels: { app: 'r' } }, ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }], egress: [{ hosts: ['*/*'] }] })],
      ['REGISTRY_ONLY', sidecar({ egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })],
    ],
    [
      ['no egress', sidecar({ ingress: [] }), 'spec.egress', 'at least one egress listener'],
      ['a host without namespace', sidecar({ egress: [{ hosts: ['reviews.com'] }] }), 'spec.egress[0].hosts[0]', '<namespace>/<dnsName>'],
      ['a catch-all listener not last', sidecar({ egress: [{ hosts: ['./*'] }, { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['./*'] }] }), 'spec.egress[0]', 'only the last egress listener'],
      ['ingress without a default endpoint', sidecar({ ingress: [{ port: { number: 80, name: 'http', protocol: 'HTTP' } }], egress: [{ hosts: ['./*'] }] }), 'spec.ingress[0].defaultEndpoint', 'defaultEndpoint is required'],
      ['a bad default endpoint', sidecar({ ingress: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, defaultEndpoint: 'app:8080' }], egress: [{ hosts: ['./*'] }] }), 'spec.ingress[0].defaultEndpoint', 'must be 127.0.0.1:<port>'],
      ['an empty selector', sidecar({ workloadSelector: { labels: {} }, egress: [{ hosts: ['./*'] }] }), 'spec.workloadSelector.labels', 'at least one label'],
      ['an unknown capture mode', sidecar({ egress: [{ hosts: ['./*'], captureMode: 'TPROXY' }] }), 'spec.egress[0].captureMode', 'must be one of DEFAULT, IPTABLES, NONE'],
      ['an unknown outbound mode', sidecar({ egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'DENY' } }), 'spec.outboundTrafficPolicy.mode', 'REGISTRY_ONLY, ALLOW_ANY'],
    ],
  );
});

describe('EnvoyFilter', () => {
  const patch = { applyTo: 'CLUSTER', match: { cluster: { service: 'r' } }, patch: { operation: 'MERGE', value: { connect_timeout: '1s' } } };
  runCases(
    [
      ['a cluster merge', ef({ configPatches: [patch] })],
      ['the deprecated filters form', ef({ workloadLabels: { app: 'r' }, filters: [{ listenerMatch: { portNumber: 80, listenerType: 'SIDECAR_INBOUND' }, filterName: 'envoy.lua', filterType: 'HTTP', filterConfig: { inlineCode: '' } }] })],
    ],
    [
      ['no patches', ef({}), 'spec.configPatches', 'at least one config patch'],
      ['a missing applyTo', ef({ configPatches: [{ ...patch, applyTo: undefined }] }), 'spec.configPatches[0].applyTo', 'applyTo is required'],
      ['an unknown operation', ef({ configPatches: [{ ...patch, patch: { operation: 'REPLACE' } }] }), 'spec.configPatches[0].patch.operation', 'must be one of'],
      ['ADD without a value', ef({ configPatches: [{ applyTo: 'CLUSTER', patch: { operation: 'ADD' } }] }), 'spec.configPatches[0].patch.value', 'value is required'],
      ['INSERT_BEFORE on a cluster', ef({ configPatches: [{ ...patch, patch: { operation: 'INSERT_BEFORE', value: {} } }] }), 'spec.configPatches[0].patch.operation', 'NETWORK_FILTER or HTTP_FILTER only'],
      ['a listener match for a cluster', ef({ configPatches: [{ ...patch, match: { listener: { portNumber: 80 } } }] }), 'spec.configPatches[0].match', 'needs a cluster match'],
      ['a non-object patch value', ef({ configPatches: [{ ...patch, patch: { operation: 'MERGE', value: 'x' } }] }), 'spec.configPatches[0].patch.value', 'expected an object'],
      ['filters and configPatches', ef({ configPatches: [patch], filters: [{ filterName: 'a', filterType: 'HTTP', filterConfig: {} }] }), 'spec.filters', 'cannot be used together'],
      ['a deprecated filter without a name', ef({ filters: [{ filterType: 'HTTP', filterConfig: {} }] }), 'spec.filters[0].filterName', 'filterName is required'],
    ],
  );
});
