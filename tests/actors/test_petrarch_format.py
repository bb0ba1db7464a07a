"""The PETRARCH/TABARI dictionary format, line by line (no model needed): what each construct
reads as, and what a slip costs."""

from __future__ import annotations

from datetime import date

from eventwire.actors.petrarch import phrase_text, plural
from eventwire.actors.petrarch_format import NO_CODE, Block, read_dictionary


def read(text: str | bytes):  # noqa: ANN201
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_dictionary("user.actors", data)


def only(blocks: list[Block], phrase: str) -> Block:
    found = [b for b in blocks if phrase in b.phrases]
    assert len(found) == 1, [b.phrases for b in blocks]
    return found[0]


def test_comments_anywhere_and_over_several_lines() -> None:
    got = read(
        "<!-- PETRARCH validation dictionary\n"
        "     FAKE_NAME [XXX] is inside the comment -->\n"
        "# a whole-line comment\n"
        "ALPHA_LAND_ [ALP]  # a comment after the code\n"
        "BETA_ <!-- inline --> [BET]\n"
        "GAMMA_ [GAM] # a `#` comment that mentions <!-- opens nothing\n"
    )
    assert [b.phrases for b in got.blocks] == [("ALPHA LAND",), ("BETA",), ("GAMMA",)]
    assert [b.codes[0].code for b in got.blocks] == ["ALP", "BET", "GAM"]
    assert got.slips == []


def test_synonyms_indented_codes_and_several_groups_on_a_line() -> None:
    got = read(
        "LEVON_TER_PETROSYAN_  # CountryInfo.txt\n"
        "+TER-PETROSYAN_\n"
        "\t[ARMELI 630101-900804]\n"
        "  [ARMGOV 900804-980203] [ARMELI]\n"
        "ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n"
    )
    levon = only(got.blocks, "LEVON TER PETROSYAN")
    assert levon.phrases == ("LEVON TER PETROSYAN", "TER-PETROSYAN")
    assert [(g.code, g.start, g.end, g.dated) for g in levon.codes] == [
        ("ARMELI", date(1963, 1, 1), date(1990, 8, 4), True),
        ("ARMGOV", date(1990, 8, 4), date(1998, 2, 3), True),
        ("ARMELI", None, None, False),
    ]
    ann = only(got.blocks, "ANN VENEMAN")
    assert [(g.code, g.start, g.end) for g in ann.codes] == [
        ("USAGOV", date(2001, 1, 20), date(2005, 1, 20)),
        ("IGOUNOKID", date(2005, 5, 1), None),
    ]


def test_dates_in_every_form() -> None:
    got = read(
        "A_ [AAAGOV <900823]\n"  # before: the day before is the last
        "B_ [BBBGOV >19911221]\n"
        "C_ [CCCGOV > 140608]\n"  # a space after > is tolerated
        "D_ [DDDGOV 19270101-730717]\n"  # both forms in one range
        "E_ [EEEGOV 320101-070723]\n"  # two-digit years: 32 is 1932, 07 is 2007
    )
    spans = {b.phrases[0]: (b.codes[0].start, b.codes[0].end) for b in got.blocks}
    assert spans == {
        "A": (None, date(1990, 8, 22)),
        "B": (date(1991, 12, 21), None),
        "C": (date(2014, 6, 8), None),
        "D": (date(1927, 1, 1), date(1973, 7, 17)),
        "E": (date(1932, 1, 1), date(2007, 7, 23)),
    }
    assert got.slips == []


def test_a_bad_date_skips_only_that_restriction() -> None:
    got = read(
        "ARMENIA_ [ARM]\n"
        "+YEREVAN_\n"
        "\t[USRARM <900823]\n"
        "\t[ARMUNR 9008223-911221]\n"
        "\t[ARM >911221]\n"
        "NEXT_ONE_ [NXTGOV]\n"
    )
    armenia = only(got.blocks, "ARMENIA")
    assert [g.code for g in armenia.codes] == ["ARM", "USRARM", "ARM"]
    assert only(got.blocks, "NEXT ONE")
    (slip,) = got.slips
    assert (slip.path, slip.line, slip.cost) == ("user.actors", 4, "dated code skipped")
    assert "9008223" in slip.reason and "YYMMDD" in slip.fix


def test_a_slip_skips_its_entry_and_says_what_to_change() -> None:
    got = read(
        "GOOD_ONE_ [GOOGOV]\n"
        "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
        "ANOTHER_GOOD_ONE_ [AGOGOV]\n"
        "+ORPHAN_SYNONYM_\n"
        "BAD_CODE_ [GO*V]\n"
        "LAST_ONE_ [LSTGOV]\n"
    )
    assert [b.phrases[0] for b in got.blocks] == [
        "GOOD ONE",
        "ANOTHER GOOD ONE",
        "LAST ONE",
    ]
    assert [(s.line, s.cost) for s in got.slips] == [(2, "entry skipped"), (5, "entry skipped")]
    assert "unbalanced brackets" in got.slips[0].reason
    assert str(got.slips[1]).startswith("user.actors:5: bad code 'GO*V'")


