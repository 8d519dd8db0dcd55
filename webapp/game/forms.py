from wtforms import StringField
from wtforms.validators import DataRequired, Regexp, ValidationError

from ..classroom.nicknames import is_offensive
from ..play.forms import NicknameForm


def not_offensive(form, field) -> None:
    """The class sees every nickname on the projector: no insults, however they are spelt."""
    if field.data and is_offensive(field.data):
        raise ValidationError("Ce pseudo n'est pas accepté en classe. Choisis-en un autre.")


class JoinForm(NicknameForm):
    """The code shown on the projector and a nickname, validated as for a solo round."""

    code = StringField(
        "Code de la partie",
        filters=[lambda v: "".join(v.split()) if isinstance(v, str) else v],
        validators=[
            DataRequired("Tape le code à 6 chiffres affiché au tableau."),
            Regexp(r"^\d{6}$", message="Le code est fait de 6 chiffres."),
        ],
    )

    def validate_nickname(self, field) -> None:
        not_offensive(self, field)

