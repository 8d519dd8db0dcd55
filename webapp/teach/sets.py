"""Question sets: building, ordering, publishing, copying; export to YAML or JSON and import back.

Never reads ``request``.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
import yaml

from ..articles import checksum
from ..extensions import db
from ..i18n import Message
from ..models import QUESTION_KINDS, Article, Choice, Game, Question, QuestionSet, Round, SetQuestion, Teacher
from .services import (
    CHOICES_MAX,
    CHOICES_MIN,
    NotFound,
    ReadOnly,
    TeachError,
    article_for,
    check_article_text,
)

FORMAT_VERSION = 1


def sets_of(teacher: Teacher) -> list[QuestionSet]:
    return list(db.session.scalars(
        sa.select(QuestionSet).where(QuestionSet.owner_id == teacher.id).order_by(QuestionSet.updated_at.desc(),
                                                                                  QuestionSet.id.desc())
    ))


def published_by_others(teacher: Teacher) -> list[QuestionSet]:
    """Colleagues' published sets (and the shipped ones): read-only, copyable."""
    return list(db.session.scalars(
        sa.select(QuestionSet)
        .where(QuestionSet.status == "published",
               sa.or_(QuestionSet.owner_id.is_(None), QuestionSet.owner_id != teacher.id))
        .order_by(QuestionSet.title)
    ))


def set_for(teacher: Teacher, set_id: int, *, write: bool = False) -> QuestionSet:
    """The set if `teacher` owns it, or it is published (read-only); otherwise not found."""
    question_set = db.session.get(QuestionSet, set_id)
    if question_set is None or (question_set.owner_id != teacher.id and not question_set.is_published):
        raise NotFound()
    if write and question_set.owner_id != teacher.id:
        raise ReadOnly("Cette série est celle d'un·e collègue : copiez-la pour la modifier.")
    return question_set


def delete_set(question_set: QuestionSet) -> None:
    """Delete a set; the games and rounds played with it keep their questions, answers and scores."""
    db.session.delete(question_set)  # games.set_id and rounds.set_id become NULL (ON DELETE SET NULL)
    db.session.commit()


def played_count(question_set: QuestionSet) -> tuple[int, int]:
    """How many class games and solo rounds played this set."""
    games = db.session.scalar(sa.select(sa.func.count(Game.id)).where(Game.set_id == question_set.id)) or 0
    rounds = db.session.scalar(sa.select(sa.func.count(Round.id)).where(Round.set_id == question_set.id)) or 0
    return games, rounds


def create_set(owner: Teacher, title: str, description: str, default_seconds: int) -> QuestionSet:
    question_set = QuestionSet(owner_id=owner.id, title=title, description=description or "",
                               default_seconds=default_seconds, status="draft")
    db.session.add(question_set)
    db.session.commit()
    return question_set


def update_set(question_set: QuestionSet, title: str, description: str, default_seconds: int) -> QuestionSet:
    question_set.title, question_set.description = title, description or ""
    question_set.default_seconds = default_seconds
    db.session.commit()
    return question_set


def live_questions(question_set: QuestionSet) -> list[SetQuestion]:
    """The set's questions in order, without those deleted since they were added."""
    return [sq for sq in question_set.set_questions if sq.question.deleted_at is None]


def candidate_questions(teacher: Teacher, question_set: QuestionSet) -> list[tuple[Article, list[Question]]]:
    """Accepted questions the teacher may add (their articles, then the shipped ones), grouped by article."""
    taken = {sq.question_id for sq in question_set.set_questions}
    articles = db.session.scalars(
        sa.select(Article).where(sa.or_(Article.owner_id == teacher.id, Article.owner_id.is_(None)))
        .order_by(Article.owner_id.is_(None), Article.id.desc())
    )
    groups = []
    for article in articles:
        questions = [q for q in article.questions
                     if q.status == "accepted" and q.deleted_at is None and q.id not in taken
                     and q.author_id in (None, article.owner_id)]
        if questions:
            groups.append((article, questions))
    return groups


