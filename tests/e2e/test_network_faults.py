"""Network faults between cutover and its cloud sources: connection refused, timeouts, truncated bodies, 5xx
bursts and throttling, injected by `tests/servers/fault_proxy.py` in front of the HealthImaging fake, moto's
S3 and Orthanc's QIDO-RS.

Every case checks the exit status, that stderr is one sentence naming the endpoint and what happened (no
libcurl codes, no credentials, no backtrace), and that nothing is lost: the database after the fault is the
state before it or a consistent later one, and once the fault is gone one more poll reaches exactly the
database of a fault-free run."""
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from ahi_server import AHIFake
from conftest import Cutover, dump
from s3_server import MotoS3, free_port
from test_ahi_polling import DATASTORE, jobs, write_config
from test_s3_source import BUCKET, PREFIX, comparable, demo_files, s3_config  # noqa: F401 (a fixture)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from fault_proxy import FaultProxy  # noqa: E402

# Fewer jobs than the 50 details a poll asks for: one clean poll reads everything, so "one more poll after the
# fault" and "a fault-free run" must give the same database.
JOBS = jobs(40)
SECRETS = ("AKIDCUTOVERTEST", "cutover/test+secret=", "testing")


def ahi_config(folder: Path) -> Path:
    """The polling tests' config with a 1 s timeout, so a hang costs seconds, not minutes."""
    return write_config(folder, extra="timeout_seconds = 1\n")


def assert_one_sentence(result, *expected):
    """Exit 1 and a single `cutover: ...` line holding every `expected` piece and nothing it must not."""
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("cutover: "), line
    for piece in expected:
        assert piece in line, line
    for jargon in ("curl", "CURLE", "Traceback", "Fatal error", "Error Domain", "errno"):
        assert jargon not in line, line
    for secret in SECRETS[:2]:
        assert secret not in result.stdout + result.stderr


def poll_again(cli, config, env, proxy=None):
    """The fault is gone: after the configured interval between polls, one more poll."""
    if proxy is not None:
        proxy.clear()
    time.sleep(1.1)
    cli.run("poll", "--once", "--config", config, env=env)


def empty_tables(db: Path) -> bool:
    return not db.exists() or all(rows == [] for rows in dump(db).values())


# MARK: - HealthImaging job polling


@pytest.fixture(scope="module")
def ahi(tmp_path_factory):
    """One fake for the module, and the database one fault-free poll gives."""
    folder = tmp_path_factory.mktemp("ahi")
    server = AHIFake(folder, {DATASTORE: {"jobs": JOBS}})
    clean = folder / "clean"
    clean.mkdir()
    Cutover(clean).run("poll", "--once", "--config", ahi_config(clean), env=server.environment)
    yield server, dump(clean / "cutover.sqlite")
    server.stop()


def through(server: AHIFake, proxy_url: str) -> dict:
    return dict(server.environment, AWS_ENDPOINT_URL_MEDICAL_IMAGING=proxy_url)


AHI_CASES = [
    # name, fault, request to break, how many times (None: every time), what the one sentence says
    ("timeouts within the retries", "hang", "listDICOMImportJobs", 2, None),
    ("timeouts beyond the retries", "hang", "listDICOMImportJobs", None, "The request to 127.0.0.1 timed out after 1 s"),
    ("truncated bodies within the retries", "truncate", "getDICOMImportJob", 3, None),
    ("truncated bodies beyond the retries", "truncate", "getDICOMImportJob", None,
     "The connection to 127.0.0.1 broke before the response was complete"),
    ("dropped connections beyond the retries", "reset", "", None,
     "The connection to 127.0.0.1 broke before the response was complete"),
    ("a 503 burst within the retries", "503", "listDICOMImportJobs", 4, None),
    ("a 500 burst beyond the retries", "500", "listDICOMImportJobs", None,
     "ListDICOMImportJobs was refused by 127.0.0.1:{port}: InternalServerException (HTTP 500)"),
    ("throttling within the retries", "429", "", 4, None),
    ("throttling beyond the retries", "429", "getDICOMImportJob", None,
     "GetDICOMImportJob was refused by 127.0.0.1:{port}: ThrottlingException (HTTP 429)"),
]


