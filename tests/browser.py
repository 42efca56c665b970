"""Headless Chromium for the web tests: a page's DOM after load, its screenshot, its console.

Chromium is required: CI installs Debian's ``chromium`` (``.ci/run``), so a missing
browser fails the test that needs it rather than skipping it. The page is offered no
network: every run goes through a proxy at a closed port (``127.0.0.1:9``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

# Generous: a guard against a hung browser on a busy machine, not a timing check.
HANG = 300
_CONSOLE = re.compile(r":INFO:CONSOLE[^\]]*\] (.*)")


def chromium() -> str:
    """The Chromium executable; the test fails (never skips) without one."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("chromium is not installed (apt-get install chromium; .ci/run does)")
    return found


def run_chromium(page: Path, *flags: str) -> tuple[str, list[str]]:
    """Load ``page`` with ``flags``; return standard output and the console's messages."""
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        "--enable-logging=stderr",
        "--v=1",
        "--hide-scrollbars",
        *flags,
        page.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=HANG, check=False)
    console = [m.group(1) for m in map(_CONSOLE.search, done.stderr.splitlines()) if m]
    return done.stdout, console


def dump_dom(page: Path) -> tuple[str, list[str]]:
    """The page's DOM after load (scripts run), and its console's messages."""
    return run_chromium(page, "--dump-dom")


def screenshot(page: Path, out: Path, width: int, height: int = 2400) -> list[str]:
    """Write a PNG of ``page`` at ``width`` x ``height`` CSS pixels; return the console."""
    _, console = run_chromium(page, f"--screenshot={out}", f"--window-size={width},{height}")
    assert out.is_file(), f"chromium wrote no screenshot of {page}"
    return console


def variety(png: Path) -> tuple[int, float]:
    """How many colours the image has, and the share of its pixels that are not white."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24)
    pixels = image.width * image.height
    white = sum(n for n, c in colours if c == (255, 255, 255))
    return len(colours), 1 - white / pixels
