"""domain/, store/ and plain/ never import textual (they stay usable without the TUI)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "coprod_tui"
PURE_LAYERS = ("domain", "store", "plain")


def textual_imports(source: str) -> list[str]:
    """Every import of textual (or a submodule) in ``source``, at any depth."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "textual"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "textual":
                found.append(node.module)
    return found


def _modules() -> list[Path]:
    return sorted(p for layer in PURE_LAYERS for p in (PACKAGE / layer).rglob("*.py"))


def test_the_checker_finds_textual_imports() -> None:
    assert textual_imports("import textual") == ["textual"]
    assert textual_imports("def f():\n    from textual.app import App\n") == ["textual.app"]
    assert textual_imports("import os, textual.widgets as w") == ["textual.widgets"]
    assert textual_imports("from . import textual_like\nimport textualize") == []


def test_no_module_under_domain_or_store_imports_textual() -> None:
    modules = _modules()
    assert len(modules) >= 10
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in modules
        if (found := textual_imports(path.read_text(encoding="utf-8")))
    }
    assert not offenders


def test_importing_every_domain_and_store_module_loads_no_textual() -> None:
    names = [
        "coprod_tui." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for path in _modules()
    ]
    names = [name.removesuffix(".__init__") for name in names]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True,
        cwd=PACKAGE.parent, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
