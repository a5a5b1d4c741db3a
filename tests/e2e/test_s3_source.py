"""`[sources.s3]`: S3 prefixes mirrored into the cache beside the database and ingested like local folders,
against moto's S3 server."""
import shutil
import sqlite3

import pytest

from conftest import Cutover, dump
from s3_server import MotoS3

BUCKET = "hospital-ahi-output"
PREFIX = "migration/"
FOLDERS = ["jobs", "events", "api"]


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    """The demo's jobs, events and API responses, in one folder `src/`."""
    base = tmp_path_factory.mktemp("s3demo")
    Cutover(base).run("demo", "--dir", "demo", "--generate-only")
    src = base / "src"
    for name in FOLDERS:
        if (base / "demo" / name).exists():
            shutil.copytree(base / "demo" / name, src / name)
    assert any(src.iterdir())
    return src


@pytest.fixture
def moto():
    server = MotoS3()
    server.s3.create_bucket(Bucket=BUCKET)
    yield server
    server.stop()


def s3_config(folder, uris, extra=""):
    config = folder / "cutover.toml"
    quoted = ", ".join(f'"{u}"' for u in uris)
    config.write_text(f"[migration]\nname = \"s3\"\n\n[sources.s3]\nuris = [{quoted}]\ninterval_seconds = 1\n{extra}")
    return config


def local_config(folder, path):
    config = folder / "cutover.toml"
    config.write_text(f"[migration]\nname = \"s3\"\n\n[sources.local]\npaths = [\"{path}\"]\n")
    return config


def comparable(db):
    """The data tables, without `ingest_files` (it holds the cache's paths rather than the folder's)."""
    tables = dump(db)
    del tables["ingest_files"]
    return tables


def test_s3_ingest_equals_folder_ingest(demo_files, moto, tmp_path):
    moto.upload_tree(BUCKET, PREFIX, demo_files)
    (tmp_path / "s3").mkdir()
    (tmp_path / "local").mkdir()
    out = Cutover(tmp_path / "s3").run(
        "poll", "--once", "--config", s3_config(tmp_path / "s3", [f"s3://{BUCKET}/{PREFIX}"]),
        env=moto.environment).stdout
    objects = sum(1 for p in demo_files.rglob("*") if p.is_file())
    assert f"S3: {objects:,} objects listed, {objects:,} new or changed downloaded" in out
    Cutover(tmp_path / "local").run("poll", "--once", "--config", local_config(tmp_path / "local", demo_files))
    from_s3, from_folder = comparable(tmp_path / "s3" / "cutover.sqlite"), comparable(tmp_path / "local" / "cutover.sqlite")
    assert from_s3["input_keys"] and from_s3["events"] and from_s3["jobs"]
    assert from_s3 == from_folder
    cache = tmp_path / "s3" / ".cutover-cache" / "s3" / BUCKET / "migration"
    assert sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file()) == \
        sorted(p.relative_to(demo_files) for p in demo_files.rglob("*") if p.is_file())
    assert not any((tmp_path / "s3" / ".cutover-cache" / "s3" / ".partial").iterdir())


def test_second_poll_downloads_nothing_and_a_new_object_is_ingested(demo_files, moto, tmp_path):
    moto.upload_tree(BUCKET, PREFIX, demo_files)
    cli = Cutover(tmp_path)
    config = s3_config(tmp_path, [f"s3://{BUCKET}/{PREFIX}"], extra="")
    cli.run("poll", "--once", "--config", config, env=moto.environment)
    con = sqlite3.connect(tmp_path / "cutover.sqlite")
    events_before = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()

    import time
    time.sleep(1.1)  # interval_seconds = 1
    out = cli.run("poll", "--once", "--config", config, env=moto.environment).stdout
    assert " 0 new or changed downloaded" in out
    assert "from 0 changed files" in out

    event = ('{"version":"0","id":"s3-new-event-0001","detail-type":"Import Job Completed",'
             '"source":"aws.medical-imaging","account":"123456789012","time":"2026-03-01T10:00:00Z",'
             '"region":"us-east-1","resources":[],"detail":{"imagingVersion":"1.0",'
             '"datastoreId":"bbc4f3cccbae4095a34170fddc19b13d","jobId":"0123456789abcdef0123456789abcdef",'
             '"jobName":"late","jobStatus":"COMPLETED"}}')
    moto.s3.put_object(Bucket=BUCKET, Key=PREFIX + "events/2026/03/01/10/late-events-1", Body=event.encode())
    time.sleep(1.1)
    out = cli.run("poll", "--once", "--config", config, env=moto.environment).stdout
    assert " 1 new or changed downloaded" in out
    con = sqlite3.connect(tmp_path / "cutover.sqlite")
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == events_before + 1
    con.close()


def test_keys_with_spaces_and_unicode_are_mirrored(moto, tmp_path):
    keys = ["odd/a b & <c>.json", "odd/Müller/ひらがな.json", "odd/folder/", "odd/x/../escape.json"]
    for key in keys:
        moto.s3.put_object(Bucket=BUCKET, Key=key, Body=b"[]")
    cli = Cutover(tmp_path)
    proc = cli.run("poll", "--once", "--config", s3_config(tmp_path, [f"s3://{BUCKET}/odd/"]), env=moto.environment)
    cache = tmp_path / ".cutover-cache" / "s3" / BUCKET / "odd"
    assert (cache / "a b & <c>.json").read_bytes() == b"[]"
    assert (cache / "Müller" / "ひらがな.json").read_bytes() == b"[]"
    assert not (tmp_path / ".cutover-cache" / "s3" / BUCKET / "escape.json").exists()
    assert "odd/x/../escape.json: the key cannot be a file path" in proc.stderr


def test_wrong_credentials_give_one_sentence_with_the_s3_code(tmp_path):
    server = MotoS3(authenticate=True)
    try:
        env = dict(server.environment, AWS_ACCESS_KEY_ID="AKIAWRONGWRONGWRONG1",
                   AWS_SECRET_ACCESS_KEY="very-secret-value-do-not-print")
        proc = Cutover(tmp_path).run("poll", "--once", "--config", s3_config(tmp_path, [f"s3://{BUCKET}/x/"]),
                                     env=env, check=False)
    finally:
        server.stop()
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"ListObjectsV2 was refused by 127.0.0.1:{server.port}: InvalidAccessKeyId (HTTP 403)" in lines[0]
    assert "very-secret-value" not in proc.stderr + proc.stdout


def test_config_rejects_a_uri_that_is_not_s3(tmp_path):
    config = s3_config(tmp_path, ["https://bucket/prefix"])
    proc = Cutover(tmp_path).run("poll", "--once", "--config", config, check=False)
    assert proc.returncode != 0
    assert "sources.s3.uris: https://bucket/prefix is not an s3://bucket/prefix location" in proc.stderr
