"""A framework oracle per test session: a child process answering one request at a time."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("oracle_worker.py")


class Oracle:
    """A framework's transposed convolution run in a child process (restarted if it dies)."""

    def __init__(self, framework: str):
        self.framework = framework
        self.process = None

    def _start(self):
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), self.framework],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def __call__(self, call: str, *args, **kwargs) -> dict:
        """The framework's answer: ``{"ok": True, "y": ...}``, an error, or a crash."""
        if self.process is None or self.process.poll() is not None:
            self._start()
        request = json.dumps({"call": call, "args": args, "kwargs": kwargs})
        try:
            self.process.stdin.write(request + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            self.close()
            self.process = None
            return {"ok": False, "crashed": True, "error": "the framework's process died"}
        return json.loads(line)

    def close(self):
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
            self.process.stdout.close()


@pytest.fixture(scope="session")
def oracles():
    made = {name: Oracle(name) for name in ("keras", "tensorflow", "jax")}
    yield made
    for oracle in made.values():
        oracle.close()
