"""``flask teacher create EMAIL``: the first account, made by the operator (prompts for the password twice)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from .forms import PASSWORD_MIN

teacher = AppGroup("teacher", help="Les comptes enseignants.")


@teacher.command("create")
@click.argument("email")
@click.password_option("--password", prompt="Mot de passe", confirmation_prompt="Mot de passe (encore)")
def create_teacher_command(email: str, password: str) -> None:
    """Crée le compte enseignant EMAIL."""
    from .services import AccountError, create_teacher

    if len(password) < PASSWORD_MIN:
        raise click.ClickException(f"Le mot de passe doit faire au moins {PASSWORD_MIN} caractères.")
    try:
        created = create_teacher(email, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Compte enseignant créé : {created.email}")
