"""The command line: ``flask content load`` (real analyser, stored as analysed) and ``flask analyze``."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from tests.conftest import make_test_app
from webapp.analysis import analyze
from webapp.articles import checksum
from webapp.content import CONTENT_DIR, article_files
from webapp.models import Article, Choice, Question

pytestmark = pytest.mark.slow  # loads the spaCy model

SHIPPED = CONTENT_DIR / "articles"


def stored_questions(article: Article) -> list[dict]:
    return [
        {
            "kind": q.kind,
            "prompt": q.prompt,
            "choices": [{"text": c.text, "key": c.key, "start": c.start, "end": c.end} for c in q.choices],
            "answer": next(i for i, c in enumerate(q.choices) if c.is_correct),
            "explanation": q.explanation,
            "evidence": q.evidence,
            "difficulty": q.difficulty,
        }
        for q in article.questions
    ]


def test_content_load_stores_what_the_analyser_builds_and_runs_once(app, db):
    runner = app.test_cli_runner()

    first = runner.invoke(args=["content", "load"])

    assert first.exit_code == 0, first.output
    files = article_files(SHIPPED)
    assert len(files) >= 3
    for file in files:
        article = db.session.scalar(sa.select(Article).where(Article.checksum == checksum(file.body)))
        assert article is not None, file.path
        assert (article.title, article.source, article.language) == (
            file.meta["title"], file.meta["source"], file.meta.get("language", "fr")
        )
        assert article.text == file.body
        expected = analyze(file.body).to_dict()["questions"]
        assert stored_questions(article) == expected, file.path
        assert {q.status for q in article.questions} <= {"accepted"}
        assert f"{file.path.name} : ajouté ({len(expected)} questions)" in first.output

    counts = [db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in (Article, Question, Choice)]
    second = runner.invoke(args=["content", "load"])

    assert second.exit_code == 0, second.output
    db.session.expire_all()
    assert [db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in (Article, Question, Choice)] \
        == counts
    for file in files:
        article = db.session.scalar(sa.select(Article).where(Article.checksum == checksum(file.body)))
        if article.questions:
            assert f"{file.path.name} : inchangé" in second.output


def test_content_load_of_a_missing_directory_fails_clearly(app, db, tmp_path):
    result = app.test_cli_runner().invoke(args=["content", "load", str(tmp_path / "absent")])

    assert result.exit_code != 0
    assert "Dossier introuvable" in result.output


def test_content_load_skips_a_text_the_analyser_refuses(app, db, tmp_path):
    (tmp_path / "vide.md").write_text('---\ntitle: "Vide"\nsource: "X"\n---\n   \n', encoding="utf-8")

    result = app.test_cli_runner().invoke(args=["content", "load", str(tmp_path)])

    assert result.exit_code == 1
    assert "vide.md : ignoré — Le texte est vide" in result.stderr
    assert db.session.scalar(sa.select(sa.func.count(Article.id))) == 0


@pytest.fixture
def no_database_app():
    """An app whose database cannot be reached: a command that touched it would fail."""
    return make_test_app("postgresql+psycopg://nobody@127.0.0.1:9/nowhere?connect_timeout=1")


def test_analyze_json_prints_one_object_in_path_order_without_a_database(no_database_app, tmp_path):
    md = min(SHIPPED.glob("*.md"))
    txt = tmp_path / "article.txt"
    body = article_files(SHIPPED)[1].body
    txt.write_text(body, encoding="utf-8")

    result = no_database_app.test_cli_runner().invoke(args=["analyze", str(txt), str(md), "--json"])

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["articles"]
    assert [entry["path"] for entry in data["articles"]] == [str(txt), str(md)]
    assert data["articles"][0] == {"path": str(txt), **json.loads(json.dumps(analyze(body).to_dict()))}
    md_body = article_files(SHIPPED)[0].body
    assert data["articles"][1] == {"path": str(md), **json.loads(json.dumps(analyze(md_body).to_dict()))}


def test_analyze_without_json_prints_a_summary(no_database_app):
    md = min(SHIPPED.glob("*.md"))

    result = no_database_app.test_cli_runner().invoke(args=["analyze", str(md)])

    assert result.exit_code == 0
    assert result.stdout.startswith(f"{md} : ") and "citations" in result.stdout and "questions" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "impossible de lire le fichier"),
        ("   \n", "Le texte est vide"),
        (b"\xff\xfe\x00caf\xe9", "n'est pas un texte UTF-8"),
        ("The government said on Monday that the figures were not verified by anyone at all.",
         "ne semble pas être en français"),
    ],
)
def test_analyze_refuses_bad_input_with_one_french_line_and_status_2(no_database_app, tmp_path, content, message):
    path = tmp_path / "article.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    good = min(SHIPPED.glob("*.md"))

    result = no_database_app.test_cli_runner().invoke(args=["analyze", str(good), str(path), "--json"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(str(path))
