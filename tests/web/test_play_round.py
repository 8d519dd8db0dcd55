"""Playing a round through the test client: with htmx (fragments) and without (form posts and redirects)."""

from __future__ import annotations

import sqlalchemy as sa

from tests.factories import make_article, make_question, make_round
from webapp.models import Answer, Round, RoundQuestion

HX = {"HX-Request": "true"}


def answer(client, round_, question, choice, headers=None):
    return client.post(
        f"/play/{round_.token}/answer",
        data={"question_id": question.id, "choice_id": choice.id},
        headers=headers or {},
    )


def refreshed(db, obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def test_round_page_shows_the_first_question_and_the_article(client, db):
    round_ = make_round(n_questions=3)
    first = round_.round_questions[0].question

    response = client.get(f"/play/{round_.token}")

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" in html and "Question 1 sur 3" in html
    assert first.prompt.replace("«", "&laquo;") in html or "Nous restons vigilants" in html
    assert f'action="/play/{round_.token}/answer"' in html and 'method="post"' in html
    assert f'hx-post="/play/{round_.token}/answer"' in html
    assert all(f'value="{c.id}"' in html for c in first.choices)
    assert "Claire Martin" in html  # the article is there to be read
    assert response.vary.as_set() >= {"hx-request"}


def test_round_fragment_for_htmx_has_no_page_around_it(client, db):
    round_ = make_round(n_questions=2)

    response = client.get(f"/play/{round_.token}", headers=HX)

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<body" not in html
    assert "Question 1 sur 2" in html
    assert "hx-request" in response.vary.as_set()


def test_serving_a_question_starts_its_clock_once(client, db, clock):
    round_ = make_round(n_questions=2)
    first_shown = clock.now
    client.get(f"/play/{round_.token}")
    clock.advance(30)
    client.get(f"/play/{round_.token}")

    served = db.session.scalars(sa.select(RoundQuestion.served_at).order_by(RoundQuestion.position)).all()
    assert served == [first_shown, None]


def test_answer_without_javascript_redirects_to_the_feedback(client, db):
    round_ = make_round(n_questions=2)
    question = round_.round_questions[0].question

    response = answer(client, round_, question, question.correct_choice)

    assert response.status_code == 303
    assert response.headers["Location"] == f"/play/{round_.token}/questions/1"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bonne réponse !" in page
    assert question.explanation.replace("«", "&laquo;") in page or "a déclaré la ministre" in page
    assert f'href="/play/{round_.token}"' in page  # the next question is a real link


def test_answer_with_htmx_swaps_in_the_feedback(client, db):
    round_ = make_round(n_questions=2)
    question = round_.round_questions[0].question
    wrong = question.choices[1]

    response = answer(client, round_, question, wrong, HX)

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html
    assert "Pas tout à fait." in html
    assert "La bonne réponse était" in html and question.correct_choice.text in html
    assert 'aria-live="polite"' in html
    assert response.headers["HX-Push-Url"] == f"/play/{round_.token}/questions/1"
    assert "hx-request" in response.vary.as_set()


def test_feedback_quotes_the_evidence_with_the_key_words_marked(client, db):
    article = make_article()
    question = make_question(article)
    round_ = make_round([question], article=article)

    html = answer(client, round_, question, question.correct_choice, HX).get_data(as_text=True)

    assert "<mark>Nous restons vigilants</mark>" in html
    assert "Dans l&#39;article" in html or "Dans l'article" in html


def test_article_text_is_always_escaped(client, db):
    text = 'Un texte <script>alert("x")</script> avec <b>du HTML</b>.\n\nIl a dit « <img src=x onerror=alert(1)> ».'
    article = make_article(text=text, title="<i>Titre</i>")
    start = text.index("<img")
    question = make_question(article, evidence=[(start, start + 28)], prompt="<u>Qui ?</u>",
                             choices=["<em>A</em>", "B", "C"])
    round_ = make_round([question], article=article)

    page = client.get(f"/play/{round_.token}").get_data(as_text=True)
    feedback = answer(client, round_, question, question.correct_choice, HX).get_data(as_text=True)

    for html in (page, feedback):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<em>A</em>" not in html and "<u>Qui" not in html and "<i>Titre" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>" in feedback


def test_double_answer_shows_the_recorded_feedback_and_scores_once(client, db):
    round_ = make_round(n_questions=2)
    question = round_.round_questions[0].question
    first = answer(client, round_, question, question.correct_choice, HX)
    score = refreshed(db, round_).score

    # A second tab (or a replayed POST) answers the same question with another choice.
    second = answer(client, round_, question, question.choices[1], HX)

    html = second.get_data(as_text=True)
    assert first.status_code == second.status_code == 200
    assert "Tu avais déjà répondu à cette question" in html
    assert "Bonne réponse !" in html  # what was recorded, not the second choice
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1
    assert refreshed(db, round_).score == score > 0


def test_replayed_post_without_javascript_says_it_was_already_answered(client, db):
    round_ = make_round(n_questions=2)
    question = round_.round_questions[0].question
    answer(client, round_, question, question.choices[2])

    response = answer(client, round_, question, question.correct_choice)

    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tu avais déjà répondu à cette question" in page
    assert "Pas tout à fait." in page
    assert refreshed(db, round_).score == 0


def test_a_choice_of_another_question_is_refused_and_nothing_written(client, db):
    round_ = make_round(n_questions=2)
    first, second = (rq.question for rq in round_.round_questions)

    for headers in ({}, HX):
        response = answer(client, round_, first, second.correct_choice, headers)
        assert response.status_code == 400
        assert "ne correspond à aucun choix" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_an_unknown_choice_id_is_refused(client, db):
    round_ = make_round(n_questions=1)
    question = round_.round_questions[0].question

    response = client.post(f"/play/{round_.token}/answer", data={"question_id": question.id, "choice_id": 999999})

    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_a_malformed_answer_is_refused(client, db):
    round_ = make_round(n_questions=1)

    for data in ({}, {"question_id": "x", "choice_id": "1"}, {"question_id": "1"}):
        response = client.post(f"/play/{round_.token}/answer", data=data)
        assert response.status_code == 400
        assert "Rien n&#39;a été enregistré" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_a_question_outside_the_round_is_refused(client, db):
    round_ = make_round(n_questions=1)
    stranger = make_question()

    for headers in ({}, HX):
        response = answer(client, round_, stranger, stranger.correct_choice, headers)
        assert response.status_code == 404
        assert "ne fait pas partie de ta partie" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_an_unknown_round_is_a_french_404(client, db):
    question = make_question()
    for method, url, data in [
        ("get", "/play/nope-nope", None),
        ("get", "/play/nope-nope/questions/1", None),
        ("post", "/play/nope-nope/answer", {"question_id": question.id, "choice_id": question.choices[0].id}),
    ]:
        response = getattr(client, method)(url, data=data)
        assert response.status_code == 404
        assert "Cette partie n&#39;existe pas" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0


def test_an_error_for_htmx_goes_to_the_alert_area(client, db):
    response = client.get("/play/nope-nope", headers=HX)

    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "#alerts"
    assert 'role="alert"' in response.get_data(as_text=True)
    assert "<html" not in response.get_data(as_text=True)


def test_question_page_keeps_questions_in_order(client, db):
    round_ = make_round(n_questions=3)

    ahead = client.get(f"/play/{round_.token}/questions/3")
    missing = client.get(f"/play/{round_.token}/questions/9")

    assert ahead.status_code == 303 and ahead.headers["Location"] == f"/play/{round_.token}"
    assert missing.status_code == 404


def test_question_page_shows_the_current_question_as_a_form(client, db):
    round_ = make_round(n_questions=2)

    for headers in ({}, HX):
        response = client.get(f"/play/{round_.token}/questions/1", headers=headers)
        assert response.status_code == 200
        assert 'name="choice_id"' in response.get_data(as_text=True)
        assert ("<html" in response.get_data(as_text=True)) == (not headers)


def test_a_full_round_ends_on_the_score_and_rank(client, db, clock):
    round_ = make_round(n_questions=3)
    for i, rq in enumerate(round_.round_questions):
        client.get(f"/play/{round_.token}")
        choice = rq.question.correct_choice if i != 1 else rq.question.choices[1]
        assert answer(client, round_, rq.question, choice, HX).status_code == 200

    for headers in ({}, HX):
        response = client.get(f"/play/{round_.token}", headers=headers)
        html = response.get_data(as_text=True)
        assert "Partie terminée, Zoé !" in html
        assert "2 bonnes réponses sur 3" in html
        assert "1ᵉʳ·e du classement sur 1 partie" in html
        assert ("<html" in html) == (not headers)
    finished = refreshed(db, round_)
    assert finished.finished_at == clock.now
    assert finished.score == sum(a.points for a in finished.answers) == 300


def test_the_last_question_links_to_the_result(client, db):
    round_ = make_round(n_questions=1)
    question = round_.round_questions[0].question

    html = answer(client, round_, question, question.correct_choice, HX).get_data(as_text=True)

    assert "Voir mon résultat" in html


def test_rounds_are_reachable_by_token_only(client, db):
    round_ = make_round(n_questions=1)

    assert client.get(f"/play/{round_.id}").status_code == 404
    assert len(round_.token) >= 20


def test_rank_counts_rounds_that_scored_more(client, db, clock):
    from tests.factories import make_finished_round

    make_finished_round("Alex", 500, clock.now)
    make_finished_round("Sam", 100, clock.now)
    round_ = make_round(n_questions=1)
    question = round_.round_questions[0].question
    answer(client, round_, question, question.correct_choice)

    html = client.get(f"/play/{round_.token}").get_data(as_text=True)

    assert "Tu es 2ᵉ du classement sur 3 parties." in html
    assert db.session.scalar(sa.select(Round.score).where(Round.id == round_.id)) == 100
