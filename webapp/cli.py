"""Command line: ``flask content load [DIR]`` and ``flask analyze PATH ... [--json]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click
from flask import Flask
from flask.cli import AppGroup

content = AppGroup("content", help="Les articles livrés avec Loupe (content/).")


@content.command("load")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def load_content(directory: Path | None) -> None:
    """Importe les articles de DIRECTORY (content/articles par défaut) et leurs questions ; relancer ne change rien."""
    from .analysis import AnalysisError
    from .articles import load_article_file
    from .content import CONTENT_DIR, article_files

    directory = directory or CONTENT_DIR / "articles"
    if (directory / "articles").is_dir():  # DIR is a whole content/ folder: articles/ and sets/
        directory = directory / "articles"
    if not directory.is_dir():
        raise click.ClickException(f"Dossier introuvable : {directory}")
    failures = 0
    labels = {"added": "ajouté", "questions_added": "questions ajoutées", "unchanged": "inchangé"}
    files, report = article_files(directory), []
    # The analysis takes seconds per article: a progress bar, and the report once the bar is done.
    with click.progressbar(files, label="Articles", item_show_func=lambda f: f.path.name if f else None) as bar:
        for file in bar:
            try:
                result = load_article_file(file, status="accepted")
            except AnalysisError as error:
                failures += 1
                report.append((f"{file.path.name} : ignoré — {error}", True))
                continue
            detail = f" ({result.questions} questions)" if result.outcome != "unchanged" else ""
            report.append((f"{file.path.name} : {labels[result.outcome]}{detail}", False))
    for line, is_error in report:
        click.echo(line, err=is_error)
    failures += _load_sets(directory.parent / "sets")
    if failures:
        sys.exit(1)


def _load_sets(directory: Path) -> int:
    """The question sets of content/sets (YAML or JSON, the export format); returns the number of failures."""
    from .teach.services import TeachError
    from .teach.sets import load_set_file

    failures = 0
    files = sorted(p for pattern in ("*.yaml", "*.yml", "*.json") for p in directory.glob(pattern))
    for path in files:
        try:
            question_set, added = load_set_file(path)
        except TeachError as error:
            failures += 1
            click.echo(f"{path.name} : ignorée — {' '.join(error.message.split())}", err=True)
            continue
        click.echo(f"{path.name} : série {'ajoutée' if added else 'inchangée'} ({question_set.title})")
    return failures


def _read_text(path: str) -> str:
    """The text to analyse: the body of a .md with front matter, any other file as it is."""
    from .content import read_article

    if path.endswith(".md"):
        return read_article(path).body
    return Path(path).read_text(encoding="utf-8")


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Un objet JSON {\"articles\": [...]} sur la sortie.")
def analyze_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Analyse des articles (.md avec en-tête, ou .txt) sans base de données."""
    from .analysis import AnalysisError, analyze

    entries = []
    for path in paths:
        try:
            analysis = analyze(_read_text(path))
        except UnicodeDecodeError:
            _fail(f"{path} : ce fichier n'est pas un texte UTF-8.")
        except OSError as error:
            _fail(f"{path} : impossible de lire le fichier ({error.strerror or error}).")
        except AnalysisError as error:
            _fail(f"{path} : {error}")
        entries.append({"path": path, **analysis.to_dict()})
    if as_json:
        click.echo(json.dumps({"articles": entries}, ensure_ascii=False))
        return
    for entry in entries:
        click.echo(
            f"{entry['path']} : {len(entry['quotes'])} citations, {len(entry['figures'])} chiffres, "
            f"{len(entry['editorializing'])} passages éditorialisants, {len(entry['questions'])} questions"
        )


def _fail(message: str) -> NoReturn:
    click.echo(" ".join(message.split()), err=True)  # one line, whatever the error said
    sys.exit(2)


def register_commands(app: Flask) -> None:
    from .auth.cli import teacher

    app.cli.add_command(content)
    app.cli.add_command(teacher)
    app.cli.add_command(analyze_command)
