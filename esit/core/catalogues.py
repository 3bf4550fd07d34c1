"""Compile the message catalogues with polib where GNU gettext's msgfmt is missing."""

from pathlib import Path

import polib


def main() -> None:
    root = Path(__file__).resolve().parent.parent / "locale"
    for po_path in root.glob("*/LC_MESSAGES/*.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    main()
