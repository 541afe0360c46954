"""One brief's formats on two cores: the PDF rendered by a forked child, the others here.

A handout made from the command line (one brief to DOCX, PDF and EPUB in a fresh process) is
mostly start-up: importing each writer's library and loading its fonts and templates for the
first time. The PDF's share (reportlab, its faces and hyphenation patterns) is about as large as
the DOCX's and the EPUB's together, and neither needs the other, so on a machine with a core to
spare a child is forked as soon as the brief's conversion starts: it imports the PDF writer
while this process reads and parses the brief, then takes the parsed article through a pipe,
renders the PDF while this process renders the rest, and sends its bytes and warnings back.
Nothing else changes: this process writes every file, in the same order, and the bytes are
those the same writer makes here (the child picks the theme as this process does, from the
same article and settings).

Only where it pays and is safe:

- the caller has a core to spare (``--jobs`` above 1, one brief), and asks for the PDF and
  something else;
- the process can fork: Linux (macOS's system libraries are not safe to use in a forked child,
  which is why Python's own multiprocessing does not fork there);
- this process runs no other thread: a thread holding a lock while the process forks would
  leave the child waiting for it forever;
- the PDF writer has not been imported yet: in a warm process (a long-lived service, a worker
  of a batch) a PDF takes milliseconds, less than forking a large process and piping it back.

A child whose PDF turns out not to be needed (the output is up to date) is told so and ends. A
child that dies without answering (killed, out of memory) costs only time: the PDF is then
rendered here.
"""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, suppress

from exporter.errors import Problem
from exporter.model import Article, ParseWarning
from exporter.theme import Theme
from exporter.writers import render_format
from exporter.writers.registry import Writer, get_writer

#: The format handed to the child, and the module whose import is most of its start-up.
_CHILD_FORMAT = "pdf"
_CHILD_MODULE = "exporter.writers.pdf"

Rendering = tuple[bytes, tuple[ParseWarning, ...]]
Render = Callable[[Writer], Rendering]


class ChildRenderError(Exception):
    """The child's writer failed: ``problem`` is its error, as it would have been here."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@contextmanager
def spare_core(
    formats: Collection[str],
    theme_for: Callable[[Article], Theme],
    *,
    source: str,
    wanted: bool,
) -> Iterator[SpareCore]:
    """For the ``with`` block (one brief's conversion): a child already importing the PDF
    writer when it pays (see the module), which :meth:`SpareCore.renderer` then uses; on exit,
    the child, if still there (an error, Ctrl-C), is stopped. ``theme_for`` picks the theme
    for the parsed article, as this process will."""
    child = _Child.start(theme_for, source) if wanted and _pays(formats) else None
    core = SpareCore(child)
    try:
        yield core
    finally:
        core.stop()


class SpareCore:
    """The child of :func:`spare_core`, if any, and how to render with it."""

    def __init__(self, child: _Child | None) -> None:
        self._child = child

    def renderer(self, article: Article, theme: Theme, writers: Sequence[Writer]) -> Render:
        """A function rendering each of ``writers`` (bytes and the writer's warnings); the
        PDF, if among them, is made by the child from now on, and waited for when asked."""
        child = self._child
        if child is not None and not any(writer.name == _CHILD_FORMAT for writer in writers):
            self.stop()  # not needed after all: the output is up to date
            child = None
        elif child is not None:
            child.send(article)

        def render(writer: Writer) -> Rendering:
            if child is not None and writer.name == _CHILD_FORMAT:
                answer = child.answer()
                if answer is not None:
                    return answer
            return render_format(article, writer, theme)

        return render

    def stop(self) -> None:
        if self._child is not None:
            self._child.stop()
            self._child = None


def _pays(formats: Collection[str]) -> bool:
    return (
        _CHILD_FORMAT in formats
        and len(formats) > 1
        and sys.platform == "linux"
        and _CHILD_MODULE not in sys.modules
        and threading.active_count() == 1
    )


class _Child:
    """A forked process rendering the PDF, and the pipes to and from it."""

    def __init__(self, pid: int, request: int, answer: int) -> None:
        self.pid = pid
        self.request = request
        self.answer_pipe = answer

    @classmethod
    def start(cls, theme_for: Callable[[Article], Theme], source: str) -> _Child | None:
        """The child, importing the PDF writer; None if no process can be made now."""
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no memory or process left for it: render here
            for end in (child_reads, parent_writes, parent_reads, child_writes):
                os.close(end)
            return None
        if pid == 0:
            os.close(parent_writes)
            os.close(parent_reads)
            _serve(child_reads, child_writes, theme_for, source)
        os.close(child_reads)
        os.close(child_writes)
        return cls(pid, parent_writes, parent_reads)

    def send(self, article: Article) -> None:
        """Hand the child the article whose PDF it is to render."""
        data = pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with os.fdopen(self.request, "wb") as pipe:
                self.request = -1
                pipe.write(data)
        except BrokenPipeError:  # the child is gone: answer() says so, and the PDF is made here
            pass

    def answer(self) -> Rendering | None:
        """The child's bytes and warnings, or None if it died without answering; raises
        :class:`ChildRenderError` for its writer's error."""
        with os.fdopen(self.answer_pipe, "rb") as pipe:
            self.answer_pipe = -1
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
        """Close the pipes and end the child if it is still there (its answer is not wanted)."""
        for end in (self.request, self.answer_pipe):
            if end >= 0:
                os.close(end)
        self.request = self.answer_pipe = -1
        if self.pid:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> None:
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = 0


def _serve(requests: int, answers: int, theme_for: Callable[[Article], Theme], source: str) -> None:
    """The child: import the PDF writer, wait for the article, render, answer, and exit without
    ever returning into the caller's code (nor running its exit handlers or flushing its
    buffers a second time)."""
    status = 1
    try:
        # Ctrl-C reaches the whole process group: the child just ends, the parent reports.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        importlib.import_module(_CHILD_MODULE)  # while the parent reads and parses the brief
        writer = get_writer(_CHILD_FORMAT)
        with os.fdopen(requests, "rb") as pipe:
            request = pipe.read()
        if request:
            article: Article = pickle.loads(request)  # from the parent, which forked us: trusted
            payload: tuple[str, object]
            try:
                payload = ("ok", render_format(article, writer, theme_for(article)))
            except Exception as error:  # reported by the parent, as if it had rendered
                payload = ("error", Problem.of(error, path=source))
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(answers, "wb") as pipe:
                pipe.write(data)
        status = 0
    finally:
        os._exit(status)
