"""A local AWS HealthImaging for the tests: the botocore model's paths and shapes on 127.0.0.1, and no request
served unless botocore's own SigV4 signer reproduces its signature.

    python3 tests/servers/ahi_fake.py --state STATE.json [--throttle-every N]

prints `port N` on its first line, then serves until killed. STATE.json:

    {"credentials": {"accessKeyId": "...", "secretAccessKey": "...", "sessionToken": null},
     "region": "us-east-1",
     "datastores": {"<datastoreId>": {
         "jobs": [<DICOMImportJobProperties>...],
         "imageSets": {"<imageSetId>": {"properties": {<GetImageSet response>}, "metadata": {<metadata JSON>}}}}}}

Errors are restJson1: status, `x-amzn-ErrorType` and `{"message": ...}`. Test-only, unsigned routes:
`GET /_fake/requests` (operations served, in order) and `GET /_fake/jobs/<datastoreId>` (jobs, started ones too).
"""
import argparse
import gzip
import hashlib
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROUTES = [
    ("GET", re.compile(r"^/listDICOMImportJobs/datastore/(?P<ds>[^/]+)$"), "ListDICOMImportJobs"),
    ("GET", re.compile(r"^/getDICOMImportJob/datastore/(?P<ds>[^/]+)/job/(?P<job>[^/]+)$"), "GetDICOMImportJob"),
    ("POST", re.compile(r"^/datastore/(?P<ds>[^/]+)/imageSet/(?P<set>[^/]+)/getImageSet$"), "GetImageSet"),
    ("POST", re.compile(r"^/datastore/(?P<ds>[^/]+)/imageSet/(?P<set>[^/]+)/getImageSetMetadata$"),
     "GetImageSetMetadata"),
    ("POST", re.compile(r"^/startDICOMImportJob/datastore/(?P<ds>[^/]+)$"), "StartDICOMImportJob"),
]
AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/(?P<service>[^/]+)/aws4_request, "
    r"SignedHeaders=(?P<headers>[^,]+), Signature=(?P<signature>[0-9a-f]{64})$")
SUMMARY_FIELDS = ["jobId", "jobName", "jobStatus", "datastoreId", "dataAccessRoleArn", "endedAt", "submittedAt",
                  "message"]


class State:
    def __init__(self, data: dict, throttle_every: int):
        self.data = data
        self.throttle_every = throttle_every
        self.lock = threading.Lock()
        self.served: list[str] = []
        self.signed = 0

    def datastore(self, ds: str) -> dict | None:
        return self.data["datastores"].get(ds)


def signature_problem(state: State, method: str, raw_path: str, headers, body: bytes) -> str | None:
    """Why the request's signature is not the one botocore computes from what it says it signed, or None."""
    match = AUTHORIZATION.match(headers.get("Authorization", ""))
    if not match:
        return "missing or malformed Authorization header"
    creds = state.data["credentials"]
    if match["key"] != creds["accessKeyId"]:
        return "unknown access key"
    if match["service"] != "medical-imaging" or match["region"] != state.data.get("region", "us-east-1"):
        return f"wrong credential scope {match['region']}/{match['service']}"
    amz_date = headers.get("X-Amz-Date", "")
    if not amz_date.startswith(match["date"]):
        return "x-amz-date does not match the credential scope"
    if creds.get("sessionToken") and headers.get("X-Amz-Security-Token") != creds["sessionToken"]:
        return "missing or wrong session token"
    signed = match["headers"].split(";")
    request = AWSRequest(method=method, url=f"http://{headers.get('Host')}{raw_path}", data=body,
                         headers={name: headers.get(name, "") for name in signed})
    request.context["timestamp"] = amz_date
    auth = SigV4Auth(Credentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken")),
                     "medical-imaging", match["region"])
    # Sign exactly the headers the client listed, as the service does.
    auth.headers_to_sign = lambda req: _headers_named(req, signed)
    canonical = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical)
    expected = auth.signature(string_to_sign, request)
    if expected != match["signature"]:
        # As the real service words it: the canonical request (signed header values, a session token among
        # them) comes back in the message, so a client that prints messages verbatim leaks it.
        return ("The request signature we calculated does not match the signature you provided. Check your AWS "
                "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                f"The Canonical String for this request should have been\n'{canonical}'\n\n"
                f"The String-to-Sign should have been\n'{string_to_sign}'\n")
    return None


