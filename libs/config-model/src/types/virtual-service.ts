/** networking.istio.io/v1alpha3 VirtualService (istio.networking.v1alpha3.VirtualService as of Istio 1.3). */
import { arr, bool, duration, Infer, int, map, num, obj, port, str } from '../schema/dsl';

export const PortSelectorSchema = obj(
  { number: port({ description: 'Port number.' }), name: str({ description: 'Port name (deprecated in later Istio).' }) },
  { oneOf: [['number', 'name']], description: 'Selects a port of the destination service.' },
);

export const DestinationSchema = obj(
  {
    host: str({ description: 'Service name from the registry: short name, FQDN or ServiceEntry host.' }),
    subset: str({ description: 'Subset name defined in the DestinationRule for this host.' }),
    port: PortSelectorSchema,
  },
  { description: 'Network-addressable service to which a request or connection is forwarded.' },
);

export const StringMatchSchema = obj(
  { exact: str(), prefix: str(), regex: str({ description: 'RE2 regular expression.' }) },
  { oneOf: [['exact', 'prefix', 'regex']], description: 'One of exact, prefix or regex.' },
);

export const HeaderOperationsSchema = obj({
  set: map(str()),
  add: map(str()),
  remove: arr(str()),
});

export const HeadersSchema = obj({ request: HeaderOperationsSchema, response: HeaderOperationsSchema });

const deprecatedHeaderFields = {
  removeResponseHeaders: arr(str(), { deprecated: 'headers.response.remove' }),
  appendResponseHeaders: map(str(), { deprecated: 'headers.response.add' }),
  removeRequestHeaders: arr(str(), { deprecated: 'headers.request.remove' }),
  appendRequestHeaders: map(str(), { deprecated: 'headers.request.add' }),
};

export const HTTPRouteDestinationSchema = obj({
  destination: DestinationSchema,
  weight: int({ minimum: 0, maximum: 100, description: 'Share of traffic (0-100); weights of a route sum to 100.' }),
  headers: HeadersSchema,
  ...deprecatedHeaderFields,
});

export const RouteDestinationSchema = obj({ destination: DestinationSchema, weight: int({ minimum: 0, maximum: 100 }) });

export const HTTPMatchRequestSchema = obj({
  name: str(),
  uri: StringMatchSchema,
  scheme: StringMatchSchema,
  method: StringMatchSchema,
  authority: StringMatchSchema,
  headers: map(StringMatchSchema, { description: 'Header name (lower case) → match.' }),
  port: port(),
  sourceLabels: map(str()),
  gateways: arr(str()),
  queryParams: map(StringMatchSchema),
  ignoreUriCase: bool(),
});

export const PercentSchema = obj({ value: num({ minimum: 0, maximum: 100 }) }, { description: 'Percentage 0.0-100.0.' });

export const FaultDelaySchema = obj(
  {
    percent: int({ minimum: 0, maximum: 100, deprecated: 'percentage.value' }),
    percentage: PercentSchema,
    fixedDelay: duration(),
    exponentialDelay: duration(),
  },
  { oneOf: [['fixedDelay', 'exponentialDelay'], ['percent', 'percentage']] },
);

export const FaultAbortSchema = obj(
  {
    percent: int({ minimum: 0, maximum: 100, deprecated: 'percentage.value' }),
    percentage: PercentSchema,
    httpStatus: int(),
    grpcStatus: str(),
    http2Error: str(),
  },
  { oneOf: [['httpStatus', 'grpcStatus', 'http2Error'], ['percent', 'percentage']] },
);

export const HTTPFaultInjectionSchema = obj({ delay: FaultDelaySchema, abort: FaultAbortSchema });

export const HTTPRetrySchema = obj({
  attempts: int({ minimum: 0, description: 'Number of retries; 0 disables retries.' }),
  perTryTimeout: duration(),
  retryOn: str({ description: 'Comma-separated Envoy retry conditions or HTTP status codes.' }),
});

