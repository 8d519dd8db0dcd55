"""The migration history builds, from empty, exactly the schema the models describe."""

from __future__ import annotations

import flask_migrate
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from tests.conftest import make_test_app
from tests.factories import make_question, make_round
from webapp.extensions import db
from webapp.models import Answer


def test_upgrade_from_empty_matches_the_models(db_url):
    app = make_test_app(db_url)
    with app.app_context():
        flask_migrate.upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            tables = set(sa.inspect(conn).get_table_names())
        db.session.remove()
        for engine in db.engines.values():
            engine.dispose()

    assert diff == []
    assert {"articles", "questions", "choices", "players", "rounds", "round_questions", "answers"} <= tables


def test_downgrade_to_base_and_back(db_url):
    app = make_test_app(db_url)
    with app.app_context():
        flask_migrate.upgrade()
        flask_migrate.downgrade(revision="base")
        with db.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
        flask_migrate.upgrade()
        for engine in db.engines.values():
            engine.dispose()


def test_the_database_refuses_a_second_answer_to_a_question_of_a_round(app, db):
    round_ = make_round(n_questions=1)
    question = round_.round_questions[0].question
    for choice in (question.choices[0], question.choices[1]):
        db.session.add(Answer(round=round_, question=question, choice=choice, correct=False, points=0))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_the_database_refuses_an_answer_to_a_question_outside_the_round(app, db):
    round_ = make_round(n_questions=1)
    stranger = make_question()
    db.session.add(Answer(round=round_, question=stranger, choice=stranger.choices[0], correct=True, points=100))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
