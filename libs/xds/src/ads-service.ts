import type * as grpc from '@grpc/grpc-js';
import { envoyCodec } from '@isthmus/protos';

export const ADS_SERVICE_NAME = 'envoy.service.discovery.v3.AggregatedDiscoveryService';
const REQUEST_TYPE = 'envoy.service.discovery.v3.DiscoveryRequest';
export const RESPONSE_TYPE = 'envoy.service.discovery.v3.DiscoveryResponse';

/** Decodes with the generated types' conventions (see `ProtoCodec.decode`). */
function deserializer<T>(typeName: string): (bytes: Buffer) => T {
  return (bytes) => envoyCodec().decode<T>(typeName, bytes);
}

/** Encodes like proto-loader's serializer (`fromObject` + `encode`, no shape check). */
function serializer(typeName: string): (value: object) => Buffer {
  return (value) => {
    const type = envoyCodec().type(typeName);
    return Buffer.from(type.encode(type.fromObject(value as Record<string, unknown>)).finish());
  };
}

function bidi(method: string, requestType: string, responseType: string): grpc.MethodDefinition<object, object> {
  return {
    path: `/${ADS_SERVICE_NAME}/${method}`,
    requestStream: true,
    responseStream: true,
    requestSerialize: serializer(requestType),
    requestDeserialize: deserializer(requestType),
    responseSerialize: serializer(responseType),
    responseDeserialize: deserializer(responseType),
  };
}

/**
 * The ADS service definition built from the Envoy codec's already-loaded types, so neither the server nor the client
 * loads the Envoy descriptor a second time through proto-loader (`envoyGrpc()`) for one method.
 */
export function adsServiceDefinition(): grpc.ServiceDefinition {
  return {
    StreamAggregatedResources: bidi('StreamAggregatedResources', REQUEST_TYPE, RESPONSE_TYPE),
    DeltaAggregatedResources: bidi('DeltaAggregatedResources', 'envoy.service.discovery.v3.DeltaDiscoveryRequest', 'envoy.service.discovery.v3.DeltaDiscoveryResponse'),
  };
}
