import type { Component } from './component';
import { etcd } from './etcd';
import { kafka } from './kafka';
import { kubeApiserver } from './kube-apiserver';
import { kubeControllerManager } from './kube-controller-manager';
import { kubeScheduler } from './kube-scheduler';

/** All servers, in start order (stopped in reverse). */
export const COMPONENTS: readonly Component[] = [etcd, kubeApiserver, kubeControllerManager, kubeScheduler, kafka];

export { etcd, kafka, kubeApiserver, kubeControllerManager, kubeScheduler };
export type { Component };
