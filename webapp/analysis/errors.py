"""Errors the analyser raises on input it refuses; each carries a French message for people."""


class AnalysisError(ValueError):
    """Base class: the text cannot be analysed. ``str(error)`` is a French sentence for the user."""


class EmptyTextError(AnalysisError):
    def __init__(self) -> None:
        super().__init__("Le texte est vide : collez ou importez un article.")


class TextTooLongError(AnalysisError):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"Le texte est trop long ({length:,} caractères ; {limit:,} au maximum).".replace(",", "\u202f")
        )
        self.length = length
        self.limit = limit


class UnsupportedLanguageError(AnalysisError):
    def __init__(self) -> None:
        super().__init__("Ce texte ne semble pas être en français : Loupe n'analyse que des articles en français.")
