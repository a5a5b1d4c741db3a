"""A private Orthanc with the DICOMweb plugin for tests: its own ports, storage and index in a temp folder.

The Debian `orthanc` service is never used: each test session starts `Orthanc CONFIG.json` itself.
"""
import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

USER, PASSWORD = "cutover", "orthanc-test-secret"
PLUGIN_CANDIDATES = ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"]


def dicomweb_plugin() -> str | None:
    """The plugin's path as `dpkg -L orthanc-dicomweb` lists it."""
    try:
        out = subprocess.run(["dpkg", "-L", "orthanc-dicomweb"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.endswith(".so") and "DicomWeb" in line:
                return line
    except (OSError, subprocess.CalledProcessError):
        pass
    return next((p for p in PLUGIN_CANDIDATES if Path(p).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config(tmp: Path, http_port: int, dicom_port: int, plugin: str) -> dict:
    return {
        "Name": "cutover-test",
        "HttpPort": http_port,
        "DicomServerEnabled": False,
        "DicomPort": dicom_port,
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": True,
        "RegisteredUsers": {USER: PASSWORD},
        "StorageDirectory": str(tmp / "storage"),
        "IndexDirectory": str(tmp / "index"),
        "Plugins": [plugin],
        "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
    }


class Orthanc:
    def __init__(self, tmp: Path):
        plugin = dicomweb_plugin()
        if not shutil.which("Orthanc") or not plugin:
            raise RuntimeError("Orthanc or orthanc-dicomweb is not installed (make deps installs them)")
        self.port = free_port()
        self.config = config(tmp, self.port, free_port(), plugin)
        self.config_path = tmp / "orthanc.json"
        self.config_path.write_text(json.dumps(self.config, indent=2))
        self.log = open(tmp / "orthanc.log", "w")
        self.proc = subprocess.Popen(["Orthanc", str(self.config_path)], stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"
        self.dicomweb = self.base + "/dicom-web"
        self._wait()

    def _wait(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Orthanc exited {self.proc.returncode}; see {self.log.name}")
            try:
                self.get("/system")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError("Orthanc did not answer GET /system within 30 s")

    def _request(self, path, data=None, method=None):
        req = urllib.request.Request(self.base + path, data=data, method=method)
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        req.add_header("Authorization", "Basic " + token)
        if data is not None:
            req.add_header("Content-Type", "application/dicom")
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or b"null")

    def get(self, path):
        return self._request(path)

    def upload(self, path: Path) -> bool:
        """POST /instances; False when Orthanc rejects the file."""
        try:
            self._request("/instances", data=path.read_bytes(), method="POST")
            return True
        except urllib.error.HTTPError:
            return False

    def statistics(self) -> dict:
        return self.get("/statistics")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