def add_question(teacher: Teacher, question_set: QuestionSet, question_id: int) -> SetQuestion:
    question = db.session.get(Question, question_id)
    if question is None or question.deleted_at is not None:
        raise NotFound("Cette question n'existe pas (ou plus).")
    article_for(teacher, question.article_id)
    if question.status != "accepted":
        raise TeachError("Seules les questions acceptées peuvent entrer dans une série.")
    if any(sq.question_id == question.id for sq in question_set.set_questions):
        raise TeachError("Cette question est déjà dans la série.", 409)
    position = max((sq.position for sq in question_set.set_questions), default=0) + 1
    entry = SetQuestion(question=question, position=position)
    question_set.set_questions.append(entry)
    _touch(question_set)
    db.session.commit()
    return entry


def remove_question(question_set: QuestionSet, question_id: int) -> None:
    entry = _entry(question_set, question_id)
    question_set.set_questions.remove(entry)
    db.session.flush()
    _renumber(question_set)
    _touch(question_set)
    db.session.commit()


def move_question(question_set: QuestionSet, question_id: int, direction: str) -> None:
    """Swap the question with its neighbour above ("up") or below ("down"); at an end, nothing moves."""
    entries = list(question_set.set_questions)
    entry = _entry(question_set, question_id)
    index = entries.index(entry)
    other_index = index - 1 if direction == "up" else index + 1 if direction == "down" else None
    if other_index is None:
        raise TeachError("Direction inconnue.", 400)
    if not 0 <= other_index < len(entries):
        return
    other = entries[other_index]
    # Unique (set_id, position): park one row outside the range while the other takes its place.
    first, second = entry.position, other.position
    entry.position = -1
    db.session.flush()
    other.position = first
    db.session.flush()
    entry.position = second
    _touch(question_set)
    db.session.commit()
    db.session.refresh(question_set)


def _entry(question_set: QuestionSet, question_id: int) -> SetQuestion:
    entry = next((sq for sq in question_set.set_questions if sq.question_id == question_id), None)
    if entry is None:
        raise NotFound("Cette question n'est pas dans la série.")
    return entry


def _renumber(question_set: QuestionSet) -> None:
    entries = sorted(question_set.set_questions, key=lambda sq: sq.position)
    for offset, entry in enumerate(entries):  # two passes: never two rows on one position
        entry.position = -(offset + 1)
    db.session.flush()
    for offset, entry in enumerate(entries, 1):
        entry.position = offset
    db.session.flush()


def _touch(question_set: QuestionSet) -> None:
    question_set.updated_at = sa.func.now()


def set_published(question_set: QuestionSet, published: bool) -> QuestionSet:
    if published:
        playable = [sq for sq in live_questions(question_set) if sq.question.status == "accepted"]
        if not playable:
            raise TeachError("Ajoutez au moins une question acceptée avant de publier la série.")
    question_set.status = "published" if published else "draft"
    _touch(question_set)
    db.session.commit()
    return question_set


def copy_set(question_set: QuestionSet, teacher: Teacher) -> QuestionSet:
    """A draft copy for `teacher`, with the same questions in the same order."""
    copy = QuestionSet(owner_id=teacher.id, title=f"Copie de {question_set.title}"[:200],
                       description=question_set.description, default_seconds=question_set.default_seconds,
                       status="draft")
    for position, entry in enumerate(live_questions(question_set), 1):
        copy.set_questions.append(SetQuestion(question_id=entry.question_id, position=position))
    db.session.add(copy)
    db.session.commit()
    return copy


# Export and import

def export_document(question_set: QuestionSet) -> dict[str, Any]:
    """The set as a plain document: every article with its text, so that another Loupe can import it."""
    questions = []
    for entry in live_questions(question_set):
        q = entry.question
        article = q.article
        questions.append({
            "article": {"title": article.title, "source": article.source, "checksum": article.checksum,
                        "text": article.text},
            "kind": q.kind,
            "prompt": q.prompt,
            "choices": [c.text for c in q.choices],
            "answer": next((i for i, c in enumerate(q.choices) if c.is_correct), 0),
            "explanation": q.explanation,
            "evidence": [{"start": e["start"], "end": e["end"], "text": article.text[e["start"]:e["end"]]}
                         for e in q.evidence or []],
        })
    return {
        "loupe_set": FORMAT_VERSION,
        "title": question_set.title,
        "description": question_set.description,
        "default_seconds": question_set.default_seconds,
        "questions": questions,
    }


