import { join } from 'node:path';
import { pkiPaths, type ClusterPki } from './cluster-pki';
import { ports, type Ports } from './ports';

/** Where everything of one running environment lives inside its state directory. */
export interface Layout {
  stateDir: string;
  ports: Ports;
  pki: ClusterPki;
  kubeconfig: string;
  envFile: string;
  stateFile: string;
  binDir: string;
  logDir: string;
  dataDir: (component: string) => string;
  logFile: (component: string) => string;
}

export function layout(stateDir: string): Layout {
  return {
    stateDir,
    ports: ports(),
    pki: pkiPaths(stateDir),
    kubeconfig: join(stateDir, 'kubeconfig'),
    envFile: join(stateDir, 'env.sh'),
    stateFile: join(stateDir, 'testenv.json'),
    binDir: join(stateDir, 'bin'),
    logDir: join(stateDir, 'logs'),
    dataDir: (component) => join(stateDir, 'data', component),
    logFile: (component) => join(stateDir, 'logs', `${component}.log`),
  };
}