@pytest.mark.parametrize("name, fault, match, times, sentence", AHI_CASES, ids=[c[0] for c in AHI_CASES])
def test_ahi_polling_survives(ahi, tmp_path, name, fault, match, times, sentence):
    server, clean = ahi
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    proxy.add(fault, match, times)
    cli, config, db = Cutover(tmp_path), ahi_config(tmp_path), tmp_path / "cutover.sqlite"
    try:
        result = cli.run("poll", "--once", "--config", config, env=through(server, proxy.url), check=False)
        assert proxy.faults(fault) >= 1
        if sentence is None:
            assert result.returncode == 0, result.stderr
            assert "retries after throttling or errors" in result.stdout
            assert dump(db) == clean
        else:
            assert_one_sentence(result, sentence.format(port=proxy.port))
            assert empty_tables(db), "a failed poll wrote part of what it read"
        poll_again(cli, config, through(server, proxy.url), proxy)
    finally:
        proxy.stop()
    assert dump(db) == clean


def test_ahi_connection_refused(ahi, tmp_path):
    server, clean = ahi
    port = free_port()  # nothing listens there
    cli, config, db = Cutover(tmp_path), ahi_config(tmp_path), tmp_path / "cutover.sqlite"
    result = cli.run("poll", "--once", "--config", config, env=through(server, f"http://127.0.0.1:{port}"),
                     check=False)
    assert_one_sentence(result, f"Couldn't connect to 127.0.0.1:{port}: nothing accepted the connection")
    assert empty_tables(db)
    poll_again(cli, config, server.environment)
    assert dump(db) == clean


@pytest.fixture(scope="module")
def metadata_demo(tmp_path_factory):
    """A generated demo polled once (its folders bring the image sets; the API polled before them knew none),
    a fake that knows the metadata of three of them, and the database a second, fault-free poll gives."""
    base = tmp_path_factory.mktemp("metadata")
    Cutover(base).run("demo", "--dir", "d", "--generate-only")
    folder = base / "d"
    config = folder / "cutover.toml"
    text = config.read_text() + "\n[sources.ahi]\nenabled = true\ninterval_seconds = 1\ntimeout_seconds = 1\n"
    config.write_text(text)
    import tomllib
    datastore = tomllib.loads(text)["datastores"][0]
    offline = AHIFake(base, {datastore["id"]: {"jobs": []}}, region=datastore["region"])
    try:
        Cutover(base).run("poll", "--once", "--config", config, env=offline.environment)
    finally:
        offline.stop()
    con = sqlite3.connect(folder / "cutover.sqlite")
    image_sets = [r[0] for r in con.execute("SELECT image_set_id FROM image_sets ORDER BY id LIMIT 3")]
    con.close()
    metadata = {"SchemaVersion": "1.1", "Study": {"DICOM": {}, "Series": {"1.2.3": {"DICOM": {}, "Instances": {
        f"1.2.3.{i}": {"StoredTransferSyntaxUID": "1.2.840.10008.1.2.4.202"} for i in range(200)}}}}}
    server = AHIFake(base, {datastore["id"]: {"jobs": [], "imageSets": {s: {
        "properties": {"imageSetId": s}, "metadata": metadata} for s in image_sets}}}, region=datastore["region"])
    clean = base / "clean"
    shutil.copytree(folder, clean)
    time.sleep(1.1)
    Cutover(base).run("poll", "--once", "--config", clean / "cutover.toml", env=server.environment)
    yield folder, server, comparable_metadata(clean / "cutover.sqlite")
    server.stop()


def comparable_metadata(db):
    tables = dump(db)
    con = sqlite3.connect(db)
    # Without the last column, the wall-clock time of the read.
    tables["metadata"] = [row[:-1] for row in con.execute("SELECT * FROM image_set_metadata ORDER BY 1")]
    con.close()
    del tables["ingest_files"]  # paths of the copy
    return tables


