"""Nothing a page loads comes from another origin (no CDN, font service, tracker or map
tiles: KVKK article 9 and DESIGN §4), and every page carries a Content Security Policy.

Signed in as each kind of person, the crawler follows every same-origin link from `/`,
`/me/` and `/staff/` (breadth first, bounded), and reads each HTML page's scripts, styles,
images, frames, media, icons, `style` attributes and `<style>` blocks, and each same-origin
stylesheet's `url(...)` and `@import`. Links to other sites (`<a href>`: the social accounts,
quick exit) are not loads and are allowed.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.platform.matrix_world import build_world

pytestmark = pytest.mark.django_db

START = ("/", "/me/", "/staff/")
MAX_PAGES = 150  # per person: enough to reach every kind of page, bounded in time
MAX_PER_PATH = 2  # a path with many query strings (filters, pages) is visited twice at most
NOT_FOLLOWED = (
    "/accounts/logout/",  # would end the crawl's session
    "/i18n/setlang/",
)
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href",),
    "use": ("href",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []
        self.stylesheets: list[str] = []
        self.forms: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "link" and attributes.get("href"):
            self.loads.append(attributes["href"])
            if "stylesheet" in (attributes.get("rel") or ""):
                self.stylesheets.append(attributes["href"])
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name) or attributes.get(f"xlink:{name}")
            if value:
                if name == "srcset":
                    self.loads += [part.split()[0] for part in value.split(",") if part.strip()]
                else:
                    self.loads.append(value)
        if tag == "form" and attributes.get("action"):
            self.forms.append(attributes["action"])
        if attributes.get("style"):
            self.loads += css_urls(attributes["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.loads += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(css)]


def other_origin(url: str) -> bool:
    """Loaded from elsewhere: an absolute or protocol-relative address of another host."""
    if url.startswith(("data:", "#", "blob:")):
        return False
    parts = urlsplit(url)
    return (bool(parts.netloc) and parts.netloc != "testserver") or parts.scheme not in ("", "http")


def crawl(client) -> tuple[int, list[str], list[str]]:
    """(pages read, what was loaded from elsewhere, pages without a CSP)."""
    queue = deque(START)
    seen: set[str] = set(START)
    per_path: dict[str, int] = {}
    checked_css: set[str] = set()
    foreign: list[str] = []
    without_csp: list[str] = []
    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302):
            target = urljoin(url, response["Location"])
            if not other_origin(target) and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        if "Content-Security-Policy" not in response:
            without_csp.append(url)
        page = Page()
        page.feed(response.content.decode())
        foreign += [f"{url} loads {load}" for load in page.loads if other_origin(load)]
        foreign += [f"{url} posts to {action}" for action in page.forms if other_origin(action)]
        for sheet in page.stylesheets:
            address = urljoin(url, sheet)
            if other_origin(address) or address in checked_css:
                continue
            checked_css.add(address)
            sheet_response = client.get(address)
            body = (
                b"".join(sheet_response.streaming_content)
                if sheet_response.streaming
                else sheet_response.content
            )
            css = body.decode()
            foreign += [f"{address} loads {load}" for load in css_urls(css) if other_origin(load)]
        for link in page.links:
            target = urljoin(url, link).split("#")[0]
            parts = urlsplit(target)
            if other_origin(target) or target in seen or parts.path.startswith(NOT_FOLLOWED):
                continue
            if per_path.get(parts.path, 0) >= MAX_PER_PATH:
                continue
            per_path[parts.path] = per_path.get(parts.path, 0) + 1
            seen.add(target)
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages, foreign, without_csp


@pytest.mark.parametrize("role", ["visitor", "volunteer", "coordinator", "administrator"])
def test_no_page_loads_anything_from_another_origin(role):
    client = build_world().client(role)

    pages, foreign, without_csp = crawl(client)

    assert pages >= 10, "the crawl reached too few pages to mean anything"
    assert foreign == []
    assert without_csp == []


def test_the_crawler_sees_a_script_from_another_origin():
    """The check itself can fail: a page that loads from a CDN is reported."""
    page = Page()
    page.feed(
        '<script src="https://cdn.example.com/htmx.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<div style="background: url(https://tiles.example.com/1.png)"></div>'
        '<img src="/static/esit/logo.svg"><a href="https://www.instagram.com/izbbkadin/">x</a>'
    )

    assert [load for load in page.loads if other_origin(load)] == [
        "https://cdn.example.com/htmx.js",
        "//fonts.example.com/a.css",
        "https://tiles.example.com/1.png",
    ]
    assert not other_origin("/static/esit/logo.svg")
