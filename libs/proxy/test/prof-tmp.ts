import { spawn } from 'node:child_process';
import { ProxyEngine } from '../src';
import { httpListener, routes, staticCluster, vhost } from './fixtures';
async function main() {
  const backend = spawn(process.execPath, ['-e', `const b=Buffer.alloc(1024,'y');require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'content-length':b.length});s.end(b)})}).listen(18081,'127.0.0.1')`], { stdio: 'inherit' });
  const engine = new ProxyEngine({ drainMs: 100 });
  await engine.applyStatic({
    clusters: [staticCluster('b', [18081])],
    routes: [routes({ name: 'r', virtual_hosts: [vhost(['*'], [{ match: { prefix: '/' }, route: { cluster: 'b' } }])] })],
    listeners: [httpListener('l', 18080, { routeName: 'r' })],
  });
  await new Promise((r) => setTimeout(r, 500));
  const load = spawn(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', '16', '-d', '8', '-m', 'POST', '-b', 'x'.repeat(1024), 'http://127.0.0.1:18080/'], { stdio: 'inherit' });
  await new Promise((r) => load.once('exit', r));
  backend.kill();
  await engine.close();
  process.exit(0);
}
void main();
