#!/usr/bin/env python3
"""Print SigV4 cases signed by botocore itself, one JSON object per line.

The Swift test `BotocoreVectorTests` runs this script and signs every case with `SigV4Signer`; the two
Authorization headers must match byte for byte. Requests are built the way botocore's own client builds them
(path labels and query encoded with `botocore.utils.percent_encode`), so the vectors are what a boto3 call
would send, not just what the signer accepts.

Time is frozen the way botocore-dependent test suites do it: patch `botocore.auth.get_current_datetime`
(botocore >= 1.40.2); older releases read `datetime.datetime.utcnow()` through `botocore.auth.datetime`.
"""

import base64
import calendar
import datetime
import json
import sys
from unittest import mock

import botocore
import botocore.auth
from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode, percent_encode_sequence

FIXED = datetime.datetime(2015, 8, 30, 12, 36, 0)
LATER = datetime.datetime(2026, 2, 28, 23, 59, 59)
AKID = "AKIDEXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+with=odd/chars=="
DS = "bbc4f3cccbae4095a34170fddc19b13d"
IS = "5b3a711878c34d40e888253319388649"
JOB = "a6a1d220f152e7aab6d8925d995d8b76"


def frozen(at):
    if hasattr(botocore.auth, "get_current_datetime"):
        return mock.patch("botocore.auth.get_current_datetime", return_value=at)

    class Frozen(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return at

    return mock.patch.object(botocore.auth.datetime, "datetime", Frozen)


def capturing(cls):
    class Capturing(cls):
        def string_to_sign(self, request, canonical_request):
            result = super().string_to_sign(request, canonical_request)
            self.captured = (canonical_request, result)
            return result

    return Capturing


def mi_path(*segments):
    # Non-greedy path labels: botocore's rest serializer uses percent_encode(value) (unreserved kept).
    return "/" + "/".join(percent_encode(s) for s in segments)


def s3_path(bucket, key=None):
    # S3 `{Key+}` is a greedy label: percent_encode(key, safe='/~').
    if key is None:
        return "/" + bucket if bucket else "/"
    return "/" + bucket + "/" + percent_encode(key, safe="/~")


def case(name, service, method, host, path, query=(), headers=(), body=b"", scheme="https", port=None,
         region="us-east-1", token=None, at=FIXED, segments=None, bucket=None, key=None):
    netloc = host if port is None else f"{host}:{port}"
    url = f"{scheme}://{netloc}{path}"
    if query:
        url += "?" + percent_encode_sequence(list(query))
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    signer_class = capturing(S3SigV4Auth if service == "s3" else SigV4Auth)
    signer = signer_class(Credentials(AKID, SECRET, token), service, region)
    with frozen(at):
        signer.add_auth(request)
    canonical_request, string_to_sign = signer.captured
    return {
        "name": name,
        "service": service,
        "region": region,
        "method": method,
        "scheme": scheme,
        "host": host,
        "port": port,
        "path": path,
        "segments": segments,
        "bucket": bucket,
        "key": key,
        "query": [list(pair) for pair in query],
        "headers": [list(pair) for pair in headers],
        "bodyBase64": base64.b64encode(body).decode("ascii"),
        "accessKeyID": AKID,
        "secretAccessKey": SECRET,
        "sessionToken": token,
        "epochSeconds": calendar.timegm(at.timetuple()),
        "expected": {
            "authorization": request.headers["Authorization"],
            "amzDate": request.headers["X-Amz-Date"],
            "securityToken": request.headers.get("X-Amz-Security-Token"),
            "contentSHA256": request.headers.get("X-Amz-Content-SHA256"),
            "canonicalRequest": canonical_request,
            "stringToSign": string_to_sign,
        },
    }


def mi(name, method, path_segments, host="medical-imaging.us-east-1.amazonaws.com", **kw):
    return case(name, "medical-imaging", method, host, mi_path(*path_segments), segments=list(path_segments), **kw)


def s3(name, method, bucket, key=None, host="s3.us-east-1.amazonaws.com", **kw):
    return case(name, "s3", method, host, s3_path(bucket, key), bucket=bucket, key=key, **kw)


JSON_BODY = json.dumps({"searchCriteria": {"filters": [{"values": [{"DICOMPatientId": "ÅNGSTRÖM 42"}],
                                                        "operator": "EQUAL"}]}},
                       ensure_ascii=False).encode("utf-8")

CASES = [
    lambda: mi("reference-8.3-list-import-jobs", "GET", ["listDICOMImportJobs", "datastore", DS],
               query=[("maxResults", "50"), ("jobStatus", "IN_PROGRESS")]),
    lambda: mi("reference-8.3-get-import-job", "GET", ["getDICOMImportJob", "datastore", DS, "job", JOB]),
    lambda: mi("reference-8.3-runtime-post-empty-body", "POST", ["datastore", DS, "imageSet", IS, "getImageSet"],
               host="runtime-medical-imaging.us-east-1.amazonaws.com"),
    lambda: mi("query-repeated-keys-and-empty-values", "GET", ["listDICOMImportJobs", "datastore", DS],
               query=[("b", "2"), ("a", "z"), ("a", "a"), ("a", ""), ("a-b", "1"), ("empty", "")]),
    lambda: mi("query-reserved-and-unicode-characters", "GET", ["listDatastores"],
               query=[("next Token", "a b/c+d~e*f=g&h"), ("path", "/x/y/"), ("plus", "+"), ("tilde", "~"),
                      ("star", "*"), ("unicode", "é日本🙂"), ("percent", "100%"), ("Upper", "Case")]),
    lambda: mi("post-json-body-with-content-type", "POST", ["datastore", DS, "searchImageSets"],
               host="runtime-medical-imaging.us-east-1.amazonaws.com",
               query=[("maxResults", "100")],
               headers=[("Content-Type", "application/json"), ("User-Agent", "cutover/1.0 (test)")],
               body=JSON_BODY),
    lambda: mi("session-token", "GET", ["datastore", DS], token=TOKEN),
    lambda: mi("endpoint-override-with-port-and-token", "POST", ["datastore", DS, "imageSet", IS, "getImageSet"],
               scheme="http", host="127.0.0.1", port=5000, token=TOKEN, query=[("version", "3")],
               headers=[("Content-Type", "application/x-amz-json-1.1")], body=b"{}"),
    lambda: mi("https-default-port-is-dropped", "GET", ["datastore", DS], port=443),
    lambda: mi("http-non-default-port-on-named-host", "GET", ["datastore", DS], scheme="http",
               host="localhost", port=8443),
    lambda: mi("uppercase-host-is-lowercased", "GET", ["datastore", DS],
               host="Medical-Imaging.US-EAST-1.amazonaws.com"),
    lambda: mi("path-segment-double-encoded", "GET", ["tags", "arn:aws:medical-imaging:us-east-1:1234:datastore/" + DS]),
    lambda: case("path-dot-segments-and-double-slashes-normalised", "medical-imaging", "GET",
                 "medical-imaging.us-east-1.amazonaws.com", "/datastore/./x/../y//z/"),
    lambda: mi("path-segment-odd-characters", "GET", ["datastore", "a b+c%d~e*é", "x"]),
    lambda: mi("header-values-trimmed-and-x-amz-signed", "POST", ["datastore", DS, "searchImageSets"],
               host="runtime-medical-imaging.us-east-1.amazonaws.com",
               headers=[("Content-Type", "  application/json;   charset=utf-8  "),
                        ("X-Amz-Custom", "a\t b   c"), ("x-amzn-trace-id", "Root=1-abc")],
               body=b'{"maxResults": 1}'),
    lambda: mi("dicomweb-qido-eu-west-2", "GET", ["datastore", DS, "studies"],
               host="dicom-medical-imaging.eu-west-2.amazonaws.com", region="eu-west-2",
               query=[("StudyInstanceUID", "1.2.840.113619.2.55.3"), ("includefield", "00080020,00100010"),
                      ("PatientName", "DOE^JOHN*")], at=LATER),
    lambda: s3("s3-list-objects-v2-with-port", "GET", "cutover-results", scheme="http", host="127.0.0.1",
               port=5000, query=[("list-type", "2"), ("prefix", "jobs/a b+c/"), ("delimiter", "/"),
                                 ("continuation-token", "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="),
                                 ("encoding-type", "url")]),
    lambda: s3("s3-key-odd-characters", "GET", "cutover-results",
               key="job out/SUCCESS/success+1 é%20~*(x).ndjson"),
    lambda: s3("s3-key-not-normalised", "GET", "bucket", key="a//b/./c/../d/"),
    lambda: s3("s3-session-token-eu-west-1", "GET", "bucket", key="manifest.json",
               host="s3.eu-west-1.amazonaws.com", region="eu-west-1", token=TOKEN, at=LATER),
    lambda: s3("s3-put-with-body-and-metadata", "PUT", "bucket", key="events/2026/02/28/ünï code.json.gz",
               scheme="http", host="127.0.0.1", port=9000,
               headers=[("Content-Type", "application/gzip"), ("x-amz-meta-origin", " cutover  test ")],
               body=bytes(range(256))),
    lambda: s3("s3-list-buckets-root", "GET", "", host="s3.us-west-2.amazonaws.com", region="us-west-2"),
    lambda: s3("s3-subresource-empty-value", "GET", "bucket", query=[("location", "")], scheme="http",
               host="127.0.0.1", port=5000),
]


def main():
    for make in CASES:
        sys.stdout.write(json.dumps(make(), ensure_ascii=True, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
