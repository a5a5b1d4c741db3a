"""A fault-injecting HTTP front for the tests: placed on 127.0.0.1 between cutover and a local server (the
HealthImaging fake, moto, Orthanc), it forwards each request unless a rule says to break it.

    proxy = FaultProxy(upstream_port, errors="json")   # "json" (restJson1), "xml" (S3) or "plain"
    proxy.add("hang", match="listDICOMImportJobs", times=2)
    ... point cutover at proxy.url ...
    proxy.stop()

Faults, each for the next `times` requests whose request line contains `match` (None: every such request):

- `hang`: read the request and never answer (until the proxy stops): the client's timeout must fire.
- `reset`: read the request and close the connection without a byte of answer.
- `truncate`: forward, then send the head as received (its Content-Length too) and half the body, and close.
- `truncate-gzip`: forward, then send half the body with a Content-Length that matches it: a complete HTTP
  exchange whose (gzip) body is cut short.
- `500`, `503`, `429`: answer that status with an error body in the upstream's dialect (`errors`), without
  forwarding: `InternalServerException`/`InternalError`, `ServiceUnavailableException`/`SlowDown`,
  `ThrottlingException`/`SlowDown`.

Every connection is answered with `Connection: close`, so each request is one connection and one rule. The
proxy runs in the test's own process, on threads; `served` lists `(request line, fault)` in order.
"""
import json
import socket
import threading

ERRORS = {
    "json": {500: "InternalServerException", 503: "ServiceUnavailableException", 429: "ThrottlingException"},
    "xml": {500: "InternalError", 503: "SlowDown", 429: "SlowDown"},
    "plain": {500: "Internal Server Error", 503: "Service Unavailable", 429: "Too Many Requests"},
}
REASONS = {500: "Internal Server Error", 503: "Service Unavailable", 429: "Too Many Requests"}


class Rule:
    def __init__(self, fault: str, match: str, times: int | None):
        self.fault, self.match, self.times = fault, match, times


class FaultProxy:
    def __init__(self, upstream_port: int, errors: str = "json"):
        self.upstream_port = upstream_port
        self.errors = errors
        self.rules: list[Rule] = []
        self.served: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def add(self, fault: str, match: str = "", times: int | None = 1) -> None:
        with self.lock:
            self.rules.append(Rule(fault, match, times))

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()

    def faults(self, fault: str) -> int:
        with self.lock:
            return sum(1 for _, applied in self.served if applied == fault)

    def stop(self) -> None:
        self.stopping.set()
        self.listener.close()

    # MARK: - Serving

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _choose(self, request_line: str) -> str:
        with self.lock:
            for rule in self.rules:
                if rule.match in request_line and (rule.times is None or rule.times > 0):
                    if rule.times is not None:
                        rule.times -= 1
                    self.served.append((request_line, rule.fault))
                    return rule.fault
            self.served.append((request_line, "pass"))
            return "pass"

    def _serve(self, client: socket.socket) -> None:
        try:
            request = read_request(client)
            if request is None:
                return
            head, body = request
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            fault = self._choose(request_line)
            if fault == "hang":
                self.stopping.wait()
            elif fault == "reset":
                pass
            elif fault in ("500", "503", "429"):
                client.sendall(self._error(int(fault)))
            else:
                response = self._forward(head, body)
                response_head, response_body = split_response(response)
                if fault == "truncate":
                    client.sendall(response_head + response_body[: len(response_body) // 2])
                elif fault == "truncate-gzip":
                    cut = response_body[: len(response_body) // 2]
                    client.sendall(with_header(response_head, "Content-Length", str(len(cut))) + cut)
                else:
                    client.sendall(response_head + response_body)
        except OSError:
            pass
        finally:
            client.close()

    def _forward(self, head: bytes, body: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port)) as upstream:
            upstream.sendall(with_header(head, "Connection", "close") + body)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    def _error(self, status: int) -> bytes:
        code = ERRORS[self.errors][status]
        if self.errors == "json":
            body = json.dumps({"message": f"injected {status}"}).encode()
            extra = f"Content-Type: application/json\r\nx-amzn-ErrorType: {code}\r\n"
        elif self.errors == "xml":
            body = f"<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>injected {status}</Message></Error>"
            body = body.encode()
            extra = "Content-Type: application/xml\r\n"
        else:
            body, extra = code.encode(), "Content-Type: text/plain\r\n"
        return (f"HTTP/1.1 {status} {REASONS[status]}\r\n{extra}Content-Length: {len(body)}\r\n"
                f"Connection: close\r\n\r\n").encode() + body


def read_request(client: socket.socket) -> tuple[bytes, bytes] | None:
    """The head (through its blank line) and the Content-Length body of one request, or None at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = content_length(head) or 0
    while len(rest) < length:
        chunk = client.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head + b"\r\n\r\n", rest[:length]


def split_response(response: bytes) -> tuple[bytes, bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    return with_header(head + b"\r\n\r\n", "Connection", "close"), body


def content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return None


def with_header(head: bytes, name: str, value: str) -> bytes:
    """`head` with every `name` field replaced by one `name: value`."""
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    kept = [lines[0]] + [line for line in lines[1:] if line.partition(b":")[0].strip().lower() != name.lower().encode()]
    return b"\r\n".join(kept + [f"{name}: {value}".encode()]) + b"\r\n\r\n"
