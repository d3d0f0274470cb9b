"""Folding and matching keys: finding people as they are heard, and noticing them again."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rjdesk.domain.text import (
    address_key,
    fold,
    name_key,
    phone_key,
    postcode_key,
    search_terms,
)

# --- fold -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Zoë", "zoe"),
        ("Siobhán", "siobhan"),
        ("Ayşe", "ayse"),
        ("Nguyễn", "nguyen"),
        ("Łukasz Nowak", "lukasz nowak"),
        ("Søren Ødegård", "soren odegard"),
        ("Đorđe", "dorde"),
        ("Guðrún Þórsdóttir", "gudrun thorsdottir"),
        ("Straße", "strasse"),
        ("Æthelred Œuvre", "aethelred oeuvre"),
        ("Işık", "isik"),
        ("İstanbul", "istanbul"),
        ("Ħaġar", "hagar"),
        ("ŧ ŀ ĸ ŋ", "t l k n"),
        ("Əliyev", "eliyev"),
        ("Kɔfi Mɛnsah", "kofi mensah"),
        ("Ɓello Ɗanjuma Ƙabir", "bello danjuma kabir"),
        ("O’Brien D‘Arcy Naʼomi", "o'brien d'arcy na'omi"),
    ],
)
def test_names_are_found_however_the_facilitator_types_them(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("محمد علی", "محمد علی"),
        ("王小明", "王小明"),
        ("Дмитрий Ёлкин", "дмитрий ёлкин"),
        ("김민준", "김민준"),
        ("देवनागरी", "देवनागरी"),
    ],
)
def test_names_in_other_scripts_are_kept_not_dropped(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_compatibility_forms_fold_to_plain_letters_and_digits() -> None:
    assert fold("ﬁnch Ｂ３５") == "finch b35"


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)


latin_letters = st.characters(
    min_codepoint=0x41,
    max_codepoint=0x17F,
    categories=("Lu", "Ll", "Lt", "Lo"),
    exclude_characters="µ",  # the micro sign is a Greek letter, μ
)


@given(st.text(alphabet=st.one_of(latin_letters, st.sampled_from(" -'’"))))
def test_latin_script_folds_to_plain_ascii(text: str) -> None:
    assert fold(text).isascii()


# --- search_terms ---------------------------------------------------------------------------


def test_a_case_reference_splits_into_tokens_that_still_match() -> None:
    assert search_terms("RJ-26-K7QXM-0042") == ["rj", "26", "k7qxm", "0042"]


def test_a_crime_reference_splits_on_its_slashes() -> None:
    assert search_terms("20/918273/26") == ["20", "918273", "26"]


def test_search_box_text_is_folded_and_split_on_punctuation() -> None:
    assert search_terms("  Zoë, O’Brien;  Nowak ") == ["zoe", "o", "brien", "nowak"]


def test_words_of_other_scripts_stay_whole() -> None:
    assert search_terms("देवनागरी  Дмитрий") == ["देवनागरी", "дмитрий"]


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "-- / ,"])
def test_an_empty_search_box_gives_no_terms(query: str) -> None:
    assert search_terms(query) == []


@given(st.text())
def test_search_terms_are_folded_and_never_empty(query: str) -> None:
    for term in search_terms(query):
        assert term
        assert fold(term) == term


# --- name_key -------------------------------------------------------------------------------


def test_a_title_accents_and_double_spaces_do_not_make_a_new_person() -> None:
    assert name_key("Mr Łukasz  Nowak") == "lukasz nowak"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("O'Brien", "OBrien"),
        ("O’Brien", "o'brien"),
        ("Smith-Jones", "Smith Jones"),
        ("Dr. Ayşe Yılmaz", "ayse yilmaz"),
        ("Mrs Siobhán Kelly", "Siobhan Kelly"),
        ("Mx Zoë  Taylor ", "zoe taylor"),
        ("Miss Ms Jo Bloggs", "Jo Bloggs"),
    ],
)
def test_the_same_person_typed_two_ways_has_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_a_title_that_is_also_a_surname_is_not_dropped() -> None:
    assert name_key("Jo Miss") == "jo miss"
    assert name_key("Miss") == "miss"


def test_different_people_keep_different_keys() -> None:
    assert name_key("Jo Bloggs") != name_key("Joe Bloggs")


ACCENTED = {
    "a": "áàâäãåā",
    "c": "çćč",
    "e": "éèêëēę",
    "i": "íìîïī",
    "l": "ł",
    "n": "ñńň",
    "o": "óòôöõøō",
    "s": "śšş",
    "u": "úùûüū",
    "z": "źżž",
}
plain_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    min_size=1,
    max_size=4,
)


@given(plain_words, st.data())
def test_name_keys_ignore_case_accents_and_spacing(words: list[str], data: st.DataObject) -> None:
    plain = " ".join(words)
    accented = "".join(
        data.draw(st.sampled_from(ACCENTED[char] + char)) if char in ACCENTED else char
        for char in plain
    )
    gaps = [data.draw(st.sampled_from([" ", "  ", "\t", " \u00a0 "])) for _ in words]
    spaced = " " + "".join(gap + word for gap, word in zip(gaps, accented.split(" "), strict=True))
    key = name_key(plain)
    assert name_key(plain.upper()) == key
    assert name_key(plain.title()) == key
    assert name_key(accented) == key
    assert name_key(spaced.upper() + "  ") == key


# --- phone_key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900412",
        "07700900412",
        "+44 7700 900412",
        "+447700900412",
        "0044 7700 900412",
        "447700900412",
        "+44 (0)7700 900412",
        "07700-900-412",
    ],
)
def test_one_mobile_number_however_it_is_written(typed: str) -> None:
    assert phone_key(typed) == "07700900412"


def test_a_landline_keeps_its_area_code() -> None:
    assert phone_key("0121 496 0000") == "01214960000"
    assert phone_key("+44 121 496 0000") == "01214960000"


@pytest.mark.parametrize("typed", [None, "", "   ", "ext 1234", "0121 496", "n/k"])
def test_no_key_for_a_missing_or_partial_number(typed: str | None) -> None:
    assert phone_key(typed) is None


def test_an_overseas_number_is_kept_as_its_digits() -> None:
    assert phone_key("+33 1 23 45 67 89") == "33123456789"


# --- postcode_key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("b35 7nl", "B357NL"),
        ("14 Farnborough Road, Birmingham B35 7NL", "B357NL"),
        ("Leeds LS1 4DY", "LS14DY"),  # A9 9AA is B1 1AA; this is AA9 9AA
        ("M1 1AE", "M11AE"),  # A9 9AA
        ("B33 8TH", "B338TH"),  # A99 9AA
        ("CR2 6XH", "CR26XH"),  # AA9 9AA
        ("DN55 1PT", "DN551PT"),  # AA99 9AA
        ("W1A 0AX", "W1A0AX"),  # A9A 9AA
        ("EC1A 1BB", "EC1A1BB"),  # AA9A 9AA
        ("London ec1a1bb", "EC1A1BB"),
        ("Cardiff CF10   1EP", "CF101EP"),
    ],
)
def test_a_full_postcode_is_found_in_the_address(address: str, key: str) -> None:
    assert postcode_key(address) == key


@pytest.mark.parametrize(
    "address",
    [None, "", "Birmingham B19", "14 Farnborough Road", "B35 7", "XB35 7NLX", "Room 101"],
)
def test_no_postcode_key_without_a_full_postcode(address: str | None) -> None:
    assert postcode_key(address) is None


# --- address_key ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("14 Farnborough Road, Birmingham B35 7NL", "14|B357NL"),
        ("14 farnborough rd\nbirmingham\nb357nl", "14|B357NL"),
        ("14a Farnborough Road, B35 7NL", "14a|B357NL"),
        ("14A Farnborough Road, B35 7NL", "14a|B357NL"),
        ("Flat 3, 14 Farnborough Road, Birmingham B35 7NL", "3/14|B357NL"),
        ("14 Farnborough Road, Flat 3, B35 7NL", "3/14|B357NL"),
        ("Flat 2B, 14 Farnborough Road, B35 7NL", "2b/14|B357NL"),
        ("Flat C, 14 Farnborough Road, B35 7NL", "c/14|B357NL"),
        ("Flat 3, Rose Court, B35 7NL", "3/|B357NL"),
        ("Flatts Farm, 7 Flatts Lane, B35 7NL", "7|B357NL"),
    ],
)
def test_the_same_dwelling_has_one_address_key(address: str, key: str) -> None:
    assert address_key(address) == key


@pytest.mark.parametrize(
    "address",
    [
        None,
        "14 Farnborough Road, Birmingham",
        "14 Farnborough Road, Birmingham B19",
        "Rose Cottage, Birmingham B35 7NL",
        "Flat B, Rose Court, B35 7NL",
    ],
)
def test_no_address_key_without_a_postcode_and_a_number(address: str | None) -> None:
    assert address_key(address) is None


def test_neighbours_have_different_address_keys() -> None:
    assert address_key("14 Farnborough Road, B35 7NL") != address_key(
        "16 Farnborough Road, B35 7NL"
    )
    assert address_key("Flat 3, 14 Farnborough Road, B35 7NL") != address_key(
        "Flat 4, 14 Farnborough Road, B35 7NL"
    )


@given(st.text())
def test_keys_never_fail_on_odd_input(text: str) -> None:
    for key in (postcode_key(text), address_key(text), phone_key(text)):
        assert key is None or key.strip() == key