def test_a_truncated_gzip_metadata_body_is_retried_then_said_once(metadata_demo, tmp_path):
    folder, server, clean = metadata_demo
    work = tmp_path / "d"
    shutil.copytree(folder, work)
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]))
    proxy.add("truncate-gzip", "getImageSetMetadata", None)
    env = through(server, proxy.url)
    cli = Cutover(tmp_path)
    try:
        time.sleep(1.1)
        result = cli.run("poll", "--once", "--config", work / "cutover.toml", env=env, check=False)
        assert proxy.faults("truncate-gzip") >= 1
        assert_one_sentence(result, "127.0.0.1")
        poll_again(cli, work / "cutover.toml", env, proxy)
    finally:
        proxy.stop()
    assert comparable_metadata(work / "cutover.sqlite") == clean


# MARK: - S3 mirror


@pytest.fixture(scope="module")
def s3(demo_files, tmp_path_factory):
    """moto with the demo's files, and what one fault-free poll gives."""
    server = MotoS3()
    server.s3.create_bucket(Bucket=BUCKET)
    # One job folder keeps each poll short; the faults do not need the whole demo.
    server.upload_tree(BUCKET, PREFIX + "jobs/cardiology/", demo_files / "jobs" / "cardiology")
    clean = tmp_path_factory.mktemp("s3clean")
    Cutover(clean).run("poll", "--once", "--config", s3_timeout_config(clean), env=server.environment)
    yield server, comparable(clean / "cutover.sqlite")
    server.stop()


def s3_timeout_config(folder):
    return s3_config(folder, [f"s3://{BUCKET}/{PREFIX}"], extra="timeout_seconds = 1\n")


def biggest_key(server) -> str:
    listing = server.s3.list_objects_v2(Bucket=BUCKET, Prefix=PREFIX)["Contents"]
    return max(listing, key=lambda o: o["Size"])["Key"]


def cached(folder: Path, key: str) -> Path:
    return folder / ".cutover-cache" / "s3" / BUCKET / key


S3_CASES = [
    ("a 503 burst on the listing within the retries", "503", "list-type=2", 4, None),
    ("a 500 burst on GetObject beyond the retries", "500", "GET /" + BUCKET + "/" + PREFIX + "jobs", None,
     "GetObject was refused by 127.0.0.1:{port}: InternalError (HTTP 500)"),
    ("throttling on the listing beyond the retries", "503", "list-type=2", None,
     "ListObjectsV2 was refused by 127.0.0.1:{port}: SlowDown (HTTP 503)"),
    ("timeouts on the listing beyond the retries", "hang", "list-type=2", None,
     "The request to 127.0.0.1 timed out after 1 s"),
]


@pytest.mark.parametrize("name, fault, match, times, sentence", S3_CASES, ids=[c[0] for c in S3_CASES])
def test_s3_mirroring_survives(s3, tmp_path, name, fault, match, times, sentence):
    server, clean = s3
    proxy = FaultProxy(server.port, errors="xml")
    proxy.add(fault, match, times)
    cli, config, db = Cutover(tmp_path), s3_timeout_config(tmp_path), tmp_path / "cutover.sqlite"
    env = dict(server.environment, AWS_ENDPOINT_URL_S3=proxy.url)
    try:
        result = cli.run("poll", "--once", "--config", config, env=env, check=False)
        assert proxy.faults(fault) >= 1
        if sentence is None:
            assert result.returncode == 0, result.stderr
            assert comparable(db) == clean
        else:
            assert_one_sentence(result, sentence.format(port=proxy.port))
            assert empty_tables(db)
        poll_again(cli, config, env, proxy)
    finally:
        proxy.stop()
    assert comparable(db) == clean


def test_s3_connection_refused(s3, tmp_path):
    server, clean = s3
    port = free_port()
    cli, config, db = Cutover(tmp_path), s3_timeout_config(tmp_path), tmp_path / "cutover.sqlite"
    result = cli.run("poll", "--once", "--config", config,
                     env=dict(server.environment, AWS_ENDPOINT_URL_S3=f"http://127.0.0.1:{port}"), check=False)
    assert_one_sentence(result, f"Couldn't connect to 127.0.0.1:{port}")
    assert empty_tables(db)
    poll_again(cli, config, server.environment)
    assert comparable(db) == clean


