import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """seed_demo stores files (the library's PDF and PNG): in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
