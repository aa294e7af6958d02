import { CaptureConfig, isIpv6Cidr } from './capture-config';

/**
 * The traffic-capture rules of Istio 1.3's istio-iptables.sh, as data: the same chains (ISTIO_REDIRECT,
 * ISTIO_IN_REDIRECT, ISTIO_INBOUND, ISTIO_OUTPUT in nat; ISTIO_DIVERT, ISTIO_TPROXY, ISTIO_INBOUND in mangle for TPROXY),
 * the same rules in the same order, so `iptables-save` in one of our pods reads like one in an Istio 1.3 pod.
 * Pure: no system calls; render.ts turns a plan into text and apply.ts runs it.
 */
export interface RuleStep {
  readonly tool: 'iptables' | 'ip6tables' | 'ip';
  readonly args: readonly string[];
  /** The script runs this step with `|| true` or `|| echo ...`: a failure is reported but does not stop the rest. */
  readonly optional: boolean;
}

export interface CapturePlan {
  readonly steps: readonly RuleStep[];
}

type Family = 'iptables' | 'ip6tables';

const LOOPBACK: Record<Family, string> = { iptables: '127.0.0.1/32', ip6tables: '::1/128' };
// The inbound passthrough cluster binds this source address; its connections must not be captured again.
const PASSTHROUGH_SOURCE: Record<Family, string> = { iptables: '127.0.0.6/32', ip6tables: '::6/128' };

export function buildCapturePlan(config: CaptureConfig): CapturePlan {
  const steps: RuleStep[] = [];
  if (config.ipv6) {
    // Like 127.0.0.6 for IPv4: the source address of the inbound passthrough cluster. Best effort in Istio too.
    steps.push({ tool: 'ip', args: ['-6', 'addr', 'add', '::6/128', 'dev', 'lo'], optional: true });
  }
  steps.push(...familyRules('iptables', config));
  if (config.ipv6) steps.push(...familyRules('ip6tables', config));
  else steps.push(...ipv6Lockdown());
  return { steps };
}

