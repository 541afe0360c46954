"""Writing output files so that a finished-looking file is always a finished file.

Each file is written to a temporary file in the same folder and renamed over the target, so an
interrupted run (Ctrl-C, kill, full disk) leaves either the old file or the new one, never a
truncated one; the temporary file is removed on any failure.

exporter touches only its own files: temporary files are named ``.NAME.exporter-RANDOM.part``
(a user's ``.thesis.pdf.part`` is never taken for one), and inside an output folder every
subfolder is opened without following symbolic links, so a link planted in the output tree
cannot send a file (or a clean-up) elsewhere. New files get the permissions the umask allows,
like any file a program creates; a file written over keeps its permissions.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from exporter.errors import OutputError

#: What sets exporter's temporary files apart from anyone else's.
TEMPORARY_MARK = ".exporter-"
_TEMPORARY = re.compile(r"^\..+\.exporter-[0-9a-f]{16}\.part$")

_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NEW_FILE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def write_atomic(
    path: Path, data: bytes | Iterable[bytes], *, durable: bool = True, root: Path | None = None
) -> None:
    """Write ``data`` (bytes, or pieces of them) to ``path`` atomically, creating its folder;
    raise :class:`OutputError`.

    ``durable`` flushes the file to the disk before it replaces the old one, so that it
    survives a power cut too; a caller writing many files can instead sync once at the end.
    With ``root`` (a folder ``path`` lies in, such as ``--out``), the folders between ``root``
    and the file are created or entered without following symbolic links: the file lands under
    the real path of ``root``, never through a link inside it.
    """
    root = root if root is not None else path.parent
    relative = path.relative_to(root)
    with _folder(root, relative.parts[:-1]) as (folder, where):
        _write_in(folder, where, relative.name, data, durable)


def remove_stale_temporaries(root: Path, relative: Path) -> None:
    """Remove the temporary files a killed run left in ``root / relative`` (only exporter's
    own, never a finished output or another program's ``.part`` file; never through a link)."""
    try:
        with _folder(root, relative.parts, create=False) as (folder, _where):
            for name in os.listdir(folder):  # noqa: PTH208 (a descriptor, not a path)
                with contextlib.suppress(OSError):
                    if _TEMPORARY.match(name) and _is_regular(folder, name):
                        os.unlink(name, dir_fd=folder)
    except OutputError:
        return  # nothing of ours can be there


def check_writable(root: Path, relative: Path) -> None:
    """Create the folder ``root / relative`` (links inside ``root`` not followed) and check
    that a file can be created in it; :class:`OutputError` naming the folder otherwise."""
    with _folder(root, relative.parts) as (folder, where):
        probe = f".probe{TEMPORARY_MARK}{secrets.token_hex(8)}.part"
        try:
            os.close(os.open(probe, _NEW_FILE_FLAGS, 0o600, dir_fd=folder))
            os.unlink(probe, dir_fd=folder)
        except OSError as error:
            raise OutputError(_reason(error), path=where) from None


@contextlib.contextmanager
def _folder(
    root: Path, parts: tuple[str, ...], *, create: bool = True
) -> Iterator[tuple[int, Path]]:
    """A descriptor of the folder ``root/parts…``, each part created (with ``create``) and
    opened without following a symbolic link; closed on exit. Yields it and its path."""
    where = root
    try:
        if create:
            root.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(root, _FOLDER_FLAGS)
    except OSError as error:
        raise OutputError(_reason(error), path=root) from None
    try:
        for part in parts:
            where = where / part
            if create:
                try:
                    os.mkdir(part, dir_fd=descriptor)
                except FileExistsError:
                    pass
                except OSError as error:
                    raise OutputError(_reason(error), path=where) from None
            try:
                inner = os.open(part, _FOLDER_FLAGS | os.O_NOFOLLOW, dir_fd=descriptor)
            except OSError as error:
                if where.is_symlink():
                    raise OutputError(
                        "is a symbolic link; exporter writes only inside the output folder, "
                        "never through a link",
                        path=where,
                    ) from None
                raise OutputError(_reason(error), path=where) from None
            os.close(descriptor)
            descriptor = inner
        yield descriptor, where
    finally:
        os.close(descriptor)


def _write_in(
    folder: int, where: Path, name: str, data: bytes | Iterable[bytes], durable: bool
) -> None:
    temporary = f".{name}{TEMPORARY_MARK}{secrets.token_hex(8)}.part"
    try:
        # 0o666: the umask decides, as for any new file; an old file's mode is kept below.
        stream = os.open(temporary, _NEW_FILE_FLAGS, 0o666, dir_fd=folder)
    except OSError as error:
        raise OutputError(_reason(error), path=where) from None
    except BaseException:
        # Ctrl-C as the call returned: the file may have been made (the name is ours alone).
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        raise
    try:
        with os.fdopen(stream, "wb") as output:
            for piece in (data,) if isinstance(data, bytes) else data:
                output.write(piece)
            output.flush()
            with contextlib.suppress(FileNotFoundError):
                old = os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode
                if stat.S_ISREG(old):
                    os.fchmod(output.fileno(), stat.S_IMODE(old))
            if durable:
                os.fsync(output.fileno())
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=folder)
        if isinstance(error, OSError):
            raise OutputError(_reason(error), path=where / name) from None
        raise


def _is_regular(folder: int, name: str) -> bool:
    return stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)


def _reason(error: OSError) -> str:
    return f"cannot write: {error.strerror or error}"
