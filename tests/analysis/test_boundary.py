"""The analyser stands alone, and nothing in the app was fitted to the sample articles by name."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

WEBAPP = Path(__file__).parents[2] / "webapp"
ANALYSIS = WEBAPP / "analysis"
FORBIDDEN_TOP = {"flask", "sqlalchemy", "wtforms", "flask_sqlalchemy", "flask_wtf", "flask_migrate", "alembic"}

# Names and phrases of the sample articles: rules and word lists must be general, so none may appear in webapp/.
DENY = ("alperovitch", "lautman", "felshtinsky", "colin alexander", "mad vlad", "tyran fou", "100 400",
        "hachoir", "silverado", "volgograd")
TEXT_SUFFIXES = {".py", ".txt", ".tsv", ".yaml", ".yml", ".json", ".cfg", ".toml", ".csv", ".md", ".po"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Absolute module names imported by a file (relative imports resolved inside webapp.analysis)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(WEBAPP.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                found.append((node.lineno, ".".join(base + ([node.module] if node.module else []))))
            else:
                found.append((node.lineno, node.module or ""))
    return found


ANALYSIS_MODULES = sorted(ANALYSIS.rglob("*.py"))


@pytest.mark.parametrize("path", ANALYSIS_MODULES, ids=lambda p: str(p.relative_to(ANALYSIS)))
def test_analysis_imports_neither_flask_nor_the_database_nor_the_rest_of_webapp(path):
    bad = []
    for line, module in imported_modules(path):
        top = module.split(".")[0]
        if top in FORBIDDEN_TOP or top.startswith("flask_"):
            bad.append(f"{path.name}:{line} imports {module}")
        elif (module == "webapp" or module.startswith("webapp.")) and not (
            module == "webapp.analysis" or module.startswith("webapp.analysis.")
        ):
            bad.append(f"{path.name}:{line} imports {module}")
    assert bad == []


def test_the_boundary_check_sees_relative_imports():
    modules = {m for _, m in imported_modules(ANALYSIS / "pipeline.py")}
    assert "webapp.analysis.questions" in modules


def _app_files() -> list[Path]:
    return [
        p for p in WEBAPP.rglob("*")
        if p.is_file() and p.suffix in TEXT_SUFFIXES and "templates" not in p.relative_to(WEBAPP).parts
        and "__pycache__" not in p.parts
    ]


def test_no_sample_article_names_or_phrases_in_webapp():
    hits = []
    for path in _app_files():
        text = re.sub(r"[\u00a0\u202f\u2009]", " ", path.read_text(encoding="utf-8", errors="replace")).lower()
        for word in DENY:
            if word in text:
                line = text[: text.index(word)].count("\n") + 1
                hits.append(f"{path.relative_to(WEBAPP)}:{line}: {word}")
    assert hits == [], "rules and word lists must be general, not fitted to the sample articles"
