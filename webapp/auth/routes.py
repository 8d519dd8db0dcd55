from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, request, url_for
from flask_login import current_user, login_user, logout_user

from ..errors import render_error
from ..extensions import limiter
from ..i18n import Message
from ..rendering import render
from . import bp, services
from .forms import EmptyForm, LoginForm, PasswordForm, SignupForm
from .services import teacher_required

LOGIN_FAILED = "Adresse e-mail ou mot de passe incorrect."
TOO_MANY = "Trop de tentatives de connexion. Attendez quelques minutes avant de réessayer."


def _account_key() -> str:
    return "login-account:" + services.normalize_email(request.form.get("email", ""))


def _failed(response) -> bool:
    """Only failed attempts count against the limits: a teacher who logs in often is not slowed down."""
    return response.status_code != 303


def _safe_next(target: str | None) -> str:
    """Where to go after logging in: only a path of this site (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("teach.dashboard")


@bp.app_errorhandler(429)
def too_many_requests(error):
    return render_error(429, TOO_MANY)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=_failed)
@limiter.limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], key_func=_account_key, methods=["POST"],
    deduct_when=_failed,
)
def login():
    """The teachers' login; students never need it."""
    if current_user.is_authenticated:
        return redirect(_safe_next(request.args.get("next")), 303)
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        teacher = services.authenticate(form.email.data, form.password.data)
        if teacher is not None:
            login_user(teacher)
            return redirect(_safe_next(request.args.get("next")), 303)
        failed = True
    status = 401 if failed else (422 if form.errors else 200)
    return render("auth/login.html", "auth/_login.html", status, form=form, failed=failed,
                  signup_open=bool(current_app.config.get("TEACHER_INVITE_CODE")))


@bp.post("/logout")
def logout():
    if EmptyForm().validate_on_submit():
        logout_user()
        flash("Vous êtes déconnecté·e.")
    return redirect(url_for("play.home"), 303)


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"], deduct_when=_failed)
def signup():
    """Sign-up with the operator's invitation code; closed (404) when no code is configured."""
    expected = current_app.config.get("TEACHER_INVITE_CODE")
    if not expected:
        return render_error(404, "L'inscription est fermée : demandez un compte à l'administrateur de Loupe.")
    form = SignupForm()
    error = None
    if form.validate_on_submit():
        if not services.invite_code_matches(expected, form.invite_code.data):
            error = Message("Ce code d'invitation n'est pas valide.")
        else:
            try:
                teacher = services.create_teacher(form.email.data, form.password.data)
            except services.AccountError as exc:
                error = str(exc)
            else:
                login_user(teacher)
                flash("Bienvenue ! Votre compte est créé.")
                return redirect(url_for("teach.dashboard"), 303)
    status = 422 if (form.errors or error) else 200
    return render("auth/signup.html", "auth/_signup.html", status, form=form, error=error)


@bp.route("/password", methods=["GET", "POST"])
@teacher_required
def password():
    form = PasswordForm()
    error = None
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.password.data)
        except services.AccountError as exc:
            error = str(exc)
        else:
            flash("Votre mot de passe a été changé.")
            return redirect(url_for("teach.dashboard"), 303)
    status = 422 if (form.errors or error) else 200
    return render("auth/password.html", "auth/_password.html", status, form=form, error=error)
