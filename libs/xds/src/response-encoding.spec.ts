import { envoyCodec } from '@isthmus/protos';
import type { DiscoveryResponse__Output } from '@isthmus/protos';
import { serializeResponse } from './response-encoding';
import { TYPE_URL } from './resource-types';
import { Snapshot } from './snapshot';
import { edsCluster } from './testing';

describe('pre-encoded DiscoveryResponse', () => {
  it('decodes as the DiscoveryResponse protobuf would encode it, with and without a cached body', () => {
    const snapshot = Snapshot.fromObjects({ clusters: [edsCluster('a'), { name: 'b', type: 'STATIC' }], endpoints: [{ cluster_name: 'a' }] });
    const type = snapshot.get(TYPE_URL.cluster);
    const response = { version_info: type.version, type_url: TYPE_URL.cluster, nonce: '7', control_plane: { identifier: 'x' }, resources: [...type.resources.values()], bodyKey: type.resources };
    for (let i = 0; i < 2; i++) {
      const decoded = envoyCodec().decode<DiscoveryResponse__Output>('envoy.service.discovery.v3.DiscoveryResponse', serializeResponse(response));
      expect(decoded).toMatchObject({ version_info: type.version, type_url: TYPE_URL.cluster, nonce: '7', control_plane: { identifier: 'x' } });
      expect(decoded.resources.map((any) => envoyCodec().unpack<{ name: string }>(any)).map((r) => (r.ok ? r.value.name : r.error))).toEqual(['a', 'b']);
    }
    const empty = envoyCodec().decode<DiscoveryResponse__Output>('envoy.service.discovery.v3.DiscoveryResponse', serializeResponse({ ...response, resources: [], bodyKey: undefined }));
    expect(empty.resources).toEqual([]);
  });
});
