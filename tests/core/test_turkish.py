"""Turkish letters in search and sorting: İ/i and I/ı are different letters."""

import unicodedata

from esit.core.turkish import fold, lower, sort_key, upper


def test_lower_turns_dotted_capital_i_into_i_and_dotless_capital_i_into_dotless_i():
    assert lower("İZMİR IŞIL") == "izmir ışıl"


def test_upper_keeps_the_dot_on_i_and_leaves_it_off_dotless_i():
    assert upper("izmir ışıl") == "İZMİR IŞIL"


def test_upper_and_lower_keep_the_other_turkish_letters():
    assert upper("ğüşöç") == "ĞÜŞÖÇ"
    assert lower("ĞÜŞÖÇ") == "ğüşöç"


def test_fold_of_izmir_in_capitals_is_izmir():
    assert fold("İZMİR") == "izmir"


def test_fold_does_not_confuse_dotless_i_with_i():
    assert fold("IŞIK") == "ışık"
    assert fold("IŞIK") != fold("İŞİK")


def test_fold_collapses_and_trims_spacing():
    assert fold("  Ayşe \t  Yılmaz\n") == "ayşe yılmaz"


def test_fold_understands_a_decomposed_dotted_capital_i():
    decomposed = unicodedata.normalize("NFD", "İZMİR")
    assert decomposed != "İZMİR"
    assert fold(decomposed) == "izmir"


def test_fold_composes_decomposed_letters_so_search_keys_match():
    assert fold(unicodedata.normalize("NFD", "Güneş Çiçek")) == "güneş çiçek"


def test_cicek_sorts_after_cem():
    assert sorted(["Çiçek", "Cem"], key=sort_key) == ["Cem", "Çiçek"]


def test_ilik_with_dotless_i_sorts_before_ince():
    assert sorted(["ince", "ılık"], key=sort_key) == ["ılık", "ince"]


def test_sorting_follows_the_turkish_alphabet():
    names = ["Zeynep", "Ümit", "Şule", "Özge", "İpek", "Işıl", "Ğ", "Gül", "Çağla", "Can", "Ayşe"]
    assert sorted(names, key=sort_key) == [
        "Ayşe",
        "Can",
        "Çağla",
        "Gül",
        "Ğ",
        "Işıl",
        "İpek",
        "Özge",
        "Şule",
        "Ümit",
        "Zeynep",
    ]


def test_sorting_ignores_case_the_turkish_way():
    assert sort_key("İZMİR") == sort_key("izmir")
    assert sort_key("IRMAK") == sort_key("ırmak")


def test_a_shorter_name_sorts_before_a_longer_one_it_starts():
    assert sorted(["Alia", "Ali Veli", "Ali"], key=sort_key) == ["Ali", "Ali Veli", "Alia"]


def test_circumflex_letters_sort_with_their_plain_letter():
    assert sorted(["Kazım", "Kâmil", "Kaya"], key=sort_key) == ["Kâmil", "Kaya", "Kazım"]


def test_foreign_letters_q_w_x_sort_inside_the_alphabet_not_after_z():
    assert sorted(["Zerrin", "Wagner", "Vural", "Yılmaz"], key=sort_key) == [
        "Vural",
        "Wagner",
        "Yılmaz",
        "Zerrin",
    ]
