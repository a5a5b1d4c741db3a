"""`cutover retry --live`: keys copied in S3 (moto), one import job started at HealthImaging (the fake), and a
run that fails or is repeated never starts a second job."""
import sqlite3
import tomllib

from ahi_server import AHIFake
from conftest import Cutover
from s3_server import MotoS3

ROLE = "arn:aws:iam::123456789012:role/cutover-import"
COHORT = "ed-2019"


def retry_keys(db):
    con = sqlite3.connect(db)
    try:
        return [k for (k,) in con.execute(
            """SELECT f.subject FROM findings f JOIN cohorts c ON c.id = f.cohort
               WHERE c.name = ? AND f.kind IN ('missing', 'customer-error', 'server-error') AND f.state = 'open'
               ORDER BY 1""", (COHORT,))]
    finally:
        con.close()


def test_a_live_retry_copies_the_keys_and_starts_exactly_one_job(demo_dir, demo_db, tmp_path):
    cli = Cutover(tmp_path)
    config = demo_dir / "cutover.toml"
    datastore = tomllib.loads(config.read_text())["datastores"][0]
    keys = retry_keys(demo_db)
    assert keys, "the demo cohort has nothing to retry"
    s3 = MotoS3()
    fake = None
    try:
        fake = AHIFake(tmp_path, {datastore["id"]: {"jobs": []}}, region=datastore["region"])
        s3.s3.create_bucket(Bucket="st-elsewhere-ahi-input")
        for key in keys:
            s3.s3.put_object(Bucket="st-elsewhere-ahi-input", Key=key, Body=b"DICM")
        env = dict(s3.environment, **fake.environment)
        common = ["retry", COHORT, "--live", "--role-arn", ROLE, "--reason", "transient failures",
                  "--db", demo_db, "--config", config]

        # HealthImaging unreachable: the copies happen, the job does not start, and nothing is recorded.
        down = cli.run(*common, check=False, env=dict(env, AWS_ENDPOINT_URL_MEDICAL_IMAGING="http://127.0.0.1:9"))
        assert down.returncode == 1 and len(down.stderr.strip().splitlines()) == 1
        assert retry_keys(demo_db) == keys

        started = cli.run(*common, env=env)
        assert "import job" in started.stdout and "started" in started.stdout
        again = cli.run(*common, env=env)
        assert "nothing to retry" in again.stdout

        jobs = [j for j in fake.control(f"/_fake/jobs/{datastore['id']}") if j.get("clientToken")]
        assert len(jobs) == 1
        assert jobs[0]["dataAccessRoleArn"] == ROLE and jobs[0]["inputS3Uri"].startswith("s3://st-elsewhere-ahi-input/retry/")
        prefix = jobs[0]["inputS3Uri"][len("s3://st-elsewhere-ahi-input/"):]
        copied = s3.s3.list_objects_v2(Bucket="st-elsewhere-ahi-input", Prefix=prefix, MaxKeys=1000)
        assert sorted(o["Key"][len(prefix):] for o in copied.get("Contents", [])) == keys
        con = sqlite3.connect(demo_db)
        tracked = con.execute("SELECT status, input_s3_uri FROM jobs WHERE job_id = ?", (jobs[0]["jobId"],)).fetchone()
        audit = con.execute("SELECT detail FROM audit WHERE action = 'retry' AND cohort = ?", (COHORT,)).fetchall()
        con.close()
        assert tracked == ("SUBMITTED", jobs[0]["inputS3Uri"])
        assert len(audit) == 1 and jobs[0]["jobId"] in audit[0][0]
    finally:
        if fake:
            fake.stop()
        s3.stop()
