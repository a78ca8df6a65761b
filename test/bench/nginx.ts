// The physical-limit reference: nginx serving the very same bytes from a file on loopback.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const NGINX = '/usr/sbin/nginx'

export interface NginxServer {
  /** The master process; its worker is its child (CPU is read across both). */
  pid: number
  url(path: string): string
  stop(): Promise<void>
}

export function isNginxInstalled(): boolean {
  return existsSync(NGINX)
}

/**
 * Starts nginx in the foreground on `port`, serving `files` (path → bytes) with the same content
 * type and cache headers Bulletin sends, so the two answers differ only in who produces them.
 */
export async function startNginx(
  dir: string,
  port: number,
  files: Record<string, Buffer>,
): Promise<NginxServer> {
  const root = join(dir, 'root')
  mkdirSync(join(dir, 'logs'), { recursive: true })
  for (const [path, bytes] of Object.entries(files)) {
    const file = join(root, path === '/' ? 'index.html' : `${path.replace(/^\//, '')}.html`)
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, bytes)
  }
  const config = join(dir, 'nginx.conf')
  // Run as root, nginx drops its worker to nobody, who cannot read a 0700 mkdtemp folder: every
  // answer was a 403 (counted as errors, but its req/s was reported as nginx's).
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''
  writeFileSync(
    config,
    `worker_processes 1;
${user}daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs/error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    default_type text/html;
    location / {
      add_header Cache-Control "public, max-age=60, s-maxage=3600";
      try_files $uri.html /index.html =404;
    }
  }
}
`,
  )
  execFileSync(NGINX, ['-t', '-c', config], { stdio: 'ignore' })
  const child: ChildProcess = spawn(NGINX, ['-c', config], { stdio: 'ignore' })
  for (let i = 0; i < 50; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`)
      await response.body?.cancel()
      break
    } catch {
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  for (const path of Object.keys(files)) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`)
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`nginx answered ${path} with ${response.status}`)
  }
  return {
    pid: child.pid ?? 0,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGQUIT')
      }),
  }
}