function familyRules(family: Family, config: CaptureConfig): RuleStep[] {
  const steps: RuleStep[] = [];
  const add = (table: string, ...rule: string[]) => steps.push({ tool: family, args: ['-t', table, ...rule], optional: false });
  const addOptional = (table: string, ...rule: string[]) => steps.push({ tool: family, args: ['-t', table, ...rule], optional: true });
  // TPROXY applies to IPv4 only in Istio 1.3; the IPv6 rules always use REDIRECT.
  const tproxy = family === 'iptables' && config.interceptionMode === 'TPROXY';
  const inbound = config.inboundPorts;

  add('nat', '-N', 'ISTIO_REDIRECT');
  add('nat', '-A', 'ISTIO_REDIRECT', '-p', 'tcp', '-j', 'REDIRECT', '--to-port', String(config.proxyPort));
  add('nat', '-N', 'ISTIO_IN_REDIRECT');
  // The dedicated inbound port (-z) is used only when every inbound port is captured; otherwise -p, as in 1.3.
  const inRedirectPort = inbound.all ? config.inboundCapturePort : config.proxyPort;
  add('nat', '-A', 'ISTIO_IN_REDIRECT', '-p', 'tcp', '-j', 'REDIRECT', '--to-port', String(inRedirectPort));

  const capturesInbound = inbound.all || inbound.ports.length > 0;
  if (capturesInbound) {
    if (tproxy) {
      const mark = String(config.tproxyMark);
      const table = String(config.tproxyRouteTable);
      add('mangle', '-N', 'ISTIO_DIVERT');
      add('mangle', '-A', 'ISTIO_DIVERT', '-j', 'MARK', '--set-mark', mark);
      add('mangle', '-A', 'ISTIO_DIVERT', '-j', 'ACCEPT');
      steps.push({ tool: 'ip', args: ['-f', 'inet', 'rule', 'add', 'fwmark', mark, 'lookup', table], optional: false });
      steps.push({ tool: 'ip', args: ['-f', 'inet', 'route', 'add', 'local', 'default', 'dev', 'lo', 'table', table], optional: true });
      add('mangle', '-N', 'ISTIO_TPROXY');
      add('mangle', '-A', 'ISTIO_TPROXY', '!', '-d', LOOPBACK.iptables, '-p', 'tcp', '-j', 'TPROXY', '--tproxy-mark', `${mark}/0xffffffff`, '--on-port', String(config.proxyPort));
    }
    const table = tproxy ? 'mangle' : 'nat';
    add(table, '-N', 'ISTIO_INBOUND');
    add(table, '-A', 'PREROUTING', '-p', 'tcp', '-j', 'ISTIO_INBOUND');
    if (inbound.all) {
      // Never capture SSH, then the user's exclusions, then everything else.
      add(table, '-A', 'ISTIO_INBOUND', '-p', 'tcp', '--dport', '22', '-j', 'RETURN');
      for (const port of config.inboundPortsExclude) add(table, '-A', 'ISTIO_INBOUND', '-p', 'tcp', '--dport', String(port), '-j', 'RETURN');
      if (tproxy) {
        addOptional('mangle', '-A', 'ISTIO_INBOUND', '-p', 'tcp', '-m', 'socket', '-j', 'ISTIO_DIVERT');
        add('mangle', '-A', 'ISTIO_INBOUND', '-p', 'tcp', '-j', 'ISTIO_TPROXY');
      } else if (family === 'iptables') {
        // IPv4 only: Istio 1.3's IPv6 rules stop after the exclusions (IPv6 inbound `*` captures nothing); kept as is.
        add('nat', '-A', 'ISTIO_INBOUND', '-p', 'tcp', '-j', 'ISTIO_IN_REDIRECT');
      }
    } else {
      for (const port of inbound.ports) {
        const dport = ['-p', 'tcp', '--dport', String(port)];
        if (tproxy) {
          // Istio 1.3 adds the established-socket rule twice per port; kept so rule dumps compare equal.
          addOptional('mangle', '-A', 'ISTIO_INBOUND', ...dport, '-m', 'socket', '-j', 'ISTIO_DIVERT');
          addOptional('mangle', '-A', 'ISTIO_INBOUND', ...dport, '-m', 'socket', '-j', 'ISTIO_DIVERT');
          add('mangle', '-A', 'ISTIO_INBOUND', ...dport, '-j', 'ISTIO_TPROXY');
        } else {
          add('nat', '-A', 'ISTIO_INBOUND', ...dport, '-j', 'ISTIO_IN_REDIRECT');
        }
      }
    }
  }

  add('nat', '-N', 'ISTIO_OUTPUT');
  add('nat', '-A', 'OUTPUT', '-p', 'tcp', '-j', 'ISTIO_OUTPUT');
  // Port exclusions come before the rule that sends calls to the pod's own address back in.
  for (const port of config.outboundPortsExclude) add('nat', '-A', 'ISTIO_OUTPUT', '-p', 'tcp', '--dport', String(port), '-j', 'RETURN');
  add('nat', '-A', 'ISTIO_OUTPUT', '-o', 'lo', '-s', PASSTHROUGH_SOURCE[family], '-j', 'RETURN');
  // app → its own service VIP or pod IP: through the proxy twice (client side, then server side). Always on for IPv6.
  if (config.redirectLocalLoopback || family === 'ip6tables') {
    add('nat', '-A', 'ISTIO_OUTPUT', '-o', 'lo', '!', '-d', LOOPBACK[family], '-j', 'ISTIO_IN_REDIRECT');
  }
  // The proxy's own traffic is never captured (no loops).
  for (const uid of config.proxyUids) add('nat', '-A', 'ISTIO_OUTPUT', '-m', 'owner', '--uid-owner', uid, '-j', 'RETURN');
  for (const gid of config.proxyGids) add('nat', '-A', 'ISTIO_OUTPUT', '-m', 'owner', '--gid-owner', gid, '-j', 'RETURN');
  // Explicit localhost calls (container to container, proxy-aware apps) go direct.
  add('nat', '-A', 'ISTIO_OUTPUT', '-d', LOOPBACK[family], '-j', 'RETURN');

  const ofFamily = (cidr: string) => isIpv6Cidr(cidr) === (family === 'ip6tables');
  for (const cidr of config.outboundRangesExclude.filter(ofFamily)) add('nat', '-A', 'ISTIO_OUTPUT', '-d', cidr, '-j', 'RETURN');
  if (family === 'iptables') {
    for (const name of config.kubevirtInterfaces) add('nat', '-I', 'PREROUTING', '1', '-i', name, '-j', 'RETURN');
  }

  const ranges = config.outboundRanges;
  if (ranges.all) {
    add('nat', '-A', 'ISTIO_OUTPUT', '-j', 'ISTIO_REDIRECT');
    // Istio 1.3 lets VM-interface traffic bypass (RETURN) for IPv6 but captures it for IPv4; kept as is.
    const target = family === 'iptables' ? 'ISTIO_REDIRECT' : 'RETURN';
    for (const name of config.kubevirtInterfaces) add('nat', '-I', 'PREROUTING', '1', '-i', name, '-j', target);
  } else {
    const included = ranges.cidrs.filter(ofFamily);
    if (included.length > 0) {
      for (const cidr of included) {
        for (const name of config.kubevirtInterfaces) add('nat', '-I', 'PREROUTING', '1', '-i', name, '-d', cidr, '-j', 'ISTIO_REDIRECT');
        add('nat', '-A', 'ISTIO_OUTPUT', '-d', cidr, '-j', 'ISTIO_REDIRECT');
      }
      // Everything else leaves directly.
      add('nat', '-A', 'ISTIO_OUTPUT', '-j', 'RETURN');
    }
  }
  return steps;
}

