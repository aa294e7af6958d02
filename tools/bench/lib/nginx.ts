import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = '/usr/sbin/nginx';

/** nginx is the data-plane baseline; benchmarks skip its row (saying why) when the Debian package is not installed. */
export const nginxInstalled = (): boolean => existsSync(NGINX);

/**
 * Starts nginx in the foreground with one worker, no access log and its temp files in a fresh directory; `http` is
 * the rest of the `http {}` block (upstreams and servers).
 */
export function startNginx(http: string): ChildProcess {
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
${http} }\n`,
  );
  return spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
}
