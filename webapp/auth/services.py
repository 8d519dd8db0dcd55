"""Accounts: creating teachers, checking passwords, the ``teacher_required`` guard. Never reads ``request``."""

from __future__ import annotations

import hmac
import re
from functools import wraps

import sqlalchemy as sa
from flask_login import current_user
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db, login
from ..models import Teacher

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Checked when the email is unknown, so that a failure takes as long whether the account exists or not.
_DUMMY_HASH = generate_password_hash("not a real password")


class AccountError(Exception):
    """A refused account operation; the message is French, for the teacher."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def create_teacher(email: str, password: str) -> Teacher:
    """A new teacher account; raises :class:`AccountError` for a malformed or taken email."""
    email = normalize_email(email)
    if not _EMAIL.match(email):
        raise AccountError("Cette adresse e-mail n'est pas valide.")
    if db.session.scalar(sa.select(Teacher.id).where(Teacher.email == email)) is not None:
        raise AccountError("Un compte existe déjà avec cette adresse. Connectez-vous.")
    # werkzeug's default is scrypt, a memory-hard key derivation function.
    teacher = Teacher(email=email, password_hash=generate_password_hash(password))
    db.session.add(teacher)
    db.session.commit()
    return teacher


def authenticate(email: str, password: str) -> Teacher | None:
    """The teacher with this email and password, else None (without telling which one was wrong)."""
    teacher = db.session.scalar(sa.select(Teacher).where(Teacher.email == normalize_email(email)))
    if teacher is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return teacher if check_password_hash(teacher.password_hash, password) else None


def invite_code_matches(expected: str | None, given: str) -> bool:
    """Sign-up is closed when no code is configured; otherwise the code must match (compared in constant time)."""
    return bool(expected) and hmac.compare_digest(expected.encode(), given.strip().encode())


def change_password(teacher: Teacher, current: str, new: str) -> None:
    if not check_password_hash(teacher.password_hash, current):
        raise AccountError("Le mot de passe actuel n'est pas le bon.")
    teacher.password_hash = generate_password_hash(new)
    db.session.commit()


@login.user_loader
def load_teacher(teacher_id: str) -> Teacher | None:
    return db.session.get(Teacher, int(teacher_id)) if teacher_id.isdigit() else None


def teacher_required(view):
    """Only for a logged-in teacher: anyone else goes to the login page (and comes back after)."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            return login.unauthorized()
        return view(*args, **kwargs)

    return guarded
