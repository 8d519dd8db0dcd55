from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

PASSWORD_MIN = 10


def _email(value: str | None) -> str | None:
    return value.strip().lower() if isinstance(value, str) else value


class EmptyForm(FlaskForm):
    """A button-only POST (log out, accept, delete...) still carries its CSRF token."""


class LoginForm(FlaskForm):
    email = EmailField("Adresse e-mail", filters=[_email], validators=[DataRequired("Indiquez votre adresse e-mail.")])
    password = PasswordField("Mot de passe", validators=[DataRequired("Indiquez votre mot de passe.")])


def _new_password(label: str = "Mot de passe") -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired("Choisissez un mot de passe."),
            Length(PASSWORD_MIN, 256, f"Le mot de passe doit faire au moins {PASSWORD_MIN} caractères."),
        ],
    )


class SignupForm(FlaskForm):
    email = EmailField(
        "Adresse e-mail",
        filters=[_email],
        validators=[DataRequired("Indiquez votre adresse e-mail."), Length(max=254, message="Adresse trop longue.")],
    )
    password = _new_password()
    confirm = PasswordField(
        "Mot de passe (encore)", validators=[EqualTo("password", "Les deux mots de passe ne sont pas identiques.")]
    )
    invite_code = StringField("Code d'invitation", validators=[DataRequired("Indiquez le code d'invitation.")])


class PasswordForm(FlaskForm):
    current = PasswordField("Mot de passe actuel", validators=[DataRequired("Indiquez votre mot de passe actuel.")])
    password = _new_password("Nouveau mot de passe")
    confirm = PasswordField(
        "Nouveau mot de passe (encore)",
        validators=[EqualTo("password", "Les deux mots de passe ne sont pas identiques.")],
    )
