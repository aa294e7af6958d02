export * from './codec';
export * from './envoy-types';
export * from './istio-types';
export * from './loader';
export * from './struct';
export * from './type-urls';
