"""One brief's formats on two cores: the PDF rendered by a forked child, the others here.

A handout made from the command line (one brief to DOCX, PDF and EPUB in a fresh process) is
mostly start-up: importing each writer's library and loading its fonts and templates for the
first time. The PDF's share (reportlab, its faces and hyphenation patterns) is about as large as
the DOCX's and the EPUB's together, and neither needs the other, so on a machine with a core to
spare a forked child renders the PDF while this process renders the rest, and sends its bytes
and warnings back through a pipe. Nothing else changes: this process writes every file, in the
same order, and the bytes are those the same writer makes here.

Only where it pays and is safe:

- the caller has a core to spare (``--jobs`` above 1, one brief);
- the process can fork: Linux (macOS's system libraries are not safe to use in a forked child,
  which is why Python's own multiprocessing does not fork there);
- this process runs no other thread: a thread holding a lock while the process forks would
  leave the child waiting for it forever;
- the PDF writer has not been imported yet: in a warm process (a long-lived service, a worker
  of a batch) a PDF takes milliseconds, less than forking a large process and piping it back;
- there is something else to render meanwhile.

A child that dies without answering (killed, out of memory) costs only time: the PDF is then
rendered here.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress

from exporter.errors import Problem
from exporter.model import Article, ParseWarning
from exporter.theme import Theme
from exporter.writers import render_format
from exporter.writers.registry import Writer

#: The format handed to the child, and the module whose import is most of its start-up.
_CHILD_FORMAT = "pdf"
_CHILD_MODULE = "exporter.writers.pdf"

Rendering = tuple[bytes, tuple[ParseWarning, ...]]


class ChildRenderError(Exception):
    """The child's writer failed: ``problem`` is its error, as it would have been here."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@contextmanager
def formats_rendered(
    article: Article,
    theme: Theme,
    writers: Sequence[Writer],
    *,
    source: str,
    spare_core: bool,
) -> Iterator[Callable[[Writer], Rendering]]:
    """A function rendering each of ``writers`` (bytes and the writer's warnings), for the
    ``with`` block's duration. When it pays (see the module), the PDF is already being made by
    a child process on entry, and rendering the PDF waits for its answer; on exit the child,
    if still there (an error, Ctrl-C), is stopped."""
    child = _Child.start(article, theme, writers, source) if spare_core else None

    def render(writer: Writer) -> Rendering:
        if child is not None and writer.name == _CHILD_FORMAT:
            answer = child.answer()
            if answer is not None:
                return answer
        return render_format(article, writer, theme)

    try:
        yield render
    finally:
        if child is not None:
            child.stop()


class _Child:
    """A forked process rendering one format, and the pipe its answer comes through."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    @classmethod
    def start(
        cls, article: Article, theme: Theme, writers: Sequence[Writer], source: str
    ) -> _Child | None:
        """The child rendering the PDF of ``writers``, or None where that does not pay."""
        chosen = [writer for writer in writers if writer.name == _CHILD_FORMAT]
        if not (
            chosen
            and len(writers) > 1
            and sys.platform == "linux"
            and _CHILD_MODULE not in sys.modules
            and threading.active_count() == 1
        ):
            return None
        reader, sender = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for it: render here
            os.close(reader)
            os.close(sender)
            return None
        if pid == 0:
            _serve(sender, reader, article, theme, chosen[0], source)
        os.close(sender)
        return cls(pid, reader)

    def answer(self) -> Rendering | None:
        """The child's bytes and warnings, or None if it died without answering; raises
        :class:`ChildRenderError` for its writer's error."""
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = -1
            data = pipe.read()
        self._reap()
        if not data:
            return None
        # From this process's own fork, through its own pipe: trusted.
        kind, value = pickle.loads(data)
        if kind == "error":
            raise ChildRenderError(value)
        rendering: Rendering = value
        return rendering

    def stop(self) -> None:
        """Close the pipe and end the child if it is still there (its answer is not wanted)."""
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1
        if self.pid:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> None:
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = 0


def _serve(
    sender: int, reader: int, article: Article, theme: Theme, writer: Writer, source: str
) -> None:
    """The child: render, answer through the pipe, and exit without ever returning into the
    caller's code (nor running its exit handlers or flushing its buffers a second time)."""
    status = 1
    try:
        os.close(reader)
        # Ctrl-C reaches the whole process group: the child just ends, the parent reports.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        payload: tuple[str, object]
        try:
            payload = ("ok", render_format(article, writer, theme))
        except Exception as error:  # reported by the parent, as if it had rendered
            payload = ("error", Problem.of(error, path=source))
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(sender, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