def test_base_lines_without_code_share_the_next_code() -> None:
    # PETRARCH keeps collecting phrases until codes come: "U.N." is the UN's
    got = read("UN_ [IGOUNO]\nU.N._\n\nUN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\nLAST_ONE_\n")
    block = only(got.blocks, "U.N.")
    assert block.phrases == ("U.N.", "UN SECRETARY GENERAL", "UNSG")
    assert [g.code for g in block.codes] == ["IGOUNO"]
    (slip,) = got.slips  # the last one never gets a code
    assert (slip.line, slip.cost) == (7, "entry skipped")
    assert "no code for LAST ONE" in slip.reason and "[---]" in slip.fix


def test_known_phrase_without_code_and_undated_no_code() -> None:
    got = read(
        "AHMED_DARWISH_  # the soccer player\n\t[---]\n"
        "JEAN_MARIE_GUEHENNO_\t[IGOUNO 000101-080801] [---]\n"
    )
    assert [g.code for g in only(got.blocks, "AHMED DARWISH").codes] == [NO_CODE]
    assert [g.code for g in only(got.blocks, "JEAN MARIE GUEHENNO").codes] == ["IGOUNO", NO_CODE]


def test_tabs_spaces_and_underscores_all_separate_words() -> None:
    got = read(
        "CARLOS SANTOS_CRUZ_\t[IGOUNO]\n!MINIST! FOR_ YOUTH_AND_SPORTS [~GOV]\n"
        "!MINIST! = MINISTER, MINISTRY\n"
    )
    assert only(got.blocks, "CARLOS SANTOS CRUZ")
    assert only(got.blocks, "MINISTER FOR YOUTH AND SPORTS").phrases == (
        "MINISTER FOR YOUTH AND SPORTS",
        "MINISTRY FOR YOUTH AND SPORTS",
    )


def test_agents_substitution_sets_and_plurals() -> None:
    got = read(
        "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
        "CATTLE!PERSON! [~AGR]\n"
        "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n"
        "TRIGGERMAN {} [~UAF]\n"
        "OBSERVERS_IN [IGO~]\n"
    )
    cattle = only(got.blocks, "CATTLEMAN")
    assert cattle.phrases == (
        "CATTLEMAN",
        "CATTLEMEN",
        "CATTLEWOMAN",
        "CATTLEWOMEN",
        "CATTLEPERSON",
    )
    assert cattle.from_set and cattle.codes[0].agent
    chamber = only(got.blocks, "CHAMBER OF COMMERCE")
    assert chamber.plurals == ("CHAMBERS OF COMMERCE",) and chamber.plurals_given
    assert only(got.blocks, "TRIGGERMAN").plurals_given  # `{}`: no plural wanted
    observers = only(got.blocks, "OBSERVERS IN").codes[0]
    assert observers.agent and observers.prefix and observers.code == "IGO"


def test_unknown_set_skips_the_entry() -> None:
    got = read("HERDS!PERSOM! [~AGR]\nFARMER [~AGR]\n")
    assert [b.phrases for b in got.blocks] == [("FARMER",)]
    assert "!PERSOM!" in got.slips[0].reason and got.slips[0].line == 1


def test_latin1_and_utf8_lines_in_one_file() -> None:
    data = "COTE_D'IVOIRE_ [CIV]\n+CÔTE_D'IVOIRE_\n".encode() + "+C\xf4TE_DIVOIRE_\n".encode(
        "latin-1"
    )
    got = read(data)
    assert only(got.blocks, "COTE D'IVOIRE").phrases[1:] == ("CÔTE D'IVOIRE", "CôTE DIVOIRE")
    assert got.slips == []


def test_unclosed_comment_is_reported() -> None:
    got = read("ONE_ [ONEGOV]\n<!-- never closed\nTWO_ [TWOGOV]\n")
    assert [b.phrases for b in got.blocks] == [("ONE",)]
    assert got.slips[0].line == 2 and "-->" in got.slips[0].fix


def test_bare_date_is_read_from_that_day_with_a_warning() -> None:
    got = read("MILO_DJUKANOVIC_\n\t[MNEGOV 20121204]\n")
    group = got.blocks[0].codes[0]
    assert (group.start, group.end) == (date(2012, 12, 4), None)
    assert got.slips[0].cost == "read as from that day" and ">20121204" in got.slips[0].fix


def test_phrase_text_and_plurals() -> None:
    assert phrase_text("LEVON TER-PETROSYAN") == "Levon Ter-petrosyan"
    assert phrase_text("U.N. SECRETARY GENERAL") == "U.N. Secretary General"
    assert phrase_text("BAN KI-MOON") == "Ban Ki-moon"  # in a phrase, no acronyms
    assert phrase_text("UN") == "UN"
    assert [plural(p) for p in ("police officer", "militiaman", "deputy", "witness", "boy")] == [
        "police officers",
        "militiamen",
        "deputies",
        "witnesses",
        "boys",
    ]
