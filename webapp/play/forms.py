from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

NICKNAME_MIN, NICKNAME_MAX = 2, 24


def _clean(value: str | None) -> str | None:
    """Trimmed, with inner runs of spaces made one."""
    return " ".join(value.split()) if isinstance(value, str) else value


class NicknameForm(FlaskForm):
    nickname = StringField(
        "Ton pseudo",
        filters=[_clean],
        validators=[
            DataRequired("Choisis un pseudo pour jouer."),
            Length(
                NICKNAME_MIN,
                NICKNAME_MAX,
                f"Ton pseudo doit faire entre {NICKNAME_MIN} et {NICKNAME_MAX} caractères.",
            ),
            # \w is Unicode: accented letters are welcome, so are digits and "_".
            Regexp(
                r"^[\w \-]+$",
                message="Ton pseudo ne peut contenir que des lettres, des chiffres, des espaces, « - » et « _ ».",
            ),
        ],
    )


class AnswerForm(FlaskForm):
    """The choice comes from the button the student pressed; the question says which one it answers."""

    question_id = IntegerField(validators=[InputRequired()])
    choice_id = IntegerField(validators=[InputRequired()])