def _headers_named(request, names):
    from botocore.compat import HTTPHeaders
    chosen = HTTPHeaders()
    for name in names:
        chosen[name] = request.headers.get(name, "")
    return chosen


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: State

    def log_message(self, *args):
        pass

    def reply(self, status: int, body: bytes, content_type="application/json", extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def error(self, status: int, kind: str, message: str):
        self.reply(status, json.dumps({"message": message}).encode(), extra={"x-amzn-ErrorType": kind})

    def json(self, value):
        self.reply(200, json.dumps(value).encode())

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method: str):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        if split.path.startswith("/_fake/"):
            return self.control(split.path)
        for route_method, pattern, operation in ROUTES:
            match = pattern.match(split.path)
            if match and route_method == method:
                break
        else:
            return self.error(404, "ResourceNotFoundException", f"no operation for {method} {split.path}")
        problem = signature_problem(self.state, method, self.path, self.headers, body)
        if problem:
            return self.error(403, "InvalidSignatureException", problem)
        with self.state.lock:
            self.state.signed += 1
            throttled = self.state.throttle_every and self.state.signed % self.state.throttle_every == 0
            self.state.served.append(operation + (" (throttled)" if throttled else ""))
        if throttled:
            return self.error(429, "ThrottlingException", "Rate exceeded")
        datastore = self.state.datastore(match["ds"])
        if datastore is None:
            return self.error(404, "ResourceNotFoundException", f"datastore {match['ds']} not found")
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        getattr(self, operation)(match, datastore, query, body)

    def ListDICOMImportJobs(self, match, datastore, query, body):
        jobs = [j for j in datastore["jobs"] if "jobStatus" not in query or j["jobStatus"] == query["jobStatus"]]
        size = int(query.get("maxResults") or 50)
        start = int(query.get("nextToken") or 0)
        page = jobs[start:start + size]
        result = {"jobSummaries": [{k: j[k] for k in SUMMARY_FIELDS if k in j} for j in page]}
        if start + size < len(jobs):
            result["nextToken"] = str(start + size)
        self.json(result)

    def GetDICOMImportJob(self, match, datastore, query, body):
        job = next((j for j in datastore["jobs"] if j["jobId"] == match["job"]), None)
        if job is None:
            return self.error(404, "ResourceNotFoundException", f"job {match['job']} not found")
        self.json({"jobProperties": job})

    def GetImageSet(self, match, datastore, query, body):
        image_set = datastore.get("imageSets", {}).get(match["set"])
        if image_set is None:
            return self.error(404, "ResourceNotFoundException", f"image set {match['set']} not found")
        self.json(image_set["properties"])

    def GetImageSetMetadata(self, match, datastore, query, body):
        image_set = datastore.get("imageSets", {}).get(match["set"])
        if image_set is None:
            return self.error(404, "ResourceNotFoundException", f"image set {match['set']} not found")
        blob = gzip.compress(json.dumps(image_set["metadata"]).encode())
        self.reply(200, blob, extra={"Content-Encoding": "gzip"})

    def StartDICOMImportJob(self, match, datastore, query, body):
        try:
            request = json.loads(body or b"{}")
        except ValueError:
            return self.error(400, "ValidationException", "the body is not JSON")
        missing = [k for k in ("dataAccessRoleArn", "clientToken", "inputS3Uri", "outputS3Uri") if not request.get(k)]
        if missing:
            return self.error(400, "ValidationException", f"missing {', '.join(missing)}")
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", request["clientToken"]):
            return self.error(400, "ValidationException", "clientToken must be 1-64 of [A-Za-z0-9._-]")
        with self.state.lock:
            # The same client token is the same job: a retried request never starts a second one.
            existing = next((j for j in datastore["jobs"] if j.get("clientToken") == request["clientToken"]), None)
            job = existing or {
                "jobId": hashlib.sha256(request["clientToken"].encode()).hexdigest()[:32],
                "jobName": request.get("jobName", ""), "jobStatus": "SUBMITTED", "datastoreId": match["ds"],
                "dataAccessRoleArn": request["dataAccessRoleArn"], "submittedAt": time.time(),
                "inputS3Uri": request["inputS3Uri"], "outputS3Uri": request["outputS3Uri"],
                "clientToken": request["clientToken"],
            }
            if existing is None:
                datastore["jobs"].append(job)
        self.json({k: job[k] for k in ("datastoreId", "jobId", "jobStatus", "submittedAt")})

    def control(self, path: str):
        with self.state.lock:
            if path == "/_fake/requests":
                return self.json(self.state.served)
            match = re.match(r"^/_fake/jobs/(?P<ds>[^/]+)$", path)
            if match and self.state.datastore(match["ds"]) is not None:
                return self.json(self.state.datastore(match["ds"])["jobs"])
        self.error(404, "ResourceNotFoundException", path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", required=True)
    parser.add_argument("--throttle-every", type=int, default=0)
    args = parser.parse_args()
    Handler.state = State(json.loads(open(args.state).read()), args.throttle_every)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
