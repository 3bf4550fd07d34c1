"""Small readers of rendered HTML, so tests check meaning rather than attribute order."""

import re


def input_tag(page: str, name: str, value: str | None = None) -> str:
    """The one `<input>` with this name (and value), as rendered."""
    tags = [
        tag
        for tag in re.findall(r"<input\b[^>]*>", page)
        if f'name="{name}"' in tag and (value is None or f'value="{value}"' in tag)
    ]
    assert len(tags) == 1, f"expected one input {name}={value}, found {tags}"
    return tags[0]


def is_checked(page: str, name: str, value: str | None = None) -> bool:
    return re.search(r"\schecked(\s|>|=)", input_tag(page, name, value)) is not None


def error_next_to(page: str, field_id: str) -> str:
    """The text of the error message tied to a field by its `<id>_error` element."""
    match = re.search(rf'<p class="error-message" id="{field_id}_error">(.*?)</p>', page, re.S)
    assert match, f"no error message next to {field_id}"
    return match.group(1).strip()
