"""Error pages in the app's style and in French; a 500 rolls back the session first."""

from __future__ import annotations

from flask import Blueprint
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .extensions import db, htmx
from .rendering import render

bp = Blueprint("errors", __name__)

TITLES = {
    400: "Requête invalide",
    403: "Accès refusé",
    404: "Page introuvable",
    405: "Méthode non autorisée",
    413: "Fichier trop gros",
    429: "Trop de tentatives",
    500: "Erreur du serveur",
}

MESSAGES = {
    400: "Le formulaire envoyé n'est pas valide. Recharge la page et réessaie.",
    403: "Tu n'as pas le droit d'accéder à cette page.",
    404: "Cette page n'existe pas (ou plus). Vérifie l'adresse ou repars de l'accueil.",
    405: "Cette adresse ne s'utilise pas de cette façon. Repars de l'accueil.",
    500: "Quelque chose s'est mal passé de notre côté. Ta partie est enregistrée : réessaie dans un instant.",
}

CSRF_MESSAGE = (
    "Le formulaire a expiré ou ne vient pas de Loupe (jeton de sécurité manquant ou invalide). "
    "Recharge la page et réessaie."
)


def render_error(status: int, message: str | None = None):
    """The error page, or for htmx a message shown in the page's alert area (the question stays)."""
    response = render(
        "errors/error.html",
        "errors/_error.html",
        status=status,
        status_code=status,
        title=TITLES.get(status, TITLES[400] if status < 500 else TITLES[500]),
        message=message or MESSAGES.get(status, MESSAGES[400] if status < 500 else MESSAGES[500]),
    )
    if htmx:
        response.headers["HX-Retarget"] = "#alerts"
        response.headers["HX-Reswap"] = "innerHTML"
    return response


@bp.app_errorhandler(CSRFError)
def csrf_error(error: CSRFError):
    return render_error(400, CSRF_MESSAGE)


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    # A message given with abort(404, "...") is ours, in French; werkzeug's defaults are English.
    own = error.description if error.description != type(error).description else None
    if error.code >= 500:
        # Whatever the request half-wrote must not be committed by a later use of the session.
        db.session.rollback()
    return render_error(error.code, own)
