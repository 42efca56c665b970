"""Running notebooks for the tests: a fresh kernel of this interpreter, and the outputs.

The kernelspec is written to a temporary folder, so a run does not depend on which kernels
the machine has installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def execute(notebook, folder: Path, timeout: int = 600):
    """Run ``notebook`` (an nbformat node) in a fresh kernel of this interpreter, in ``folder``."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (symconv tests)",
                "language": "python",
            }
        )
    )
    specs = KernelSpecManager(kernel_dirs=[str(folder / "kernels")])
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=timeout,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute(cleanup_kc=True)  # the client does not own the manager: shut it down
    return notebook


def outputs(notebook):
    """Every output of every cell, in order."""
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]
