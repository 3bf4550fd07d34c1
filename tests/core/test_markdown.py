"""Markdown becomes sanitised HTML: no script, no event handler, no `javascript:` link."""

from esit.core import markdown as rendering


def test_markdown_is_rendered():
    html = rendering.to_html("**Kalın** ve *eğik*, [bağlantı](https://izmir.bel.tr)")
    assert "<strong>Kalın</strong>" in html
    assert "<em>eğik</em>" in html
    assert 'href="https://izmir.bel.tr"' in html
    assert 'rel="noopener noreferrer"' in html


def test_a_script_is_removed_with_its_content_and_the_preview_is_told():
    rendered = rendering.render("Merhaba <script>alert('x')</script> dünya")
    assert "<script" not in rendered.html
    assert "alert" not in rendered.html
    assert "Merhaba" in rendered.html
    assert rendered.removed_markup


def test_event_handlers_are_removed():
    html = rendering.to_html(
        '<a href="https://a.example" onclick="steal()">x</a> <b onmouseover="x()">y</b>'
    )
    assert "onclick" not in html
    assert "onmouseover" not in html
    assert "steal" not in html


def test_javascript_and_data_links_lose_their_address():
    html = rendering.to_html(
        "[tıkla](javascript:alert(1)) <a href='javascript:alert(2)'>a</a> "
        "<a href='data:text/html,<script>alert(3)</script>'>b</a>"
    )
    # The text may still read "javascript:", as words; no link leads there.
    assert "href" not in html
    assert html.count("<a ") == 2


def test_plain_markdown_is_not_reported_as_changed():
    assert not rendering.render("Sadece **metin**.").removed_markup


def test_images_in_the_body_are_not_rendered():
    html = rendering.to_html("![logo](https://example.org/x.png)")
    assert "<img" not in html


def test_plain_text_has_no_markup_and_keeps_turkish_letters():
    assert rendering.plain_text("# İğneada\n\n**Şule** & <b>Ömer</b>") == "İğneada Şule & Ömer"
