"""The ``kg`` command line: a thin layer over the Python API.

Each sub-command lives in its own module under :mod:`kg.commands` and registers itself through
``add_parser(subparsers)``, setting ``func`` to a callable that takes the parsed arguments and
returns the exit code. The registry below lists them in the order ``kg --help`` shows.

Exit codes: 0 success, 1 the work ran but something failed (bad input skipped, a query error,
validation violations), 2 usage error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "COMMANDS"]

COMMANDS = ["build", "query", "serve", "view", "stats", "export", "validate", "push", "eval", "train"]


def make_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="kg",
        description="Turn news articles into a geopolitical knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"geopolitical-kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"kg.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the user sees one line, not a traceback
        from .errors import KGError

        if isinstance(exc, KGError):
            print(f"kg {args.command}: {exc}", file=sys.stderr)
            return 1
        if "--debug" in sys.argv or __import__("os").environ.get("KG_DEBUG"):
            raise
        print(f"kg {args.command}: unexpected error: {type(exc).__name__}: {exc} "
              "(set KG_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