def dump(document: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def parse(raw: bytes | str, filename: str) -> dict:
    """The document in an uploaded set file (YAML or JSON), or a :class:`TeachError` saying what is wrong."""
    if isinstance(raw, bytes):
        if b"\x00" in raw:
            raise TeachError("Ce fichier n'est pas un texte (il contient des données binaires).", 415)
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TeachError("Ce fichier n'est pas en UTF-8.") from None
    lower = (filename or "").lower()
    try:
        if lower.endswith(".json"):
            document = json.loads(raw)
        elif lower.endswith((".yaml", ".yml")):
            document = yaml.safe_load(raw)
        else:
            raise TeachError("Envoyez un fichier .yaml, .yml ou .json exporté depuis Loupe.", 415)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        line = getattr(error, "lineno", None) if line is None else line + 1
        if line:
            raise TeachError("Le fichier est illisible (ligne %(line)s) : ce n'est pas du YAML ou du JSON valide.",
                             line=line) from None
        raise TeachError("Le fichier est illisible : ce n'est pas du YAML ou du JSON valide.") from None
    if not isinstance(document, dict):
        raise TeachError("Le fichier ne décrit pas une série : il faut un titre et une liste de questions.")
    return document


def validate_document(document: dict) -> list[str]:
    """Every problem of an imported document (French messages), with the number of the question concerned."""
    problems = []
    if not isinstance(document.get("title"), str) or not document["title"].strip():
        problems.append(Message("« title » : le titre de la série manque."))
    elif len(document["title"]) > 200:
        problems.append(Message("« title » : 200 caractères au plus."))
    if not isinstance(document.get("description", ""), str):
        problems.append(Message("« description » doit être un texte."))
    seconds = document.get("default_seconds", 30)
    if not isinstance(seconds, int) or isinstance(seconds, bool) or not 5 <= seconds <= 600:
        problems.append(Message("« default_seconds » doit être un nombre entier de secondes entre 5 et 600."))
    questions = document.get("questions")
    if not isinstance(questions, list) or not questions:
        problems.append(Message("« questions » : la série doit contenir au moins une question."))
        return problems
    for number, q in enumerate(questions, 1):
        if not isinstance(q, dict):
            problems.append(Message("Question %(number)s : ce n'est pas une question.", number=number))
            continue
        article = q.get("article")
        if not isinstance(article, dict) or not (isinstance(article.get("text"), str) or
                                                  isinstance(article.get("checksum"), str)):
            problems.append(Message("Question %(number)s : « article » doit donner le texte de l'article (ou sa somme de contrôle).",
                                    number=number))
            article = {}
        elif isinstance(article.get("text"), str) and isinstance(article.get("checksum"), str) \
                and checksum(article["text"]) != article["checksum"]:
            problems.append(Message("Question %(number)s : le texte de l'article ne correspond pas à sa somme de contrôle.",
                                    number=number))
        if q.get("kind") not in QUESTION_KINDS:
            problems.append(Message("Question %(number)s : « kind » doit être l'un de %(kinds)s.", number=number,
                                        kinds=", ".join(QUESTION_KINDS)))
        if not isinstance(q.get("prompt"), str) or not q["prompt"].strip():
            problems.append(Message("Question %(number)s : l'énoncé (« prompt ») est vide.", number=number))
        choices = q.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) and c.strip() for c in choices):
            problems.append(Message("Question %(number)s : « choices » doit être une liste de textes non vides.",
                                    number=number))
        else:
            if not CHOICES_MIN <= len(choices) <= CHOICES_MAX:
                problems.append(Message("Question %(number)s : il faut entre %(min)s et %(max)s choix.", number=number,
                                        min=CHOICES_MIN, max=CHOICES_MAX))
            if len({" ".join(c.casefold().split()) for c in choices}) != len(choices):
                problems.append(Message("Question %(number)s : deux choix sont identiques.", number=number))
            answer = q.get("answer")
            if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(choices):
                problems.append(Message("Question %(number)s : « answer » doit être le numéro (à partir de 0) d'un des choix.",
                                        number=number))
        if not isinstance(q.get("explanation"), str) or not q["explanation"].strip():
            problems.append(Message("Question %(number)s : l'explication est vide.", number=number))
        evidence = q.get("evidence")
        text = article.get("text") if isinstance(article.get("text"), str) else None
        if not isinstance(evidence, list) or not evidence:
            problems.append(Message("Question %(number)s : « evidence » doit donner au moins un passage (start, end).",
                                    number=number))
        else:
            for span in evidence:
                s, e = (span.get("start"), span.get("end")) if isinstance(span, dict) else (None, None)
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e):
                    problems.append(Message("Question %(number)s : un passage n'a pas de début et de fin valides.",
                                            number=number))
                elif text is not None and e > len(text):
                    problems.append(Message("Question %(number)s : un passage sort du texte de l'article.",
                                            number=number))
                elif text is not None and isinstance(span.get("text"), str) and text[s:e] != span["text"]:
                    problems.append(Message("Question %(number)s : le passage %(start)s–%(end)s ne correspond pas au texte "
                                            "indiqué.", number=number, start=s, end=e))
    return problems


