"""Writing output files safely: atomically, never over an existing file unless asked.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_file(folder / "y.txt", b"y = C^T x\\n")
>>> (folder / "y.txt").read_text()
'y = C^T x\\n'
>>> write_file(folder / "y.txt", b"again")
Traceback (most recent call last):
...
symconv.errors.SymconvError: -o: file exists; pass --force to overwrite (got '...y.txt')
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from symconv.errors import SymconvError


def write_file(path: Path, data: bytes, *, force: bool = False, parameter: str = "-o") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The file appears whole or not at all (also on Ctrl-C). Without ``force`` an existing
    file is never replaced, even one created while writing; a missing folder is an error.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise SymconvError(parameter, "folder does not exist", str(folder))
    if path.is_dir():
        raise SymconvError(parameter, "is a folder, not a file", str(path))
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise SymconvError(parameter, "is not a regular file (a device or pipe?)", str(path))
    if not force and (path.exists() or path.is_symlink()):
        raise SymconvError(parameter, "file exists; pass --force to overwrite", str(path))
    temporary = folder / f".{path.name}.{os.urandom(6).hex()}.tmp"
    try:
        # O_EXCL: never follow or reuse a planted file; mode 0o666 lets the umask decide.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise SymconvError(
            parameter, f"cannot write in this folder ({exc.strerror})", str(folder)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        _publish(temporary, path, force, parameter)
    except OSError as exc:
        raise SymconvError(parameter, f"cannot write ({exc.strerror or exc})", str(path)) from None
    finally:
        temporary.unlink(missing_ok=True)


def _publish(temporary: Path, path: Path, force: bool, parameter: str) -> None:
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # fails if the target exists: no check-then-act race
    except FileExistsError:
        raise SymconvError(parameter, "file exists; pass --force to overwrite", str(path)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        os.replace(temporary, path)  # a file system without hard links
