export * from './proxy-init/capture-config';
export * from './proxy-init/capture-rules';
export * from './proxy-init/render';
export * from './proxy-init/apply';
export * from './proxy-init/flags';
export * from './proxy-init/command';
