"""Bringing an article: pasted or uploaded (.txt, .md, .html), bad input refused in French with nothing saved,
duplicates recognised, the analysis run on import with its progress shown."""

from __future__ import annotations

import io

import pytest

from tests.web.teaching import NEWS_TEXT, text
from webapp.extensions import db as _db
from webapp.models import Article, Question

pytestmark = pytest.mark.slow  # the analyser runs: the spaCy model is loaded once per process


def _upload(client, filename: str, data: bytes, **fields):
    return client.post("/teach/articles/new", data={**fields, "file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def _articles() -> list[Article]:
    return list(_db.session.scalars(_db.select(Article)))


def test_a_pasted_article_is_analysed_and_its_questions_wait_for_review(owner_client, sync_analysis, teacher):
    response = owner_client.post("/teach/articles/new", data={
        "title": "Budget des écoles", "source": "La Gazette du Lot", "published_on": "12 mars 2025",
        "text": NEWS_TEXT})

    assert response.status_code == 303
    (article,) = _articles()
    assert response.location == f"/teach/articles/{article.id}"
    assert (article.owner_id, article.source, article.published_on) == (teacher.id, "La Gazette du Lot", "12 mars 2025")
    assert article.analysis_status == "done"
    assert article.questions and {q.status for q in article.questions} == {"proposed"}
    assert {h["kind"] for h in article.highlights} >= {"quote", "figure"}
    page = text(owner_client.get(response.location))
    assert '<mark class="hl hl--quote"' in page and "Citation : " in page
    assert "À relire" in page


def test_a_txt_file_in_windows_1252_is_read(owner_client, sync_analysis):
    response = _upload(owner_client, "budget.txt", NEWS_TEXT.encode("cp1252"), title="Budget")

    assert response.status_code == 303
    (article,) = _articles()
    assert article.text == NEWS_TEXT and "élève" in article.text


def test_a_markdown_file_gives_its_front_matter(owner_client, sync_analysis):
    data = f"---\ntitle: Le budget des écoles\nsource: La Gazette\n---\n{NEWS_TEXT}\n".encode()

    response = _upload(owner_client, "budget.md", data)

    assert response.status_code == 303
    (article,) = _articles()
    assert (article.title, article.source, article.text) == ("Le budget des écoles", "La Gazette", NEWS_TEXT)


def test_the_main_text_of_an_html_page_is_extracted(owner_client, sync_analysis):
    paragraphs = "".join(f"<p>{p}</p>" for p in NEWS_TEXT.split("\n\n"))
    page = (f"<html><head><title>Budget des écoles</title></head><body><nav><a href='/'>Accueil</a> "
            f"<a href='/sport'>Sport</a></nav><article><h1>Budget des écoles</h1>{paragraphs}</article>"
            f"<footer>© La Gazette — Mentions légales</footer></body></html>")

    response = _upload(owner_client, "article.html", page.encode(), title="Budget (HTML)")

    assert response.status_code == 303
    (article,) = _articles()
    assert "Jean Dupuis" in article.text and "Mentions légales" not in article.text and "Accueil" not in article.text


@pytest.mark.parametrize(("fields", "status", "message"), [
    ({"text": "   "}, 422, "vide"),
    ({"text": "The city council voted on Tuesday to raise the school budget by twelve percent, "
              "according to the minutes published by the town hall. The mayor said that every pupil "
              "should have a laptop by 2027."}, 422, "français"),
    ({"text": "Le conseil a voté. " * 12000}, 413, "trop long"),
    ({"text": NEWS_TEXT, "title": ""}, 422, "titre"),
])
def test_bad_pasted_text_is_refused_in_french_and_nothing_is_saved(owner_client, fields, status, message):
    response = owner_client.post("/teach/articles/new", data={"title": "Un titre", **fields})

    assert response.status_code == status
    assert message in text(response)
    assert _articles() == []


@pytest.mark.parametrize(("filename", "data", "status", "message"), [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 415, "binaires"),
    ("budget.pdf", b"%PDF-1.4 ...", 415, ".txt, .md ou .html"),
    ("vide.txt", b"", 422, "vide"),
    ("bizarre.txt", b"Le budget " + b"\x81\x8d\x8f\x90\x9d" * 3, 422, "encodage"),
    ("menu.html", b"<html><body><nav>Menu</nav></body></html>", 422, "en français"),
    ("vide.html", b"<html><body></body></html>", 422, "texte de l'article"),
])
def test_bad_files_are_refused_in_french_and_nothing_is_saved(owner_client, filename, data, status, message):
    response = _upload(owner_client, filename, data, title="Un titre")

    assert response.status_code == status
    assert message in text(response)
    assert _articles() == []


def test_a_file_over_2_mb_gets_a_french_413_page(owner_client):
    # The body built by hand: the test client would spool it to a temporary file it never closes.
    boundary = "loupe-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + b"a" * (2 * 1024 * 1024 + 1) + \
        f"\r\n--{boundary}--\r\n".encode()
    response = owner_client.post("/teach/articles/new", data=body,
                                 content_type=f"multipart/form-data; boundary={boundary}")

    assert response.status_code == 413
    assert "2 Mo au plus" in text(response)
    assert _articles() == []


def test_the_same_article_twice_is_recognised_and_not_duplicated(owner_client, sync_analysis):
    owner_client.post("/teach/articles/new", data={"title": "Budget", "text": NEWS_TEXT})

    again = _upload(owner_client, "copie.txt", ("\n" + NEWS_TEXT + "\n\n").encode(), title="Budget bis")

    assert again.status_code == 409
    page = text(again)
    assert "déjà dans Loupe" in page
    (article,) = _articles()
    assert f'href="/teach/articles/{article.id}"' in page


def test_the_page_shows_progress_while_the_analysis_runs(app, owner_client, monkeypatch):
    started = []
    monkeypatch.setattr("webapp.teach.services.start_analysis", lambda app_, article_id: started.append(article_id))

    response = owner_client.post("/teach/articles/new", data={"title": "Budget", "text": NEWS_TEXT})
    (article,) = _articles()
    assert started == [article.id] and article.analysis_status == "pending"

    page = text(owner_client.get(response.location))
    assert 'hx-trigger="every 1s"' in page and "file d'attente" in page
    poll = owner_client.get(f"/teach/articles/{article.id}/status", headers={"HX-Request": "true"})
    assert poll.status_code == 200 and "HX-Refresh" not in poll.headers and "<html" not in text(poll)

    from webapp.teach.services import analyse_article
    analyse_article(article.id)

    done = owner_client.get(f"/teach/articles/{article.id}/status", headers={"HX-Request": "true"})
    assert done.headers["HX-Refresh"] == "true" and "every 1s" not in text(done)
    assert _db.session.scalar(_db.select(_db.func.count(Question.id))) > 0


def test_the_background_thread_analyses_with_its_own_app_context(app, owner_client):
    import time

    response = owner_client.post("/teach/articles/new", data={"title": "Budget", "text": NEWS_TEXT})
    assert response.status_code == 303
    article_id = int(response.location.rsplit("/", 1)[1])
    for _ in range(300):
        _db.session.expire_all()
        if _db.session.get(Article, article_id).analysis_status in ("done", "failed"):
            break
        time.sleep(0.1)
    article = _db.session.get(Article, article_id)
    assert article.analysis_status == "done" and article.questions


def test_content_load_shows_progress_and_keeps_the_highlights(app, db, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "budget.md").write_text(
        f"---\ntitle: Budget des écoles\nsource: La Gazette\n---\n{NEWS_TEXT}", encoding="utf-8")

    result = app.test_cli_runner().invoke(args=["content", "load", str(tmp_path)])

    assert result.exit_code == 0, result.output
    assert "Articles" in result.output and "budget.md : ajouté" in result.output
    (article,) = _articles()
    assert article.owner_id is None and article.highlights
    assert {q.status for q in article.questions} == {"accepted"}


def test_a_failed_analysis_can_be_run_again(app, owner_client, sync_analysis, monkeypatch):
    monkeypatch.setattr("webapp.analysis.analyze", lambda text: (_ for _ in ()).throw(RuntimeError("panne")))
    response = owner_client.post("/teach/articles/new", data={"title": "Budget", "text": NEWS_TEXT})
    (article,) = _articles()
    assert article.analysis_status == "failed"
    page = text(owner_client.get(response.location))
    assert "L'analyse a échoué de notre côté" in page and "Relancer l'analyse" in page
    monkeypatch.undo()

    again = owner_client.post(f"/teach/articles/{article.id}/analyse")

    assert again.status_code == 303
    _db.session.refresh(article)
    assert article.analysis_status == "done" and article.questions
    assert owner_client.post(f"/teach/articles/{article.id}/analyse").status_code == 409