/** IPv4-only pods: IPv6 inbound is refused except on established connections and loopback (best effort). */
function ipv6Lockdown(): RuleStep[] {
  const rule = (...args: string[]): RuleStep => ({ tool: 'ip6tables', args: ['-t', 'filter', ...args], optional: true });
  return [
    rule('-F', 'INPUT'),
    rule('-A', 'INPUT', '-m', 'state', '--state', 'ESTABLISHED', '-j', 'ACCEPT'),
    rule('-A', 'INPUT', '-i', 'lo', '-d', '::1', '-j', 'ACCEPT'),
    rule('-A', 'INPUT', '-j', 'REJECT'),
  ];
}

/**
 * Removes what an earlier run left (the script does this first, ignoring errors), so proxy-init can run again in the
 * same network namespace. Jumps first, then flushes and deletes; the chains others refer to last.
 */
export function cleanupSteps(family: Family): RuleStep[] {
  const step = (...args: string[]): RuleStep => ({ tool: family, args, optional: true });
  const steps = [
    step('-t', 'nat', '-D', 'PREROUTING', '-p', 'tcp', '-j', 'ISTIO_INBOUND'),
    step('-t', 'mangle', '-D', 'PREROUTING', '-p', 'tcp', '-j', 'ISTIO_INBOUND'),
    step('-t', 'nat', '-D', 'OUTPUT', '-p', 'tcp', '-j', 'ISTIO_OUTPUT'),
  ];
  const chains: [string, string][] = [
    ['nat', 'ISTIO_OUTPUT'],
    ['nat', 'ISTIO_INBOUND'],
    ['mangle', 'ISTIO_INBOUND'],
    ['mangle', 'ISTIO_DIVERT'],
    ['mangle', 'ISTIO_TPROXY'],
    ['nat', 'ISTIO_REDIRECT'],
    ['nat', 'ISTIO_IN_REDIRECT'],
  ];
  for (const [table, chain] of chains) steps.push(step('-t', table, '-F', chain), step('-t', table, '-X', chain));
  return steps;
}
