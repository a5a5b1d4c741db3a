#!/usr/bin/env python3
"""A tiny HTTP server for CutoverCloud's transport tests.

Binds 127.0.0.1 on a free port, prints the port on the first line of stdout, and serves until stdin closes
(so it never outlives the test process that started it) or it is terminated.

With `--tls-dir DIR` it serves HTTPS instead, with a self-signed certificate for IP 127.0.0.1 that it writes to
DIR/cert.pem (made with the `openssl` command), so tests can check verification both failing and succeeding.

Endpoints (any method unless noted):
  /echo...          JSON: method, path (with query, as sent), query, headers (ordered [name, value] pairs,
                    values as UTF-8), body_base64
  /status/<code>    that status, with `X-Test-Header: Mixed-Case-Value` and body `status <code>`
  /gzip             gzip-encoded JSON with `Content-Encoding: gzip`, whatever Accept-Encoding says
                    (the JSON reports the Accept-Encoding received)
  /bytes/<n>        n deterministic bytes (byte i = (i * 31 + 7) % 251); honours `Range: bytes=a-b` / `a-`
  /slow/<seconds>   sleeps, then answers `done`
  /chunked          `Transfer-Encoding: chunked`, ?count=N chunks of `line i\\n` (default 10)
"""
import base64
import gzip
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


def pattern(start, end):
    return bytes((i * 31 + 7) % 251 for i in range(start, end))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    def do_HEAD(self):
        self.route()

    def do_POST(self):
        self.route()

    def do_PUT(self):
        self.route()

    def do_DELETE(self):
        self.route()

    def do_PATCH(self):
        self.route()

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def route(self):
        body = self.read_body()
        target = urlsplit(self.path)
        parts = [p for p in target.path.split("/") if p]
        head = parts[0] if parts else ""
        if head == "status" and len(parts) == 2:
            code = int(parts[1])
            self.reply(code, b"status %d" % code, [("X-Test-Header", "Mixed-Case-Value")])
        elif head == "gzip":
            doc = {"compressed": True, "accept_encoding": self.headers.get("Accept-Encoding")}
            self.reply(200, gzip.compress(json.dumps(doc).encode()),
                       [("Content-Type", "application/json"), ("Content-Encoding", "gzip")])
        elif head == "bytes" and len(parts) == 2:
            self.send_bytes(int(parts[1]))
        elif head == "slow" and len(parts) == 2:
            time.sleep(float(parts[1]))
            self.reply(200, b"done")
        elif head == "chunked":
            self.send_chunked(int(dict(parse_qsl(target.query)).get("count", "10")))
        else:
            self.echo(target, body)

    def reply(self, code, body, headers=()):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def echo(self, target, body):
        headers = [[name, value.encode("latin-1").decode("utf-8", "replace")] for name, value in self.headers.items()]
        doc = {
            "method": self.command,
            "path": self.path,
            "query": target.query,
            "headers": headers,
            "body_base64": base64.b64encode(body).decode(),
        }
        self.reply(200, json.dumps(doc).encode(), [("Content-Type", "application/json")])

    def send_bytes(self, total):
        start, end, code = 0, total, 200
        extra = []
        wanted = self.headers.get("Range")
        if wanted and wanted.startswith("bytes="):
            first, _, last = wanted[len("bytes="):].partition("-")
            start = int(first)
            end = min(total, int(last) + 1) if last else total
            if start >= total:
                self.reply(416, b"", [("Content-Range", "bytes */%d" % total)])
                return
            code = 206
            extra.append(("Content-Range", "bytes %d-%d/%d" % (start, end - 1, total)))
        self.send_response(code)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(end - start))
        self.end_headers()
        if self.command == "HEAD":
            return
        position = start
        while position < end:
            step = min(65536, end - position)
            self.wfile.write(pattern(position, position + step))
            position += step

    def send_chunked(self, count):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for i in range(count):
            chunk = b"line %d\n" % i
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def make_certificate(directory):
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if len(sys.argv) == 3 and sys.argv[1] == "--tls-dir":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*make_certificate(sys.argv[2]))
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
