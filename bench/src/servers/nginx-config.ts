/**
 * nginx as the best-in-class native proxy is usually deployed in front of an app: one worker per
 * core, pooled keep-alive connections upstream, X-Forwarded-* set, no access log (the agent
 * writes none per request either). Everything it writes goes to `directory`.
 */
export function buildNginxConfig(options: {
  directory: string;
  listenPort: number;
  upstreamPort: number;
}): string {
  const { directory, listenPort, upstreamPort } = options;
  return `daemon off;
master_process on;
worker_processes auto;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path ${directory}/client-body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;

  upstream app {
    server 127.0.0.1:${upstreamPort};
    keepalive 128;
  }

  server {
    listen 127.0.0.1:${listenPort};
    keepalive_requests 1000000;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
      # Stream what does not fit the memory buffers instead of spooling it to disk.
      proxy_max_temp_file_size 0;
      proxy_request_buffering off;
      client_max_body_size 0;
    }
  }
}
`;
}
