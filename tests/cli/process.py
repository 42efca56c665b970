"""``python -m symconv`` in a fresh process, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run ``python -m symconv *args`` in ``cwd``; return (status, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "symconv", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout, done.stderr
