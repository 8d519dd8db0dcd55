"""Classroom games under load, over HTTP (``make bench``).

    python -m tests.perf.bench_game [--games N] [--players N]

Starts the server the way ``make run`` does (``flask db upgrade`` then ``flask run``, a subprocess on a free
port of 127.0.0.1 with a database of its own: a temporary SQLite file, then a fresh PostgreSQL database when
``postgresql://postgres@127.0.0.1:5432/test`` answers). Builds a published set and the games directly in the
database, joins the players through /join, opens the question, then:

1. one class: 40 players answer the same question within one second, each pressing twice (a double click);
2. 50 simultaneous games of 30 players, every player answering within the same second.

Reports p50/p95/p99 answer latency, answers lost (a player without a recorded answer) and duplicated (more
than one recorded answer for a player and question); both must be 0. Target: p99 < 100 ms for one class on
SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).with_name("flask"))
POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_P99_MS = 100
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    return match.group(1) or match.group(2)


class Server:
    """``make run`` without the content load: migrations, then ``make serve``, on its own database."""

    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.env = {**os.environ, "DATABASE_URL": database_url, "FLASK_APP": "webapp", "SECRET_KEY": "bench"}
        subprocess.run([FLASK, "db", "upgrade"], cwd=ROOT, env=self.env, check=True, capture_output=True)
        # The very command `make run` serves with; its own process group, so that stop() ends the workers too.
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={self.port}"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                requests.get(self.base + "/join", timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def build_games(database_url: str, n_games: int):
    """A teacher, a published one-question set, and `n_games` live games, written straight to the database."""
    from webapp import create_app
    from webapp.classroom import services
    from webapp.extensions import db
    from webapp.models import Article, Choice, Question, QuestionSet, SetQuestion, Teacher

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "bench"})
    with app.app_context():
        teacher = Teacher(email=f"bench-{uuid.uuid4().hex[:8]}@example.org", password_hash="x")
        text = "« Nous restons vigilants », a déclaré la ministre Claire Martin mardi."
        article = Article(title="Banc d'essai", source="Le Quotidien", text=text, checksum=uuid.uuid4().hex)
        question = Question(article=article, kind="who_quoted", prompt="Qui a dit : « Nous restons vigilants » ?",
                            explanation="La citation est suivie de « a déclaré la ministre ».",
                            evidence=[{"start": 2, "end": 24}], status="accepted", position=0,
                            choices=[Choice(text=t, position=i, is_correct=i == 0)
                                     for i, t in enumerate(["Claire Martin", "Un expert", "Le journal"])])
        question_set = QuestionSet(owner=teacher, title="Banc d'essai", status="published", default_seconds=120,
                                   set_questions=[SetQuestion(question=question, position=1)])
        db.session.add_all([teacher, question_set])
        db.session.commit()
        games = [services.start_game(teacher, question_set) for _ in range(n_games)]
        info = [(g.id, g.code) for g in games]
        choices = [c.id for c in question.choices]
        question_id = question.id
    return app, info, question_id, choices


def open_questions(app, game_ids: list[int]) -> None:
    from webapp.classroom import services
    from webapp.extensions import db
    from webapp.models import Game

    with app.app_context():
        for game_id in game_ids:
            services.open_question(db.session.get(Game, game_id), 1)


class Student:
    def __init__(self, base: str, game_id: int, code: str, nickname: str) -> None:
        self.http = requests.Session()
        self.base, self.game_id = base, game_id
        token = csrf_token(self.http.get(base + "/join", timeout=30).text)
        response = self.http.post(base + "/join", data={"csrf_token": token, "code": code, "nickname": nickname},
                                  timeout=30, allow_redirects=False)
        if response.status_code != 303:
            raise RuntimeError(f"join refused: {response.status_code}")

    def ready(self) -> None:
        self.token = csrf_token(self.http.get(f"{self.base}/game/{self.game_id}", timeout=30).text)

    def answer(self, question_id: int, choice_id: int) -> tuple[float, int]:
        start = time.perf_counter()
        response = self.http.post(
            f"{self.base}/game/{self.game_id}/answer",
            data={"csrf_token": self.token, "question_id": question_id, "choice_id": choice_id},
            headers={"HX-Request": "true", "X-CSRFToken": self.token}, timeout=60,
        )
        return (time.perf_counter() - start) * 1000, response.status_code


def percentiles(latencies: list[float]) -> str:
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return f"p50 {q[49]:6.1f} ms · p95 {q[94]:6.1f} ms · p99 {q[98]:6.1f} ms · max {max(latencies):6.1f} ms"


def run_scenario(label: str, server: Server, database_url: str, n_games: int, n_players: int,
                 presses: int) -> float:
    app, games, question_id, choices = build_games(database_url, n_games)
    with ThreadPoolExecutor(max_workers=32) as pool:
        students = list(pool.map(
            lambda args: Student(server.base, args[0][0], args[0][1], f"Élève {args[1]}"),
            [(g, i) for g in games for i in range(n_players)],
        ))
    open_questions(app, [g for g, _ in games])
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(Student.ready, students))

    # Every press starts at a random moment of the same second.
    jobs = [(s, random.choice(choices)) for s in students for _ in range(presses)]
    random.shuffle(jobs)
    start_at = time.perf_counter() + 0.2
    results: list[tuple[float, int]] = []
    lock = threading.Lock()

    def press(job):
        student, choice = job
        time.sleep(max(0.0, start_at + random.random() - time.perf_counter()))
        outcome = student.answer(question_id, choice)
        with lock:
            results.append(outcome)

    with ThreadPoolExecutor(max_workers=min(len(jobs), 256)) as pool:
        list(pool.map(press, jobs))

    latencies = [ms for ms, _ in results]
    failed = sum(1 for _, status in results if status != 200)
    from webapp.extensions import db
    from webapp.models import GameAnswer
    with app.app_context():
        per_player = db.session.execute(
            sa.select(GameAnswer.player_id, sa.func.count(GameAnswer.id))
            .where(GameAnswer.game_id.in_([g for g, _ in games]))
            .group_by(GameAnswer.player_id)
        ).all()
        db.engine.dispose()
    recorded = {player for player, _ in per_player}
    duplicated = sum(n - 1 for _, n in per_player if n > 1)
    lost = len(students) - len(recorded)
    print(f"  {label}: {len(students)} players, {len(jobs)} answer requests ({failed} not 200)")
    print(f"    {percentiles(latencies)}")
    print(f"    answers lost: {lost} · duplicated: {duplicated}")
    if lost or duplicated:
        print("    FAIL: answers must never be lost nor duplicated")
    return statistics.quantiles(latencies, n=100, method="inclusive")[98]


def postgres_database() -> str | None:
    """A fresh database next to ``test`` when PostgreSQL answers, else None."""
    from webapp.config import database_url

    try:
        admin = sa.create_engine(database_url(POSTGRES_URL, ""), isolation_level="AUTOCOMMIT",
                                 poolclass=sa.pool.NullPool, connect_args={"connect_timeout": 2})
        name = f"loupe_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    except sa.exc.OperationalError:
        return None


def drop_postgres_database(url: str) -> None:
    from webapp.config import database_url

    admin = sa.create_engine(database_url(POSTGRES_URL, ""), isolation_level="AUTOCOMMIT",
                             poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))


def bench(label: str, database_url: str, args) -> float:
    from webapp.config import database_url as sqlalchemy_url

    print(f"\n{label} — server: make serve (as make run), {database_url.split('?')[0]}")
    server = Server(database_url)
    try:
        p99 = run_scenario("one class, same question within 1 s, double clicks", server,
                           sqlalchemy_url(database_url, ""), 1, args.class_size, presses=2)
        run_scenario(f"{args.games} games of {args.players} players at once", server,
                     sqlalchemy_url(database_url, ""), args.games, args.players, presses=1)
    finally:
        server.stop()
    return p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class-size", type=int, default=40)
    parser.add_argument("--games", type=int, default=50)
    parser.add_argument("--players", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        p99 = bench("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args)
    verdict = "OK" if p99 < TARGET_P99_MS else "ABOVE TARGET"
    print(f"\none class on SQLite: p99 {p99:.1f} ms (target < {TARGET_P99_MS} ms): {verdict}")
    if (url := postgres_database()) is not None:
        try:
            bench("PostgreSQL", url, args)
        finally:
            drop_postgres_database(url)
    else:
        print("\nPostgreSQL: not answering on 127.0.0.1:5432, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