def import_document(document: dict, owner: Teacher | None, *, status: str = "draft") -> QuestionSet:
    """A new set from a validated document, in one transaction; articles and identical questions are reused.

    `owner` None: a shipped set (``flask content load``), which every teacher sees.
    """
    if problems := validate_document(document):
        raise TeachError("Ce fichier de série n'est pas valide :\n%(problems)s", problems=Message.join("\n", problems))
    question_set = QuestionSet(owner_id=owner.id if owner else None, title=document["title"].strip(),
                               description=(document.get("description") or "").strip(),
                               default_seconds=document.get("default_seconds", 30), status=status)
    try:
        articles: dict[str, Article] = {}
        for position, q in enumerate(document["questions"], 1):
            article = _article_for_import(q["article"], owner, articles)
            question = _matching_question(article, q) or _new_imported_question(article, q, owner)
            if any(sq.question is question for sq in question_set.set_questions):
                raise TeachError("Question %(number)s : elle figure deux fois dans la série.", number=position)
            question_set.set_questions.append(SetQuestion(question=question, position=position))
        db.session.add(question_set)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return question_set


def _article_for_import(spec: dict, owner: Teacher | None, cache: dict[str, Article]) -> Article:
    text = spec.get("text")
    digest = checksum(text) if isinstance(text, str) else spec["checksum"]
    if digest in cache:
        return cache[digest]
    article = db.session.scalar(sa.select(Article).where(Article.checksum == digest))
    if article is None:
        if not isinstance(text, str):
            raise TeachError("L'article « %(title)s » n'est pas dans Loupe : le fichier doit donner son texte.",
                             title=spec.get("title") or digest[:12])
        check_article_text(text)
        if text != text.strip():
            raise TeachError("L'article « %(title)s » commence ou finit par des blancs.", title=spec.get("title"))
        article = Article(title=str(spec.get("title") or "Sans titre")[:300],
                          source=str(spec.get("source") or "Source non précisée")[:200], language="fr", text=text,
                          checksum=digest, owner_id=owner.id if owner else None, analysis_status="done")
        db.session.add(article)
        db.session.flush()
    cache[digest] = article
    return article


def _matching_question(article: Article, spec: dict) -> Question | None:
    evidence = [{"start": e["start"], "end": e["end"]} for e in spec["evidence"]]
    for question in article.questions:
        if (question.deleted_at is None and question.status == "accepted" and question.kind == spec["kind"]
                and question.prompt == spec["prompt"] and question.explanation == spec["explanation"]
                and [c.text for c in question.choices] == spec["choices"]
                and question.correct_choice is question.choices[spec["answer"]]
                and question.evidence == evidence):
            return question
    return None


def _new_imported_question(article: Article, spec: dict, owner: Teacher | None) -> Question:
    position = max((q.position for q in article.questions), default=-1) + 1
    question = Question(
        kind=spec["kind"], prompt=spec["prompt"], explanation=spec["explanation"],
        evidence=[{"start": e["start"], "end": e["end"]} for e in spec["evidence"]], difficulty=0.5,
        status="accepted", position=position, author_id=owner.id if owner else None,
        choices=[Choice(text=text, position=i, is_correct=i == spec["answer"]) for i, text in enumerate(spec["choices"])],
    )
    article.questions.append(question)
    db.session.flush()
    return question


def load_set_file(path, *, status: str = "published") -> tuple[QuestionSet, bool]:
    """A shipped set from content/sets; a set with the same title already there is left alone (re-running
    changes nothing). Returns the set and whether it was added."""
    from pathlib import Path

    path = Path(path)
    document = parse(path.read_bytes(), path.name)
    existing = db.session.scalar(
        sa.select(QuestionSet).where(QuestionSet.owner_id.is_(None), QuestionSet.title == document.get("title"))
    )
    if existing is not None:
        return existing, False
    return import_document(document, None, status=status), True
