import { Socket } from 'node:net';
import { createOriginalDstResolver } from './original-dst';

describe('originalDestination without the addon', () => {
  it('answers undefined and logs the reason once', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    const resolver = createOriginalDstResolver({ addonPath: '/nonexistent/original_dst.node', logger: logger as never });
    expect(resolver.available).toBe(false);
    expect(resolver.unavailableReason).toContain('/nonexistent/original_dst.node');
    expect(resolver.unavailableReason).toContain('agent:build-native');
    expect(resolver.originalDestination(new Socket())).toBeUndefined();
    expect(resolver.originalDestination(new Socket())).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SO_ORIGINAL_DST unavailable');
  });
});
