"""The ``idlib-corpus`` command: a thin layer over the public API.

Exit codes (:class:`ExitCode`): 0 all went well, 1 some articles failed (each named on
stderr, with the problem), 2 a usage error (bad arguments, an unreadable metadata file,
an output file that cannot be written: nothing is written then).

``extract`` reads every input it can: a path that does not exist, a binary or empty file
is reported as a failed article and the run goes on (exit 1). A progress bar is drawn
only when standard error is a terminal; a one-line summary always ends the run.
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from idlib_corpus.errors import IdlibCorpusError, PluginError

if TYPE_CHECKING:
    from idlib_corpus.model import ArticleResult

__all__ = ["ExitCode", "main"]


class ExitCode(enum.IntEnum):
    """What the command's exit status means."""

    OK = 0
    ARTICLES_FAILED = 1
    USAGE_ERROR = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="idlib-corpus",
        description="Extract actors, meetings and incidents from news about Idlib.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="extract records from article files or folders")
    p.add_argument("paths", nargs="*", type=Path,
                   help="article files or folders of .txt files (default: the bundled corpus)")
    p.add_argument("--metadata", type=Path, help="metadata.json with publication dates")
    p.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    p.add_argument("--format", choices=("jsonl", "json", "gold"), default="jsonl",
                   help="jsonl: one ArticleResult a line; json: one array; gold: GOLD.md lines")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--strict", action="store_true", help="stop at the first plugin failure")
    p.add_argument("--plugin-time-budget", type=float, default=None, metavar="SECONDS",
                   help="seconds one plugin may take on one article (default 10)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                   help="do not use this plugin (repeatable; see 'idlib-corpus plugins')")
    p.add_argument("--max-chars", type=int, default=None, metavar="N",
                   help="cut longer articles at N characters (default 200,000)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("plugins", help="list the registered plugins and their hooks")
    p.add_argument("--by-hook", action="store_true",
                   help="list each hook with its implementations in call order")
    p.set_defaults(func=_cmd_plugins)

    p = sub.add_parser("schema", help="print the JSON Schema of the wire format")
    p.add_argument("-o", "--output", type=Path, help="write it to this file")
    p.set_defaults(func=_cmd_schema)

    p = sub.add_parser("evaluate", help="score extraction against gold answers (GOLD.md)")
    p.add_argument("articles", type=Path, help="folder of the gold articles' .txt files")
    p.add_argument("--gold", type=Path, required=True, help="gold JSONL (GOLD.md format)")
    p.add_argument("--metadata", type=Path, help="metadata.json (default: the folder's own)")
    p.add_argument("--predictions", type=Path,
                   help="score this JSONL in gold format instead of running the extractors")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--show-errors", action="store_true",
                   help="list every false positive and false negative slot")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("timeline", help="meetings and incidents of a corpus in date order")
    p.add_argument("paths", nargs="*", type=Path,
                   help="folders, article files or saved .jsonl results (default: bundled)")
    p.add_argument("--metadata", type=Path, help="metadata.json with publication dates")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(func=_cmd_timeline)

    p = sub.add_parser("export", help="export the merged corpus as JSONL, CSV or Parquet")
    p.add_argument("paths", nargs="*", type=Path,
                   help="folders, article files or saved .jsonl results (default: bundled)")
    p.add_argument("--metadata", type=Path, help="metadata.json with publication dates")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", type=Path, required=True,
                   help="output file (jsonl) or folder (csv, parquet: one table per kind)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("new-plugin", help="write a working plugin package skeleton")
    p.add_argument("name", help="plugin name, e.g. 'ceasefires'")
    p.add_argument("-o", "--output", type=Path, default=Path("."),
                   help="folder to create the package in (default: here)")
    p.set_defaults(func=_cmd_new_plugin)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.version:
        import idlib_corpus

        print(f"idlib-corpus {idlib_corpus.__version__}")
        return ExitCode.OK
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE_ERROR
    try:
        return func(args)
    except PluginError as exc:  # --strict: a plugin failed; the articles did not all go through
        print(f"idlib-corpus: error: {exc}", file=sys.stderr)
        return ExitCode.ARTICLES_FAILED
    except IdlibCorpusError as exc:
        print(f"idlib-corpus: error: {exc}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    except BrokenPipeError:  # "idlib-corpus extract | head": the reader left, not an error
        _silence_stdout()
        return ExitCode.OK
    except OSError as exc:  # writing the output failed (disk full...): the file is unchanged
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"idlib-corpus: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    except KeyboardInterrupt:
        print("idlib-corpus: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not hit the closed pipe again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (captured)
        pass


# --------------------------------------------------------------------------- commands


def _default_paths(paths: Sequence[Path]) -> list[Path]:
    if paths:
        return list(paths)
    from idlib_corpus.corpus import _bundled_dir

    return [_bundled_dir()]


def _cmd_extract(args: argparse.Namespace) -> int:
    import warnings

    import attrs

    from idlib_corpus import serialize
    from idlib_corpus.io import iter_parse, iter_tasks, read_metadata
    from idlib_corpus.options import Options
    from idlib_corpus.pipeline import Pipeline
    from idlib_corpus.plugins import PluginLoadWarning

    if args.jobs < 1:
        raise IdlibCorpusError(f"--jobs must be at least 1, got {args.jobs}")
    if args.max_chars is not None and args.max_chars < 1:
        raise IdlibCorpusError(f"--max-chars must be at least 1, got {args.max_chars}")
    options = attrs.evolve(
        Options(), strict=args.strict, jobs=args.jobs, blocked=tuple(args.disable_plugin)
    )
    if args.plugin_time_budget is not None:
        if args.plugin_time_budget <= 0:
            raise IdlibCorpusError(
                f"--plugin-time-budget must be > 0, got {args.plugin_time_budget}"
            )
        options = attrs.evolve(options, plugin_time_budget=args.plugin_time_budget)
    if args.max_chars is not None:
        options = attrs.evolve(options, max_chars=args.max_chars)
    if args.output is not None:
        _check_writable(args.output)
    metadata = read_metadata(args.metadata) if args.metadata is not None else None
    paths = _default_paths(args.paths)
    skipped: list[Path] = []
    total = sum(1 for _ in iter_tasks(paths, metadata=metadata, skipped=skipped))
    for f in skipped:
        print(f"idlib-corpus: note: skipped {f}: not a .txt file", file=sys.stderr)
    with warnings.catch_warnings():
        # Reported below from pipeline.problems, in our own words.
        warnings.simplefilter("ignore", PluginLoadWarning)
        pipeline = Pipeline(options=options)
        for problem in pipeline.problems:
            print(f"idlib-corpus: warning: {problem.message}", file=sys.stderr)
        reported = len(pipeline.problems)
        results = iter_parse(paths, metadata=metadata, jobs=args.jobs, pipeline=pipeline)
        stats = _Stats(total, show=not args.no_progress and sys.stderr.isatty())
        counted = stats.watch(results)
        if args.format == "gold":
            from idlib_corpus.evaluation import to_gold_records

            serialize.write_lines(
                (serialize.dumps_plain(rec) for rec in to_gold_records(counted)), args.output
            )
        elif args.format == "json":
            serialize.dump_results(counted, args.output, fmt="json")
        else:
            serialize.dump_results(counted, args.output, fmt="jsonl")
    for problem in pipeline.problems[reported:]:
        print(f"idlib-corpus: warning: {problem.message}", file=sys.stderr)
    return stats.finish(sys.stderr)


def _check_writable(output: Path) -> None:
    """Fail before any work when the output file cannot be created."""
    import os

    if output.is_dir():
        raise IdlibCorpusError(f"{output}: is a folder, not an output file")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise IdlibCorpusError(f"{output}: cannot be written: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise IdlibCorpusError(f"{output}: cannot be written: no permission to write in {folder}")
    if output.exists() and not os.access(output, os.W_OK):
        raise IdlibCorpusError(f"{output}: cannot be written: the file is read-only")


class _Stats:
    """Counts what went by, draws a progress bar on a terminal, prints the summary."""

    def __init__(self, total: int, *, show: bool) -> None:
        self.total = total
        self.show = show
        self.articles = self.actors = self.meetings = self.incidents = self.warnings = 0
        self.failed: list[tuple[str, str]] = []

    def watch(self, results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        from idlib_corpus.model import Severity

        for r in results:
            self.articles += 1
            self.warnings += sum(1 for d in r.diagnostics if d.severity is Severity.WARNING)
            self.actors += len(r.actors)
            self.meetings += len(r.meetings)
            self.incidents += len(r.incidents)
            errors = [d.message for d in r.diagnostics if d.severity is Severity.ERROR]
            if errors:
                self.failed.append((r.article.source or r.id, "; ".join(errors)))
            if self.show:
                width = 30
                done = int(width * self.articles / max(self.total, 1))
                sys.stderr.write(
                    f"\r[{'#' * done}{'.' * (width - done)}] {self.articles}/{self.total}"
                )
                sys.stderr.flush()
            yield r

    def finish(self, out: TextIO) -> int:
        if self.show:
            out.write("\n")
        for name, why in self.failed:
            # Diagnostics name their file already; don't say it twice.
            print(f"idlib-corpus: failed: {why if why.startswith(name) else f'{name}: {why}'}",
                  file=out)
        print(
            f"{self.articles} articles, {self.actors} actors, {self.meetings} meetings, "
            f"{self.incidents} incidents, {len(self.failed)} failed, {self.warnings} warnings",
            file=out,
        )
        return ExitCode.ARTICLES_FAILED if self.failed else ExitCode.OK


def _cmd_plugins(args: argparse.Namespace) -> int:
    import warnings

    from idlib_corpus.plugins import (
        HOOK_ORDER,
        PluginLoadWarning,
        call_order,
        get_plugin_manager,
        list_plugins,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginLoadWarning)  # listed below instead
        pm = get_plugin_manager()
    if args.by_hook:
        for hook in HOOK_ORDER:
            impls = call_order(pm, hook)
            names = [
                i.plugin_name + (" (tryfirst)" if i.tryfirst else " (trylast)" if i.trylast else "")
                for i in impls
            ]
            print(f"{hook}: {', '.join(names) or '-'}")
    else:
        rows = [
            (p.name, p.version or "-", p.distribution or p.kind, ", ".join(p.hooks) or "-")
            for p in list_plugins(pm)
        ]
        head = ("plugin", "version", "from", "hooks (in call order)")
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
        for row in [head, *rows]:
            print("  ".join(f"{c:<{w}}" for c, w in zip(row[:3], widths, strict=True)), row[3])
    for problem in pm.load_problems:
        print(f"idlib-corpus: warning: {problem}", file=sys.stderr)
    return ExitCode.OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from idlib_corpus import serialize
    from idlib_corpus.schema import json_schema

    text = serialize.dumps_plain(json_schema(), indent=2) + "\n"
    if args.output:
        serialize.write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from idlib_corpus.evaluation import evaluate, format_errors

    # Bad gold, a missing folder or file raise IdlibCorpusError: main() prints it, exits 2.
    report = evaluate(
        args.gold, args.articles, metadata=args.metadata, predictions=args.predictions
    )
    if args.json:
        print(json.dumps(report.to_dict(errors=args.show_errors), indent=2, ensure_ascii=False))
        return ExitCode.OK
    print(report.format_table())
    if args.show_errors:
        print()
        print(format_errors(report.errors) or "no errors")
    return ExitCode.OK


def _cmd_timeline(args: argparse.Namespace) -> int:
    import shutil

    from idlib_corpus import serialize
    from idlib_corpus.corpus import load_paths
    from idlib_corpus.export import COLUMNS

    corpus = load_paths(args.paths, metadata=args.metadata)
    rows = corpus.to_records("timeline")
    if args.json:
        serialize.write_lines((serialize.dumps_plain(row) for row in rows), None)
    else:
        names = [n for n, _ in COLUMNS["timeline"] if n not in ("event_id", "category")]
        table = [[("" if row[n] is None else str(row[n])) for n in names] for row in rows]
        header = [n.upper() for n in names]
        widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(names))]
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        for r in [header, *table]:
            line = "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            if width is not None and len(line) > width:  # a terminal: one row, one line
                line = line[: max(width - 1, 1)] + "…"
            print(line)
        print(f"{len(rows)} events from {len(corpus)} articles", file=sys.stderr)
    for name, why in corpus.failures():
        print(f"idlib-corpus: failed: {name}: {why}", file=sys.stderr)
    return ExitCode.ARTICLES_FAILED if corpus.failures() else ExitCode.OK


def _cmd_export(args: argparse.Namespace) -> int:
    from idlib_corpus.corpus import load_paths
    from idlib_corpus.export import export

    corpus = load_paths(args.paths, metadata=args.metadata)
    written = export(corpus, args.format, args.output)
    merged = corpus.merged()
    print(
        f"{len(corpus)} articles: {len(merged.actors)} actors, {len(merged.meetings)} "
        f"meetings, {len(merged.incidents)} incidents -> "
        f"{', '.join(str(p) for p in written)}",
        file=sys.stderr,
    )
    for name, why in corpus.failures():
        print(f"idlib-corpus: failed: {name}: {why}", file=sys.stderr)
    return ExitCode.ARTICLES_FAILED if corpus.failures() else ExitCode.OK


def _cmd_new_plugin(args: argparse.Namespace) -> int:
    from idlib_corpus.scaffold import write_plugin_skeleton

    root = write_plugin_skeleton(args.name, args.output)
    print(f"wrote {root}")
    print(f"next: pip install -e '{root}[test]' && python -m pytest {root / 'tests'}")
    return ExitCode.OK
