from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional
from wtforms.widgets import Select

from ..i18n import gettext
from .services import CHOICES_MAX

KIND_CHOICES = [
    ("who_quoted", "Qui parle ? (attribution d'une citation)"),
    ("figure_source", "D'où vient ce chiffre ? (source d'un chiffre)"),
    ("editorializing", "Fait ou opinion ? (repérer l'éditorialisation)"),
    ("free", "Question libre à choix multiples"),
]


class TranslatedSelect(Select):
    """A drop-down whose option labels are French keys, translated when the form is rendered."""

    @classmethod
    def render_option(cls, value, label, selected, **kwargs):
        return super().render_option(value, gettext(label), selected, **kwargs)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ArticleForm(FlaskForm):
    """Paste the text or upload a file; title, outlet and date describe it."""

    title = StringField("Titre", filters=[_strip], validators=[Optional(), Length(max=300, message="300 caractères au plus.")])
    source = StringField("Média", filters=[_strip], validators=[Optional(), Length(max=200, message="200 caractères au plus.")])
    published_on = StringField(
        "Date de publication", filters=[_strip], validators=[Optional(), Length(max=32, message="32 caractères au plus.")]
    )
    text = TextAreaField("Texte de l'article", validators=[Optional()])
    file = FileField("… ou un fichier (.txt, .md, .html)")


class QuestionForm(FlaskForm):
    kind = SelectField("Type de question", choices=KIND_CHOICES, widget=TranslatedSelect(),
                       validators=[InputRequired("Choisissez le type.")])
    prompt = TextAreaField("Énoncé", filters=[_strip])
    choice_1 = StringField("Choix 1", filters=[_strip])
    choice_2 = StringField("Choix 2", filters=[_strip])
    choice_3 = StringField("Choix 3", filters=[_strip])
    choice_4 = StringField("Choix 4", filters=[_strip])
    choice_5 = StringField("Choix 5", filters=[_strip])
    answer = RadioField(
        "Bonne réponse", choices=[(str(i), f"Choix {i}") for i in range(1, CHOICES_MAX + 1)], validators=[Optional()],
        validate_choice=False,
    )
    explanation = TextAreaField("Explication (montrée après la réponse)", filters=[_strip])
    evidence_start = IntegerField("Début du passage (caractère)", validators=[Optional(), NumberRange(min=0)])
    evidence_end = IntegerField("Fin du passage (caractère)", validators=[Optional(), NumberRange(min=0)])
    evidence_text = TextAreaField("Passage qui justifie la réponse", filters=[_strip])

    @property
    def choice_fields(self):
        return [self[f"choice_{i}"] for i in range(1, CHOICES_MAX + 1)]


class StatusForm(FlaskForm):
    status = HiddenField(validators=[InputRequired()])


class SetForm(FlaskForm):
    title = StringField("Titre", filters=[_strip], validators=[
        InputRequired("Donnez un titre à la série."), Length(max=200, message="200 caractères au plus.")
    ])
    description = TextAreaField("Description", filters=[_strip], validators=[
        Optional(), Length(max=2000, message="2 000 caractères au plus.")
    ])
    default_seconds = IntegerField("Temps par question (secondes)", default=30, validators=[
        InputRequired("Indiquez un temps par question."),
        NumberRange(5, 600, "Entre 5 et 600 secondes."),
    ])


class AddQuestionForm(FlaskForm):
    question_id = IntegerField(validators=[InputRequired()])


class MoveForm(FlaskForm):
    direction = HiddenField(validators=[InputRequired()])


class ImportSetForm(FlaskForm):
    file = FileField("Fichier de série (.yaml, .yml ou .json)")
