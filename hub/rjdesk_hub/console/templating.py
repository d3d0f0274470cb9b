"""How the console's pages are rendered: the Jinja environment, the service navigation, and
``render``/``page`` for routes (every page module uses these; ``web`` builds the environment).

A signed-in page is ``page(request, view, "cases/list.html", rows=...)``: the template gets the
person (the layout shows their name, Sign out and the idle warning), the CSRF token its forms
carry (``{{ csrf_field() }}``), ``can(action)`` for showing only what the role may do, and
``request``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape
from starlette.responses import Response

from rjdesk_hub.console.permissions import Action, allows
from rjdesk_hub.console.static import Assets
from rjdesk_hub.service import Hub

if TYPE_CHECKING:
    from rjdesk_hub.console.sessions import SessionView

SERVICE_NAME = "RJ hub"


@dataclass(frozen=True)
class NavItem:
    """One entry of the service navigation; a page names its ``key`` as ``current_nav``.
    ``needs`` names the ``Action`` a role must have to see it ("" for everyone signed in): the
    layout hides an item its person cannot use."""

    key: str
    label: str
    href: str
    needs: str = ""


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("overview", "Overview", "/"),
    NavItem("referrals", "Referrals", "/referrals", Action.READ_CASES.name),
    NavItem("cases", "Cases", "/cases", Action.READ_CASES.name),
    NavItem("laptops", "Facilitators and laptops", "/laptops", Action.READ_CASES.name),
    NavItem("conflicts", "Conflicts", "/conflicts", Action.READ_CASES.name),
    NavItem("returns", "Returns", "/returns", Action.READ_RETURNS.name),
    NavItem("audit", "Audit", "/audit", Action.READ_AUDIT.name),
)


def govuk_environment(package: str) -> Environment:
    """A Jinja environment over ``package``'s ``templates/`` and GOV.UK Frontend's macros
    (``govuk_frontend_jinja/components/<name>/macro.html``), autoescaping on (the console's, and
    the referral forms')."""
    return Environment(
        loader=ChoiceLoader(
            [
                PackageLoader(package, "templates"),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the templates are package data: no stat of each file per page
    )


def make_environment(assets: Assets) -> Environment:
    """The Jinja environment of the console's pages."""
    environment = govuk_environment("rjdesk_hub.console")
    environment.globals.update(
        service_name=SERVICE_NAME, navigation=NAVIGATION, static_url=assets.url
    )
    return environment


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """``template`` rendered for ``request`` (which the template sees as ``request``)."""
    environment: Environment = request.app.state.templates
    html = environment.get_template(template).render(request=request, **(context or {}))
    return HTMLResponse(html, status_code=status_code)


def page_context(view: SessionView) -> dict[str, Any]:
    """What a signed-in page gives its template: the person, the CSRF token its forms carry,
    and ``can(action)``."""

    def can(action: Action | str) -> bool:
        """Whether the person's role may do ``action`` (an ``Action`` or its name, "ASSIGN")."""
        return allows(view.role, Action[action] if isinstance(action, str) else action)

    return {"person": view, "csrf_token": view.csrf_token, "can": can}


def page(
    request: Request, view: SessionView, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """A signed-in page: ``template`` with ``page_context(view)`` and ``context``."""
    return render(request, template, {**page_context(view), **context}, status_code=status_code)


def hub_of(request: Request) -> Hub:
    """The hub a console request is served by."""
    hub: Hub = request.app.state.hub
    return hub


def redirect(to: str) -> Response:
    """See other (303): where a POST sends the browser once it is done."""
    return RedirectResponse(to, status_code=303)
