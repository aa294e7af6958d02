import { lookup } from 'node:dns/promises';
import { isIPv6 } from 'node:net';
import { hostname } from 'node:os';
import { defineCommand, FlagValues } from '@isthmus/runtime';
import { applyCapturePlan, ApplyError, spawnTool, ToolRunner } from './apply';
import { CaptureConfig } from './capture-config';
import { buildCapturePlan } from './capture-rules';
import { proxyInitFlags } from './flags';
import { renderDryRun } from './render';

export interface ProxyInitIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly runTool: ToolRunner;
  /** The pod's IP when --pod-ip is not given (Istio: `hostname --ip-address`). */
  readonly detectPodIp: () => Promise<string | undefined>;
}

/** Istio 1.3's default when -u is not given: the proxy user (1337) and root (for the CA agent). */
const DEFAULT_PROXY_UIDS = ['1337', '0'];

/** Flag values → the builder's input. The script's defaults that depend on other flags are filled in here. */
export function captureConfigFromFlags(flags: FlagValues<typeof proxyInitFlags>, podIp: string | undefined): CaptureConfig {
  const proxyUids = flags.proxyUids.length > 0 ? flags.proxyUids : DEFAULT_PROXY_UIDS;
  return {
    proxyPort: flags.proxyPort,
    inboundCapturePort: flags.inboundCapturePort,
    proxyUids,
    proxyGids: flags.proxyGids.length > 0 ? flags.proxyGids : proxyUids,
    interceptionMode: flags.interceptionMode,
    inboundPorts: flags.inboundPorts,
    inboundPortsExclude: flags.inboundPortsExclude,
    outboundRanges: flags.outboundRanges,
    outboundRangesExclude: flags.outboundRangesExclude,
    outboundPortsExclude: flags.outboundPortsExclude,
    kubevirtInterfaces: flags.kubevirtInterfaces,
    tproxyMark: flags.tproxyMark,
    tproxyRouteTable: flags.tproxyRouteTable,
    ipv6: podIp !== undefined && isIPv6(podIp),
    redirectLocalLoopback: !flags.disableLoopbackRedirect,
  };
}

/**
 * `proxy-init`: the sidecar's init step (Istio's istio-init container running istio-iptables). Builds the capture
 * rules from the flags; `--dry-run` prints them, otherwise they are applied with iptables-restore (exit 1 with the
 * reason when iptables is missing or not permitted).
 */
export function createProxyInitCommand(io: ProxyInitIo) {
  return defineCommand({
    name: 'proxy-init',
    summary: "Redirect the pod's traffic through the proxy (iptables rules as Istio 1.3's istio-iptables)",
    description:
      'Sidecar injector default: proxy-init -p 15001 -z 15006 -u 1337 -m REDIRECT -i * -x "" -b * -d 15020. Needs NET_ADMIN.',
    flags: proxyInitFlags,
    run: async ({ flags }) => {
      const podIp = flags.podIp !== '' ? flags.podIp : await io.detectPodIp();
      const plan = buildCapturePlan(captureConfigFromFlags(flags, podIp));
      if (flags.dryRun) {
        io.stdout.write(renderDryRun(plan, flags.format));
        return 0;
      }
      io.stdout.write(renderDryRun(plan, 'commands'));
      try {
        const report = await applyCapturePlan(plan, io.runTool);
        for (const warning of report.warnings) io.stderr.write(`proxy-init: warning: ${warning}\n`);
        io.stdout.write('proxy-init: traffic capture rules installed\n');
        return 0;
      } catch (error) {
        if (!(error instanceof ApplyError)) throw error;
        io.stderr.write(`proxy-init: ${error.message}\n`);
        return 1;
      }
    },
  });
}

async function detectPodIp(): Promise<string | undefined> {
  try {
    return (await lookup(hostname())).address;
  } catch {
    return undefined;
  }
}

export const proxyInitCommand = createProxyInitCommand({
  stdout: process.stdout,
  stderr: process.stderr,
  runTool: spawnTool,
  detectPodIp,
});
