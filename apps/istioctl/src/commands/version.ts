import { boolFlag, buildInfo, defineCommand } from '@isthmus/runtime';

export const versionCommand = defineCommand({
  name: 'version',
  summary: 'Print the istioctl version',
  flags: { short: boolFlag({ name: 'short', short: 's', default: false, description: 'Print only the version number' }) },
  run: ({ flags }) => {
    const info = buildInfo('istioctl');
    process.stdout.write(flags.short ? `${info.version}\n` : `client version: ${info.version} (Istio ${info.istioCompat} API)\n`);
    return 0;
  },
});
