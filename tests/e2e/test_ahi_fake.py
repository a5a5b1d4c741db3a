"""The HealthImaging fake itself, driven by botocore: it must accept exactly what botocore signs."""
import gzip
import json

import boto3
import botocore
import pytest
from botocore.config import Config

from ahi_server import CREDENTIALS, AHIFake

DATASTORE = "bbc4f3cccbae4095a34170fddc19b13d"
IMAGE_SET = "5b3a711878c34d40e888253319388649"


def jobs(n):
    return [{"jobId": f"job{i:02}", "jobName": f"j{i}", "jobStatus": "COMPLETED" if i % 2 else "IN_PROGRESS",
             "datastoreId": DATASTORE, "dataAccessRoleArn": "arn:aws:iam::123456789012:role/r",
             "submittedAt": 1700000000.0 + i, "inputS3Uri": f"s3://b/input/{i}/", "outputS3Uri": "s3://b/output/"}
            for i in range(n)]


@pytest.fixture
def fake(tmp_path):
    server = AHIFake(tmp_path, {DATASTORE: {"jobs": jobs(7), "imageSets": {IMAGE_SET: {
        "properties": {"datastoreId": DATASTORE, "imageSetId": IMAGE_SET, "versionId": "1", "isPrimary": True},
        "metadata": {"SchemaVersion": "1.1", "Study": {"Series": {}}}}}}}, throttle_every=0)
    yield server
    server.stop()


def client(fake, secret=CREDENTIALS["secretAccessKey"]):
    return boto3.client("medical-imaging", endpoint_url=fake.url, region_name="us-east-1",
                        aws_access_key_id=CREDENTIALS["accessKeyId"], aws_secret_access_key=secret,
                        config=Config(inject_host_prefix=False, retries={"total_max_attempts": 1}))


def test_botocore_requests_are_served_with_the_model_shapes(fake):
    c = client(fake)
    first = c.list_dicom_import_jobs(datastoreId=DATASTORE, maxResults=5)
    second = c.list_dicom_import_jobs(datastoreId=DATASTORE, maxResults=5, nextToken=first["nextToken"])
    assert len(first["jobSummaries"]) == 5 and len(second["jobSummaries"]) == 2 and "nextToken" not in second
    assert c.get_dicom_import_job(datastoreId=DATASTORE, jobId="job03")["jobProperties"]["jobStatus"] == "COMPLETED"
    metadata = c.get_image_set_metadata(datastoreId=DATASTORE, imageSetId=IMAGE_SET)
    assert metadata["contentEncoding"] == "gzip"
    assert json.loads(gzip.decompress(metadata["imageSetMetadataBlob"].read()))["SchemaVersion"] == "1.1"


def test_a_wrong_signature_is_refused(fake):
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        client(fake, secret="not-the-secret").list_dicom_import_jobs(datastoreId=DATASTORE)
    assert refused.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_the_same_client_token_starts_one_job(fake):
    c = client(fake)
    ids = {c.start_dicom_import_job(datastoreId=DATASTORE, dataAccessRoleArn="arn:aws:iam::1:role/r",
                                    clientToken="cutover-retry-1", inputS3Uri="s3://b/retry/1/",
                                    outputS3Uri="s3://b/output/")["jobId"] for _ in range(3)}
    assert len(ids) == 1
    assert sum(1 for job in fake.control(f"/_fake/jobs/{DATASTORE}") if job.get("clientToken")) == 1


def test_throttling_answers_429_with_the_error_type(tmp_path):
    server = AHIFake(tmp_path, {DATASTORE: {"jobs": jobs(1)}}, throttle_every=2)
    try:
        c = client(server)
        c.list_dicom_import_jobs(datastoreId=DATASTORE)
        with pytest.raises(botocore.exceptions.ClientError) as throttled:
            c.list_dicom_import_jobs(datastoreId=DATASTORE)
        assert throttled.value.response["Error"]["Code"] == "ThrottlingException"
        assert throttled.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    finally:
        server.stop()