def test_a_download_cut_mid_object_resumes_the_same_version(s3, tmp_path):
    server, clean = s3
    key = biggest_key(server)
    proxy = FaultProxy(server.port, errors="xml")
    proxy.add("truncate", f"GET /{BUCKET}/{key} ", 2)
    cli, config = Cutover(tmp_path), s3_timeout_config(tmp_path)
    try:
        cli.run("poll", "--once", "--config", config, env=dict(server.environment, AWS_ENDPOINT_URL_S3=proxy.url))
        assert proxy.faults("truncate") == 2
        ranged = [line for line, fault in proxy.served if f"/{key} " in line]
        assert len(ranged) == 3
    finally:
        proxy.stop()
    body = server.s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert cached(tmp_path, key).read_bytes() == body
    assert comparable(tmp_path / "cutover.sqlite") == clean


def test_a_download_cut_every_time_leaves_no_half_file(s3, tmp_path):
    server, clean = s3
    key = biggest_key(server)
    proxy = FaultProxy(server.port, errors="xml")
    proxy.add("truncate", f"GET /{BUCKET}/{key} ", None)
    cli, config, db = Cutover(tmp_path), s3_timeout_config(tmp_path), tmp_path / "cutover.sqlite"
    env = dict(server.environment, AWS_ENDPOINT_URL_S3=proxy.url)
    try:
        result = cli.run("poll", "--once", "--config", config, env=env, check=False)
        assert_one_sentence(result, "The connection to 127.0.0.1 broke before the response was complete")
        assert not cached(tmp_path, key).exists(), "half an object is where the ingestor looks"
        assert not any((tmp_path / ".cutover-cache" / "s3" / ".partial").iterdir())
        assert empty_tables(db)
        poll_again(cli, config, env, proxy)
    finally:
        proxy.stop()
    assert comparable(db) == clean


# MARK: - QIDO-RS census


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    pydicom = pytest.importorskip("pydicom", reason="make test installs pydicom")
    from orthanc_server import Orthanc
    try:
        server = Orthanc(tmp_path_factory.mktemp("orthanc"))
    except RuntimeError as error:
        pytest.fail(f"{error}; run `make deps` to install orthanc and orthanc-dicomweb")
    files = sorted(p for p in (Path(pydicom.data.__file__).parent / "test_files").glob("*.dcm"))
    assert sum(server.upload(p) for p in files[:12]) >= 5
    yield server
    server.stop()


def census(cli, url, *extra):
    from orthanc_server import PASSWORD, USER
    return cli.run("inventory", "qido", "--db", "q.sqlite", "--user", USER, "--password-env", "PACS_PASSWORD",
                   "--timeout", "2", *extra, url, env={"PACS_PASSWORD": PASSWORD}, check=False)


def pacs_rows(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT source, study_uid, series, instances FROM pacs_studies ORDER BY 1, 2").fetchall()
    finally:
        con.close()


def test_qido_retries_a_5xx_burst_and_says_a_longer_one_once(orthanc, tmp_path):
    from orthanc_server import PASSWORD
    port = int(orthanc.base.rsplit(":", 1)[1])
    proxy = FaultProxy(port, errors="plain")
    url = proxy.url + "/dicom-web"
    cli = Cutover(tmp_path)
    try:
        first = census(cli, url)
        assert first.returncode == 0, first.stderr
        clean = pacs_rows(tmp_path / "q.sqlite")
        assert clean
        proxy.add("503", "/series", 3)
        retried = census(cli, url)
        assert retried.returncode == 0, retried.stderr
        assert retried.stdout.splitlines()[0] == first.stdout.splitlines()[0]
        assert pacs_rows(tmp_path / "q.sqlite") == clean
        proxy.add("500", "/instances", None)
        failed = census(cli, url)
        assert_one_sentence(failed, f"127.0.0.1:{proxy.port} answered HTTP 500 for /studies/")
        assert PASSWORD not in failed.stdout + failed.stderr
        assert pacs_rows(tmp_path / "q.sqlite") == clean, "a failed census replaced the counts"
        proxy.clear()
        assert census(cli, url).returncode == 0
    finally:
        proxy.stop()
    assert pacs_rows(tmp_path / "q.sqlite") == clean


def test_qido_connection_refused(tmp_path):
    port = free_port()
    result = census(Cutover(tmp_path), f"http://127.0.0.1:{port}/dicom-web")
    assert_one_sentence(result, f"Couldn't connect to 127.0.0.1:{port}")