export const CorsPolicySchema = obj({
  allowOrigin: arr(str()),
  allowMethods: arr(str()),
  allowHeaders: arr(str()),
  exposeHeaders: arr(str()),
  maxAge: duration(),
  allowCredentials: bool(),
});

export const HTTPRedirectSchema = obj({ uri: str(), authority: str(), redirectCode: int() });
export const HTTPRewriteSchema = obj({ uri: str(), authority: str() });

export const HTTPRouteSchema = obj(
  {
    name: str(),
    match: arr(HTTPMatchRequestSchema),
    route: arr(HTTPRouteDestinationSchema),
    redirect: HTTPRedirectSchema,
    rewrite: HTTPRewriteSchema,
    websocketUpgrade: bool({ deprecated: 'nothing (websockets are always allowed)' }),
    timeout: duration({ description: 'Timeout for HTTP requests.' }),
    retries: HTTPRetrySchema,
    fault: HTTPFaultInjectionSchema,
    mirror: DestinationSchema,
    mirrorPercent: int({ minimum: 0, maximum: 100 }),
    corsPolicy: CorsPolicySchema,
    appendHeaders: map(str(), { deprecated: 'headers.request.add' }),
    headers: HeadersSchema,
    ...deprecatedHeaderFields,
  },
  { hints: { retry: 'retries', timeouts: 'timeout', routes: 'route', cors: 'corsPolicy' } },
);

export const TLSMatchAttributesSchema = obj({
  sniHosts: arr(str()),
  destinationSubnets: arr(str()),
  port: port(),
  sourceSubnet: str(),
  sourceLabels: map(str()),
  gateways: arr(str()),
});

export const L4MatchAttributesSchema = obj({
  destinationSubnets: arr(str()),
  port: port(),
  sourceSubnet: str(),
  sourceLabels: map(str()),
  gateways: arr(str()),
});

export const TLSRouteSchema = obj({ match: arr(TLSMatchAttributesSchema), route: arr(RouteDestinationSchema) });
export const TCPRouteSchema = obj({ match: arr(L4MatchAttributesSchema), route: arr(RouteDestinationSchema) });

export const VirtualServiceSchema = obj(
  {
    hosts: arr(str(), { description: 'Destination hosts to which these routing rules apply.' }),
    gateways: arr(str(), { description: 'Gateways (and `mesh` for sidecars) that apply these routes.' }),
    http: arr(HTTPRouteSchema, { description: 'Ordered HTTP routing rules.' }),
    tls: arr(TLSRouteSchema, { description: 'Ordered rules for non-terminated TLS and HTTPS traffic (routed by SNI).' }),
    tcp: arr(TCPRouteSchema, { description: 'Ordered rules for opaque TCP traffic.' }),
    exportTo: arr(str(), { description: 'Namespaces to which this VirtualService is exported: `.` or `*`.' }),
  },
  {
    description: 'Routing rules applied when a host is addressed.',
    hints: { https: 'tls', routes: 'http', host: 'hosts', gateway: 'gateways' },
  },
);

export type PortSelector = Infer<typeof PortSelectorSchema>;
export type Destination = Infer<typeof DestinationSchema>;
export type StringMatch = Infer<typeof StringMatchSchema>;
export type Headers = Infer<typeof HeadersSchema>;
export type HTTPRouteDestination = Infer<typeof HTTPRouteDestinationSchema>;
export type RouteDestination = Infer<typeof RouteDestinationSchema>;
export type HTTPMatchRequest = Infer<typeof HTTPMatchRequestSchema>;
export type HTTPFaultInjection = Infer<typeof HTTPFaultInjectionSchema>;
export type HTTPRetry = Infer<typeof HTTPRetrySchema>;
export type CorsPolicy = Infer<typeof CorsPolicySchema>;
export type HTTPRoute = Infer<typeof HTTPRouteSchema>;
export type TLSRoute = Infer<typeof TLSRouteSchema>;
export type TCPRoute = Infer<typeof TCPRouteSchema>;
export type VirtualService = Infer<typeof VirtualServiceSchema>;
