"""A small WebDriver client (standard library only) to drive headless Chromium in tests.

Speaks the W3C WebDriver protocol over HTTP to ``chromedriver`` (Debian packages
``chromium`` and ``chromium-driver``). :func:`browser_missing` says why a test
must be skipped on a machine without them.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
ENTER = "\ue007"


def _binary(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_missing() -> str:
    """Why Chromium cannot be driven here ("" when it can)."""
    if _binary("chromium", "chromium-browser") is None:
        return "chromium is not installed (apt-get install chromium chromium-driver; .ci/run does it)"
    if _binary("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver; .ci/run does it)"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """One headless Chromium window driven through chromedriver.

    Parameters
    ----------
    downloads
        Folder that receives downloads.
    width, height
        Window size in CSS pixels (390 × 844 is a phone).
    """

    def __init__(self, downloads: Path, *, width: int = 1280, height: int = 900, mobile: bool = False) -> None:
        self.port = _free_port()
        driver = _binary("chromedriver")
        assert driver is not None, browser_missing()
        self.profile = tempfile.mkdtemp(prefix="seatplan-chromium-")
        self.driver = subprocess.Popen([driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.driver.kill()
                raise RuntimeError("chromedriver did not start")
            time.sleep(0.1)
        args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={self.profile}",
            f"--window-size={width},{height}",
        ]
        options: dict[str, Any] = {
            "binary": _binary("chromium", "chromium-browser"),
            "args": args,
            "prefs": {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        }
        if mobile:
            options["mobileEmulation"] = {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True}}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]
        self.cdp("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})

    def _call(self, method: str, path: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read().decode())["value"]
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"WebDriver {method} {path}: {exc.read().decode(errors='replace')[:500]}") from None

    def _s(self, path: str) -> str:
        return f"/session/{self.session}{path}"

    def cdp(self, command: str, params: dict[str, Any]) -> Any:
        """Run a DevTools protocol command."""
        return self._call("POST", self._s("/goog/cdp/execute"), {"cmd": command, "params": params})

    def get(self, url: str) -> None:
        self._call("POST", self._s("/url"), {"url": url})

    def run(self, script: str, *args: Any) -> Any:
        """Run JavaScript (a function body; ``arguments`` holds ``args``) and return its value."""
        return self._call("POST", self._s("/execute/sync"), {"script": script, "args": list(args)})

    def find(self, css: str) -> str:
        return str(self._call("POST", self._s("/element"), {"using": "css selector", "value": css})[ELEMENT])

    def click(self, css: str) -> None:
        """A real click (pointer events) at the element's centre."""
        self._call("POST", self._s(f"/element/{self.find(css)}/click"), {})

    def type(self, css: str, text: str) -> None:
        element = self.find(css)
        self._call("POST", self._s(f"/element/{element}/clear"), {})
        self._call("POST", self._s(f"/element/{element}/value"), {"text": text})

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self._call("GET", self._s("/screenshot"))))

    def close(self) -> None:
        try:
            self._call("DELETE", self._s(""))
        finally:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.driver.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def wait_for_file(path: Path, timeout: float = 30.0) -> Path:
    """Wait until a download is complete (the file exists and no ``.crdownload`` is left)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        partial = list(path.parent.glob("*.crdownload"))
        if path.is_file() and not partial and path.stat().st_size > 0:
            return path
        time.sleep(0.1)
    raise AssertionError(f"no download at {path} after {timeout} s")
