import { boolFlag, enumFlag, FlagSpec, intFlag } from '@isthmus/runtime';
import {
  InterceptionMode,
  Parsed,
  parseIdList,
  parseInterfaceList,
  parseCidrList,
  parsePort,
  parsePortList,
  parsePortSelection,
  parseRangeSelection,
  PortSelection,
  RangeSelection,
} from './capture-config';

/**
 * istio-iptables' flags: the one-letter names of Istio 1.3's script (`-p -z -u -g -m -b -d -i -x -o -k`), the long
 * names of its later Go rewrite, and the script's environment variables as fallbacks. Each value is checked here, so a
 * bad port or CIDR fails the command line (exit 2) naming the flag, where the script would silently skip it.
 */
function checkedFlag<T>(options: {
  name: string;
  short?: string;
  env?: string;
  description: string;
  default: T;
  valueName: string;
  parse: (raw: string) => Parsed<T>;
  format: (value: T) => string;
}): FlagSpec<T> {
  return {
    name: options.name,
    short: options.short,
    env: options.env,
    description: options.description,
    defaultValue: options.default,
    valueName: options.valueName,
    takesValue: true,
    repeatable: false,
    parse: (raw) => options.parse(raw),
    format: options.format,
  };
}

const formatPorts = (ports: readonly number[]) => JSON.stringify(ports.join(','));
const formatPortSelection = (value: PortSelection) => (value.all ? '*' : formatPorts(value.ports));
const formatRangeSelection = (value: RangeSelection) => (value.all ? '*' : JSON.stringify(value.cidrs.join(',')));
const formatList = (value: readonly string[]) => JSON.stringify(value.join(','));

export const proxyInitFlags = {
  proxyPort: checkedFlag({
    name: 'envoy-port', short: 'p', env: 'ENVOY_PORT', default: 15001, valueName: 'port', parse: parsePort, format: String,
    description: 'Port of the outbound capture listener, where all captured outbound TCP goes',
  }),
  inboundCapturePort: checkedFlag({
    name: 'inbound-capture-port', short: 'z', env: 'INBOUND_CAPTURE_PORT', default: 15006, valueName: 'port', parse: parsePort, format: String,
    description: 'Port of the inbound capture listener (used when -b is *)',
  }),
  proxyUids: checkedFlag<readonly string[]>({
    name: 'proxy-uid', short: 'u', default: [], valueName: 'uids', parse: parseIdList, format: formatList,
    description: 'User ids whose traffic is never captured (the proxy); empty means 1337,0 as in Istio',
  }),
  proxyGids: checkedFlag<readonly string[]>({
    name: 'proxy-gid', short: 'g', default: [], valueName: 'gids', parse: parseIdList, format: formatList,
    description: 'Group ids whose traffic is never captured; empty means the -u list',
  }),
  interceptionMode: enumFlag<InterceptionMode>({
    name: 'istio-inbound-interception-mode', short: 'm', env: 'ISTIO_INBOUND_INTERCEPTION_MODE', default: 'REDIRECT', choices: ['REDIRECT', 'TPROXY'],
    description: 'How inbound connections reach the proxy',
  }),
  inboundPorts: checkedFlag<PortSelection>({
    name: 'istio-inbound-ports', short: 'b', env: 'ISTIO_INBOUND_PORTS', default: { all: false, ports: [] }, valueName: 'ports|*',
    parse: parsePortSelection, format: formatPortSelection,
    description: 'Inbound ports to capture, * for all; empty captures no inbound traffic',
  }),
  inboundPortsExclude: checkedFlag<readonly number[]>({
    name: 'istio-local-exclude-ports', short: 'd', env: 'ISTIO_LOCAL_EXCLUDE_PORTS', default: [], valueName: 'ports', parse: parsePortList, format: formatPorts,
    description: 'Inbound ports not captured when -b is *',
  }),
  outboundRanges: checkedFlag<RangeSelection>({
    name: 'istio-service-cidr', short: 'i', env: 'ISTIO_SERVICE_CIDR', default: { all: false, cidrs: [] }, valueName: 'cidrs|*',
    parse: parseRangeSelection, format: formatRangeSelection,
    description: 'Outbound destinations (CIDRs) to capture, * for all; empty captures no outbound traffic',
  }),
  outboundRangesExclude: checkedFlag<readonly string[]>({
    name: 'istio-service-exclude-cidr', short: 'x', env: 'ISTIO_SERVICE_EXCLUDE_CIDR', default: [], valueName: 'cidrs', parse: parseCidrList, format: formatList,
    description: 'Outbound destinations (CIDRs) never captured',
  }),
  outboundPortsExclude: checkedFlag<readonly number[]>({
    name: 'istio-local-outbound-ports-exclude', short: 'o', env: 'ISTIO_LOCAL_OUTBOUND_PORTS_EXCLUDE', default: [], valueName: 'ports',
    parse: parsePortList, format: formatPorts,
    description: 'Outbound destination ports never captured',
  }),
  kubevirtInterfaces: checkedFlag<readonly string[]>({
    name: 'kube-virt-interfaces', short: 'k', default: [], valueName: 'interfaces', parse: parseInterfaceList, format: formatList,
    description: 'Interfaces (VM bridges) whose inbound traffic is treated as outbound',
  }),
  tproxyMark: intFlag({
    name: 'istio-inbound-tproxy-mark', env: 'ISTIO_INBOUND_TPROXY_MARK', default: 1337, min: 1, max: 0xffffffff,
    description: 'Packet mark used in TPROXY mode',
  }),
  tproxyRouteTable: intFlag({
    name: 'istio-inbound-tproxy-route-table', env: 'ISTIO_INBOUND_TPROXY_ROUTE_TABLE', default: 133, min: 1, max: 0xffffffff,
    description: 'Routing table that sends marked packets to lo in TPROXY mode',
  }),
  podIp: checkedFlag<string>({
    name: 'pod-ip', default: '', valueName: 'ip',
    parse: (raw) => (raw === '' || /^[0-9a-fA-F.:]+$/.test(raw) ? { ok: true, value: raw } : { ok: false, expected: 'an IP address' }),
    format: (value) => JSON.stringify(value),
    description: "The pod's IP; an IPv6 one also programs ip6tables. Default: the address the host name resolves to",
  }),
  disableLoopbackRedirect: boolFlag({
    name: 'disable-redirection-on-local-loopback', env: 'DISABLE_REDIRECTION_ON_LOCAL_LOOPBACK', default: false,
    description: "Do not send the app's calls to its own service IP back through the inbound listener",
  }),
  dryRun: boolFlag({ name: 'dry-run', short: 'n', default: false, description: 'Print the rules instead of applying them' }),
  format: enumFlag<'restore' | 'commands'>({
    name: 'format', default: 'restore', choices: ['restore', 'commands'],
    description: 'Dry-run output: iptables-restore input, or one iptables command per line',
  }),
} as const;
