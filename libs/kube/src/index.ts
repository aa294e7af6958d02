export { toPlainObject } from './plain';
export { apiVersionOf, collectionPath, CORE_V1, crdNameOf, typeLabel, type KubeResourceType } from './resource-type';
export { WatchCache, type WatchCacheOptions, type WatchEventType, type WatchListener } from './watch-cache';
export { KubeWatchSet, type WatchedTypeStatus, type WatchSetListener, type WatchSetOptions } from './watch-set';
