from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ..game.forms import not_offensive
from ..play.forms import NicknameForm


class NewGameForm(FlaskForm):
    set_id = SelectField("Série de questions", coerce=int, validators=[InputRequired("Choisissez une série.")])
    mode = RadioField(
        "Déroulement",
        choices=[("live", "En direct, au rythme de la classe"), ("homework", "En devoir, chacun à son rythme")],
        default="live",
    )
    seconds = IntegerField(
        "Secondes par question (en direct)",
        validators=[Optional(), NumberRange(5, 600, "Entre 5 et 600 secondes.")],
    )
    speed_bonus = BooleanField("Bonus de rapidité (en direct)", default=True)
    deadline = DateTimeLocalField("Date limite (devoir)", validators=[Optional()])

    def validate_deadline(self, field) -> None:
        if self.mode.data == "homework" and field.data is None:
            raise ValidationError("Un devoir a besoin d'une date limite.")


class PaceForm(FlaskForm):
    """« Next » carries where the teacher's page saw the game, so that a double click moves it only once."""

    state = HiddenField(validators=[InputRequired()])
    position = IntegerField(validators=[InputRequired()])


class RenameForm(NicknameForm):
    def validate_nickname(self, field) -> None:
        not_offensive(self, field)


class NoteForm(FlaskForm):
    note = StringField("Note privée (jamais affichée au tableau)", validators=[Length(max=200)])
