"""Starts the local HealthImaging fake (tests/servers/ahi_fake.py) for a test and stops it afterwards."""
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = {"accessKeyId": "AKIDCUTOVERTEST", "secretAccessKey": "cutover/test+secret=", "sessionToken": None}


class AHIFake:
    def __init__(self, workdir: Path, datastores: dict, throttle_every: int = 0, session_token: str | None = None,
                 region: str = "us-east-1", credentials: dict | None = None):
        credentials = dict(credentials or CREDENTIALS, sessionToken=session_token)
        state = {"credentials": credentials, "region": region,
                 "datastores": datastores}
        path = workdir / "ahi-state.json"
        path.write_text(json.dumps(state))
        command = [sys.executable, str(ROOT / "tests" / "servers" / "ahi_fake.py"), "--state", str(path)]
        if throttle_every:
            command += ["--throttle-every", str(throttle_every)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        first = self.process.stdout.readline().split()
        if first[:1] != ["port"]:
            self.process.kill()
            raise AssertionError(f"the AHI fake did not start: {first}")
        self.url = f"http://127.0.0.1:{first[1]}"
        self.environment = {"AWS_ACCESS_KEY_ID": credentials["accessKeyId"],
                            "AWS_SECRET_ACCESS_KEY": credentials["secretAccessKey"],
                            "AWS_REGION": region, "AWS_ENDPOINT_URL_MEDICAL_IMAGING": self.url}
        if session_token:
            self.environment["AWS_SESSION_TOKEN"] = session_token

    def control(self, path: str):
        with urllib.request.urlopen(self.url + path) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
