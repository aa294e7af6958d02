export * from './address';
export * from './credentials';
export * from './health';
export * from './interceptors';
export * from './keepalive';
export * from './server';
