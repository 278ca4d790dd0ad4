"""``pressroom add``: placing received releases, refusing duplicates, saying what is missing."""

from __future__ import annotations

import json

from cli_helpers import RELEASE_A, make_project, run_cli, write
from conftest import SEED

PAGE = b"""<!doctype html><html><head><title>Site | Freedonia Must Act</title>
<link rel="canonical" href="https://acme.example/news/freedonia-must-act">
<meta property="article:published_time" content="2012-03-04T10:00:00Z">
<script>var tracking = "Jane Roe";</script></head>
<body><nav><a href="/">Home</a> <a href="/x">Menu item</a></nav>
<article><h1>Freedonia Must Act</h1>
<p>Geneva \xe2\x80\x93 Acme Rights called on <b>Freedonia</b> to act &amp; release her.</p>
<p>\xe2\x80\x9cThis is urgent,\xe2\x80\x9d said Jane Roe.</p></article>
<footer>Copyright</footer></body></html>
"""


def test_text_file_is_placed_byte_for_byte(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    received = SEED.read_bytes()
    src = write(tmp_path / "inbox" / "statement.txt", received)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "human-rights-first", str(src))
    assert code == 0, err
    target = (tmp_path / "p/corpus/releases/human-rights-first/2011/"
              "2011-04-27-upcoming-dialogue-not-enough-to-address-chinas-mounting.txt")
    assert target.read_bytes() == received
    assert "added" in out and "2011-04-27-upcoming" in out


def test_publisher_inferred_from_footer_marker(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "a.txt", RELEASE_A)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(src))
    assert code == 0, err
    assert (tmp_path / "p/corpus/releases/acme-rights/2011/"
            "2011-05-03-acme-rights-condemns-arrest-of-jane-roe.txt").is_file()


def test_a_release_under_a_press_contact_of_several_lines_is_added(tmp_path, capsys,
                                                                     monkeypatch):
    """``Contact:`` / ``Jane Doe`` / ``Press Secretary`` over the headline: the name was
    taken for the title, the dateline under the headline was never reached, and the file
    was refused as undated."""
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "brownfields.txt",
                "FOR IMMEDIATE RELEASE\n\nContact:\nJane Doe\nPress Secretary\n\n"
                "EPA Announces Grants for Brownfields Cleanup\n\n"
                "WASHINGTON, May 7, 2025 - Today, the EPA announced $30 million in grants.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    assert (tmp_path / "p/corpus/releases/acme-rights/2025/"
            "2025-05-07-epa-announces-grants-for-brownfields-cleanup.txt").is_file()


def test_duplicate_is_refused_naming_the_existing_file(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p")  # holds RELEASE_A as 2011-05-03-arrest.txt
    # same text, another name, Windows line endings
    src = write(tmp_path / "in" / "renamed.txt", RELEASE_A.replace("\n", "\r\n").encode())
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(src))
    assert code == 1
    assert "same text as corpus/releases/acme-rights/2011/2011-05-03-arrest.txt" in err
    assert "[pressroom.release_duplicate]" in err
    # and twice in one batch
    a = write(tmp_path / "in2" / "x.txt", "Title A\nMay 5, 2012\n\nBody.\n")
    b = write(tmp_path / "in2" / "y.txt", "Title A\nMay 5, 2012\n\nBody.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(a), str(b))
    assert code == 1 and out.count("added") == 1 and "same text as" in err


def test_missing_date_and_publisher_are_reported_with_how_to_fix(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "undated.txt", "Some Title\n\nGeneva – Nothing dated.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(src))
    assert code == 1
    assert "--date YYYY-MM-DD" in err and "[pressroom.release_date]" in err
    assert "--publisher KEY (known: acme-rights)" in err and "[pressroom.release_publisher]" in err
    assert not list((tmp_path / "p/corpus/releases").rglob("*.txt"))
    # given on the command line: the date goes into a header before the received bytes
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date", "2011-02-03",
                             "--publisher", "acme-rights", str(src))
    assert code == 0, err
    (placed,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("*.txt")
    assert placed.name == "2011-02-03-some-title.txt"
    assert placed.read_bytes() == b"---\ndate: 2011-02-03\n---\n" + src.read_bytes()
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "check", "--quiet")
    assert code == 0, out


def test_html_page_is_extracted_with_header_and_kept_beside(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "page.html", PAGE)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    folder = tmp_path / "p/corpus/releases/acme-rights/2012"
    text = (folder / "2012-03-04-freedonia-must-act.txt").read_text(encoding="utf-8")
    assert (folder / "2012-03-04-freedonia-must-act.html").read_bytes() == PAGE
    assert 'source: "https://acme.example/news/freedonia-must-act"' in text
    assert "Acme Rights called on Freedonia to act & release her." in text
    assert "“This is urgent,” said Jane Roe." in text
    assert "tracking" not in text and "Menu item" not in text and "Copyright" not in text
    from pressroom.source import parse_release

    release = parse_release(folder / "2012-03-04-freedonia-must-act.txt")
    assert release.title == "Freedonia Must Act" and str(release.date) == "2012-03-04"
    assert release.source_url == "https://acme.example/news/freedonia-must-act"


def test_dry_run_writes_nothing_and_folder_input(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    write(tmp_path / "in" / "a.txt", RELEASE_A)
    write(tmp_path / "in" / "notes.doc", "x")
    write(tmp_path / "in" / ".draft.txt", RELEASE_A.replace("Acme", "Draft"))
    write(tmp_path / "in" / ".DS_Store", "x")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--dry-run",
                             str(tmp_path / "in"))
    # not every file of the folder would be added: said so, and exit 1 (it was 0, and a
    # hidden release file was passed over without a word)
    assert code == 1, err
    assert "would add" in out and "notes.doc: skipped: not a .txt" in err
    assert ".draft.txt: skipped: a hidden file" in err and ".DS_Store" not in err
    assert "1 would add, 0 refused, 2 skipped" in err
    assert not list((tmp_path / "p/corpus/releases").rglob("*.txt"))


def test_name_collision_gets_a_suffix(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    a = write(tmp_path / "in" / "a.txt", "Same Title\nMay 5, 2012\n\nFirst body.\n")
    b = write(tmp_path / "in" / "b.txt", "Same Title\nMay 5, 2012\n\nSecond body.\n")
    code, _, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                           "acme-rights", str(a), str(b))
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "p/corpus/releases/acme-rights/2012").iterdir())
    assert names == ["2012-05-05-same-title-2.txt", "2012-05-05-same-title.txt"]


def test_bad_usage_exits_2(tmp_path, capsys, monkeypatch):
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "a.txt", RELEASE_A)
    for argv in (("add", "nope.txt"), ("add", "--date", "31/02/2011", str(src)), ("add",)):
        code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", *argv)
        assert code == 2, argv
        assert "Traceback" not in out + err
    code, out, _ = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--help")
    assert code == 0 and "examples:" in out and "exit codes:" in out


def test_an_html_page_with_a_kicker_a_date_and_an_about_section(tmp_path, capsys, monkeypatch):
    """What press pages around the headline and after the release carry (a kicker, a date
    paragraph, an "About" section) is read as such once the page is a release file."""
    page = (b"<!doctype html><html><head><title>Group Urges Release</title></head><body>"
            b"<article><p>FOR IMMEDIATE RELEASE</p><h1>Group Urges Release</h1>"
            b"<p>March 3, 2014</p><p>GENEVA \xe2\x80\x93 The coalition urged the release.</p>"
            b"<h3>About the Example Coalition</h3><p>It works in 40 countries.</p>"
            b"</article></body></html>")
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "page.html", page)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    from pressroom.source import parse_release

    release = parse_release(tmp_path / "p/corpus/releases/acme-rights/2014"
                            / "2014-03-03-group-urges-release.txt")
    assert (release.title, str(release.date), release.dateline) == (
        "Group Urges Release", "2014-03-03", "GENEVA")
    assert release.body == "The coalition urged the release."
    assert release.spans("preamble") and release.footer.startswith("About the Example Coalition")


def _email(html: bool = False, sender: str = "Acme Rights <press@acme.example>") -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Subject"] = "Fwd: Freedonia Must Act"
    message["Date"] = "Sun, 04 Mar 2012 10:12:00 +0100"
    if html:
        message.set_content("<html><body><nav>Menu item</nav><h1>Freedonia Must Act Now</h1>"
                            "<p>Acme Rights called on Freedonia to act.</p></body></html>",
                            subtype="html")
    else:
        message.set_content("Geneva – Acme Rights called on Freedonia to act.\n\n"
                            "“This is urgent,” said Jane Roe.\n")
    return bytes(message)


def test_an_e_mail_is_taken_with_its_header_and_kept_beside(tmp_path, capsys, monkeypatch):
    """A saved e-mail (.eml): its header as a mail program prints it, then its text; the
    sender names the publisher, the subject the release, the date dates it; the message
    is kept beside the release and not reported as a stray file."""
    make_project(tmp_path / "p", releases={})
    plain = write(tmp_path / "in" / "plain.eml", _email())
    rich = write(tmp_path / "in" / "rich.eml", _email(html=True))
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(tmp_path / "in"))
    assert code == 0, err
    folder = tmp_path / "p/corpus/releases/acme-rights/2012"
    placed = folder / "2012-03-04-freedonia-must-act.txt"
    assert (folder / "2012-03-04-freedonia-must-act.eml").read_bytes() == plain.read_bytes()
    assert (folder / "2012-03-04-freedonia-must-act-now.eml").read_bytes() == rich.read_bytes()
    text = placed.read_text(encoding="utf-8")
    assert text.startswith("From: Acme Rights <press@acme.example>\nDate: Sun, 04 Mar 2012")
    assert "Subject: Fwd: Freedonia Must Act\n\nGeneva – Acme Rights called" in text
    from pressroom.source import parse_release

    release = parse_release(placed)
    assert (release.title, str(release.date), release.dateline) == (
        "Freedonia Must Act", "2012-03-04", "Geneva")
    assert [q.speaker for q in release.quotes] == ["Jane Roe"]
    rich_release = parse_release(folder / "2012-03-04-freedonia-must-act-now.txt")
    assert rich_release.title == "Freedonia Must Act Now"
    assert "Menu item" not in rich_release.text
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "check", "--quiet")
    assert code == 0 and "release_ignored" not in out, out


def test_an_e_mail_whose_address_holds_an_encoded_line_break_is_taken(tmp_path, capsys,
                                                                       monkeypatch):
    """Python's mail parser refuses an address whose encoded words hold a line break: the
    command stopped with a traceback and the rest of the batch was not taken. The header
    is kept as written."""
    make_project(tmp_path / "p", releases={})
    odd = (b"From: =?utf-8?q?Acme=0ARights?= <press@acme.example>\n"
           b"To: =?utf-8?q?desk=0D?= <desk@example.org>\n"
           b"Date: Sun, 04 Mar 2012 10:12:00 +0100\nSubject: Freedonia Must Act\n\n"
           b"Geneva - Acme Rights called on Freedonia to act.\n")
    write(tmp_path / "in" / "a-odd.eml", odd)
    write(tmp_path / "in" / "b-plain.eml", _email().replace(b"Freedonia Must Act", b"Second"))
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(tmp_path / "in"))
    assert code == 0 and "Traceback" not in err, err
    folder = tmp_path / "p/corpus/releases/acme-rights/2012"
    text = (folder / "2012-03-04-freedonia-must-act.txt").read_text(encoding="utf-8")
    assert text.startswith("From: =?utf-8?q?Acme=0ARights?= <press@acme.example>\n")
    assert (folder / "2012-03-04-second.txt").exists()


def test_the_sender_s_domain_names_the_publisher(tmp_path, capsys, monkeypatch):
    root = make_project(tmp_path / "p", releases={})
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(
        '"name": "Acme Rights",', '"name": "Acme Rights", "url": "https://www.acme.example",'),
        encoding="utf-8")
    src = write(tmp_path / "in" / "m.eml", _email(sender="Press Office <news@press.acme.example>"))
    code, out, err = run_cli(capsys, monkeypatch, root, "add", str(src))
    assert code == 0, err
    assert (root / "corpus/releases/acme-rights/2012/2012-03-04-freedonia-must-act.txt").exists()
    src = write(tmp_path / "in2" / "m.eml", _email(sender="Someone <a@acme.example.net>"))
    code, out, err = run_cli(capsys, monkeypatch, root, "add", str(src))
    assert code == 1 and "[pressroom.release_publisher]" in err  # another site


def test_an_e_mail_that_cannot_be_a_release_is_refused_saying_why(tmp_path, capsys, monkeypatch):
    from email.message import EmailMessage

    make_project(tmp_path / "p", releases={})
    message = EmailMessage()
    message["From"] = "Acme Rights <press@acme.example>"
    message["Subject"] = "Report"
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf",
                           filename="report.pdf")
    write(tmp_path / "in" / "attached.eml", bytes(message))
    write(tmp_path / "in" / "notmail.eml", b"\x00\x01 random bytes, no header")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(tmp_path / "in"))
    assert code == 1
    assert "attached.eml: error: not added: the e-mail holds no text (attached: report.pdf)" in err
    assert "notmail.eml: error: not added: not an e-mail message" in err
    assert err.count("[pressroom.release_email]") == 2 and "release_date" not in err
    assert not list((tmp_path / "p/corpus/releases").rglob("*.*"))


def test_an_email_in_a_charset_python_does_not_know(tmp_path, capsys, monkeypatch):
    """``charset="x-nonsense"`` raised LookupError out of ``add``: the text is decoded as a
    release file is (UTF-8 here) and the release added."""
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "x.eml", (
        "From: Acme Rights <press@acme.example>\nSubject: Acme Rights Condemns Arrest\n"
        "Date: Tue, 3 May 2011 10:00:00 +0000\n"
        'Content-Type: text/plain; charset="x-nonsense"\n\n'
        "Geneva \u2013 Acme Rights condemned the arrest of Jane Roe.\n").encode())
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    (target,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("*.txt")
    assert "Geneva \u2013 Acme Rights condemned" in target.read_text("utf-8")


def test_a_header_publisher_written_as_a_number(tmp_path, capsys, monkeypatch):
    """``publisher: 5`` raised AttributeError out of ``add``: it is the text ``5``, a
    publisher of its own (as any name the project does not list)."""
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "n.txt",
                "---\npublisher: 5\ndate: 2011-06-01\n---\nTitle Here\n\nThe body.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "-n", str(src))
    assert code == 0, err
    assert "corpus/releases/5/2011/2011-06-01-title-here.txt" in out


def test_date_header_in_the_file_s_own_encoding(tmp_path, capsys, monkeypatch):
    """``--date`` on a UTF-16 file wrote the header in ASCII before the UTF-16 bytes (the
    release was then unreadable); it is written in UTF-16, the received bytes after it."""
    make_project(tmp_path / "p", releases={})
    received = "Utf Sixteen No Date\n\nGeneva – Jane Roe said things.\n".encode("utf-16")
    src = write(tmp_path / "in" / "u.txt", received)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date", "2011-05-01",
                             "--publisher", "acme-rights", str(src))
    assert code == 0, err
    (target,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("*.txt")
    data = target.read_bytes()
    assert data.decode("utf-16").startswith("---\ndate: 2011-05-01\n---\nUtf Sixteen No Date")
    assert data.endswith(received[2:])  # the received text, after the header, unchanged
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "check")
    assert code == 0 and "release_binary" not in out + err


def test_date_header_before_a_first_line_that_only_starts_with_dashes(tmp_path, capsys,
                                                                       monkeypatch):
    """A first line ``---------- Forwarded message ---------`` is no header: the date was
    put inside it, as the text's second line."""
    make_project(tmp_path / "p", releases={})
    received = b"---------- Forwarded message ---------\nSome Title Here\n\nGeneva - Text.\n"
    src = write(tmp_path / "in" / "f.txt", received)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date", "2011-05-01",
                             "--publisher", "acme-rights", str(src))
    assert code == 0, err
    (target,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("*.txt")
    assert target.read_bytes() == b"---\ndate: 2011-05-01\n---\n" + received
    # and a header the file has gets the date as its first field
    src = write(tmp_path / "in" / "h.txt", b"---\r\ntitle: Headed\r\n---\r\nGeneva - Text.\r\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date", "2011-05-02",
                             "--publisher", "acme-rights", str(src))
    assert code == 0, err
    (target,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("2011-05-02-*.txt")
    assert target.read_bytes() == b"---\r\ndate: 2011-05-02\r\ntitle: Headed\r\n---\r\nGeneva - Text.\r\n"


def test_an_html_page_s_language_goes_into_the_header(tmp_path, capsys, monkeypatch):
    """The language a page says it is in (``<html lang>``, else its metadata) is written
    into the release's header, as a tag; anything that is no tag is left out."""
    from pressroom.intake import html_to_release

    body = b"<body><article><h1>T</h1><p>Text.</p></article></body></html>"
    cases = [
        (b'<html lang="fr-fr"><head></head>', "fr-FR"),
        (b'<html><head><meta http-equiv="Content-Language" content="es"></head>', "es"),
        (b'<html><head><meta property="og:locale" content="pt_BR"></head>', "pt-BR"),
        (b'<html lang="fran\xc3\xa7ais"><head><meta property="og:locale" content="fr_CA"></head>',
         "fr-CA"),
        (b'<html lang="fran\xc3\xa7ais"><head></head>', None),
        (b"<html><head></head>", None),
    ]
    for head, tag in cases:
        text, info = html_to_release(head + body)
        assert info.get("language") == tag, head
        assert (f'language: "{tag}"\n' in text) == bool(tag) and text.count("language:") <= 1
    # and the release placed from such a page is read in that language
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "page.html", PAGE.replace(b"<html>", b'<html lang="fr">'))
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    from pressroom.source import parse_release

    (placed,) = (tmp_path / "p/corpus/releases/acme-rights/2012").glob("*.txt")
    assert parse_release(placed).language == "fr"


def test_control_characters_in_a_web_page_are_no_part_of_the_release(tmp_path, capsys,
                                                                      monkeypatch):
    """A C1 control character in the page's headline made the header invalid YAML (the
    page's date was lost with it: "publication date not found"), a NUL in its text made the
    release a binary file."""
    make_project(tmp_path / "p", releases={})
    page = ('<html><head><meta charset="utf-8">'
            '<meta property="article:published_time" content="2011-05-10">'
            "</head><body><h1>Ctl \x81 Title</h1><p>Acme Rights said so\x00 today.</p>"
            "</body></html>").encode()
    write(tmp_path / "in" / "page.html", page)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(tmp_path / "in" / "page.html"))
    assert code == 0, err
    placed = tmp_path / "p/corpus/releases/acme-rights/2011/2011-05-10-ctl-title.txt"
    from pressroom.source import parse_release

    release = parse_release(placed)
    assert release.problems == [] and str(release.date) == "2011-05-10"
    assert release.title == "Ctl Title" and "said so today" in " ".join(release.body.split())


def test_language_is_written_into_a_header(tmp_path, capsys, monkeypatch):
    """A release in French taken in from a text file had no way to say so but editing the
    file: ``--language fr`` writes ``language: fr`` into its header (beside a ``--date``),
    and leaves a release whose header states a language as it is."""
    make_project(tmp_path / "p", releases={})
    french = write(tmp_path / "in" / "fr.txt",
                   "La Coalition salue la décision\n\nGenève, 3 mai 2011 – Acme Rights salue "
                   "la décision du tribunal.\n\nAbout Acme Rights: we defend defenders.\n")
    stated = write(tmp_path / "in" / "es.txt",
                   "---\nlanguage: es\n---\nAcme Rights celebra la decisión\n\n3 de mayo de "
                   "2011 – Acme Rights celebra la decisión.\n\nAbout Acme Rights: we defend.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--language", "fr",
                             str(french), str(stated))
    assert code == 0, err
    folder = tmp_path / "p/corpus/releases/acme-rights/2011"
    (fr,) = folder.glob("*coalition*.txt")
    assert fr.read_text(encoding="utf-8").startswith("---\nlanguage: fr\n---\nLa Coalition")
    (es,) = folder.glob("*celebra*.txt")
    assert es.read_bytes() == stated.read_bytes()
    assert "--language fr ignored: the release's header says es" in out + err
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--language", "French",
                             str(french))
    assert code == 2 and "'French' is not a language tag" in err


def test_a_header_field_given_again_is_replaced_not_doubled(tmp_path, capsys, monkeypatch):
    """``--date`` for a release whose header says ``date: unknown``, ``--language`` for one
    whose header names a language no tag reads: the option's field was written above the
    file's, YAML kept the file's (the last), and the release stayed undated, or its
    header was reported as giving the field twice."""
    make_project(tmp_path / "p", releases={})
    undated = write(tmp_path / "in" / "u.txt",
                    "---\ndate: unknown\nlanguage: French\n---\nStatement Without Date\n\n"
                    "Acme Rights spoke.\n\nAbout Acme Rights: we defend defenders.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(undated))
    assert code == 1 and "or its header says unknown" in out + err
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date", "2011-05-01",
                             "--language", "fr", str(undated))
    assert code == 0, out + err
    (target,) = (tmp_path / "p/corpus/releases/acme-rights/2011").glob("*.txt")
    assert target.read_text(encoding="utf-8").startswith(
        "---\ndate: 2011-05-01\nlanguage: fr\n---\nStatement Without Date\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "check")
    assert code == 0 and "given twice" not in out and "release_header" not in out, out


def test_a_binary_or_empty_file_is_refused_saying_why(tmp_path, capsys, monkeypatch):
    """``add --date`` took a PDF named ``.txt`` and an empty file in as releases, with no
    word; only a later ``check`` said what they were."""
    make_project(tmp_path / "p", releases={})
    binary = write(tmp_path / "in" / "scan.txt", b"%PDF-1.4\x00\x01\x02" + bytes(range(256)) * 8)
    empty = write(tmp_path / "in" / "empty.txt", b"")
    stub = write(tmp_path / "in" / "stub.txt", "Title Only\n\nMay 10, 2011\n")
    for path, subtype in ((binary, "release_binary"), (empty, "release_empty")):
        code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date",
                                 "2011-05-03", "--publisher", "acme-rights", str(path))
        assert code == 1 and "added" not in out, (out, err)
        assert "not added: " in err and f"[pressroom.{subtype}]" in err, err
    assert not (tmp_path / "p/corpus/releases/acme-rights").exists()
    # a title and a date with no text is taken, with a note
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(stub))
    assert code == 0 and "note: the release has no text besides its title and date" in out


def test_a_page_s_text_is_taken_whole_with_its_lines_and_no_spaces_added(tmp_path):
    """The text was taken only from some elements (``<p>``, ``<li>``...), each flattened
    with a space between its parts: text in a ``<div>``, a table, a caption was lost, the
    lines of a paragraph broken with ``<br>`` were run together, a quotation's paragraphs
    became one, and ``<a>BUSINESS WIRE</a>)`` was written ``BUSINESS WIRE )``."""
    from pressroom.intake import html_to_release

    page = ("<html><body><article><h1>Medsafe <b>Gets</b> Clearance</h1>"
            "<div class='meta'>8 February 2024</div>"
            "<p>BOSTON--(<a href='/'>BUSINESS WIRE</a>)--Medsafe<sup>®</sup> today "
            "announced <em>SepsiQuick</em>, a test.</p>"
            "<div class='body'>The test is fast.<br>\n<br>\nIt needs <a href='/x'>no lab"
            "</a> at all.</div>"
            "<blockquote><p>“It saves lives,” said Raj Patel.</p><p>“And money.”</p>"
            "</blockquote>"
            "<table><tr><th>Item</th><th>Figure</th></tr><tr><td><p>Cost</p></td>"
            "<td><b>$5</b></td></tr></table>"
            "<figure><img src='x.jpg'><figcaption>The test kit.</figcaption></figure>"
            "<p><b>Contacts</b><br>Kim Lee<br>617-555-0101</p>"
            "<ul><li>one</li><li>two <ul><li>two a</li></ul></li></ul>"
            "<pre>line  one\n  line two</pre></article></body></html>").encode()
    text, info = html_to_release(page)
    assert info["title"] == "Medsafe Gets Clearance"
    assert text.split("---\n", 2)[2] == (
        "Medsafe Gets Clearance\n\n8 February 2024\n\n"
        "BOSTON--(BUSINESS WIRE)--Medsafe® today announced SepsiQuick, a test.\n\n"
        "The test is fast.\n\nIt needs no lab at all.\n\n"
        "“It saves lives,” said Raj Patel.\n\n“And money.”\n\n"
        "Item | Figure\nCost | $5\n\nThe test kit.\n\nContacts\nKim Lee\n617-555-0101\n\n"
        "one\n\ntwo\n\ntwo a\n\nline  one\n  line two\n")


def test_a_page_s_share_buttons_related_posts_and_banners_stay_out(tmp_path):
    """What sites put around a release (share buttons, related posts, comments in the
    article; a cookie banner, the site's name and menus in divs on a page with no
    ``<article>``; text hidden from the reader) was taken in as part of it."""
    from pressroom.intake import html_to_release

    wordpress = (
        b"<html><body class='single category-social'><main><article class='post tag-cookies'>"
        b"<h1>Acme Rights Condemns Arrest</h1><div class='entry-content'>"
        b"<p>Acme Rights condemned the arrest.</p>"
        b"<div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3><ul><li>Twitter</li>"
        b"</ul></div><div id='jp-relatedposts'><h3>Related</h3><p>Older post</p></div>"
        b"<p hidden>Hidden text</p><div style='display: none'>Invisible text</div>"
        b"<object data='x.swf'>Plugin fallback</object></div>"
        b"<div id='comments' class='comments-area'><p>Free them now!</p></div>"
        b"</article></main></body></html>")
    text, _ = html_to_release(wordpress)
    assert text.split("---\n", 2)[2] == (
        "Acme Rights Condemns Arrest\n\nAcme Rights condemned the arrest.\n")
    wire = (
        b"<html><body><div id='onetrust-banner-sdk'><p>By clicking Accept All Cookies you "
        b"agree.</p></div><div class='bw-header'><div>Business Wire</div>"
        b"<div class='bw-nav'>Newsroom | Login</div></div>"
        b"<div class='bw-release'><div>February 08, 2024</div><h1>Medsafe Gets Clearance</h1>"
        b"<p>BOSTON--(BUSINESS WIRE)--Medsafe Labs today announced a test that gives results "
        b"in under thirty minutes, at the bedside.</p></div>"
        b"<div class='bw-more'>More News From Medsafe</div>"
        b"<div class='bw-copyright'>2024 Business Wire</div></body></html>")
    text, _ = html_to_release(wire)
    assert text.split("---\n", 2)[2] == (
        "Medsafe Gets Clearance\n\nFebruary 08, 2024\n\nBOSTON--(BUSINESS WIRE)--Medsafe Labs "
        "today announced a test that gives results in under thirty minutes, at the bedside.\n")


def test_a_page_s_text_in_an_element_whose_class_names_share_buttons_is_kept(tmp_path):
    """The release's text in an element whose class names what it has around it
    (``entry-content share-enabled``, ``post-body has-sidebar``) was dropped as share
    buttons or a sidebar: the release was its headline alone. What is inside that element
    and is itself chrome still goes."""
    from pressroom.intake import html_to_release

    for wrapper in ("entry-content share-enabled", "post-body has-sidebar"):
        page = (f"<html><body><article><h1>Acme Rights Condemns Arrest</h1>"
                f"<div class='{wrapper}'><p>Acme Rights condemned the arrest.</p>"
                "<div class='share-links'>Share on Twitter</div></div>"
                "<div class='comments-area'><p>Free them now!</p></div>"
                "</article></body></html>").encode()
        text, _ = html_to_release(page)
        assert text.split("---\n", 2)[2] == (
            "Acme Rights Condemns Arrest\n\nAcme Rights condemned the arrest.\n"), wrapper


def test_a_page_s_title_is_its_headline_without_the_site_s_name(tmp_path):
    """The headline in the article's own ``<header>`` (as WordPress themes write it) was
    dropped with the site's header, and the title taken from ``og:title`` or ``<title>``
    with the site's name: ``Freedonia Must Act - Acme Rights``."""
    from pressroom.intake import html_to_release

    head = "<html><head><title>{}</title>{}</head><body>{}</body></html>"
    meta = "<meta property='{}' content='{}'>"
    cases = [
        (head.format("Freedonia Must Act | Acme Rights",
                     meta.format("og:title", "Freedonia Must Act - Acme Rights"),
                     "<header class='site-header'><p>Acme Rights</p></header><article>"
                     "<header class='entry-header'><h1>Freedonia Must Act</h1>"
                     "<time datetime='2023-03-14'>March 14, 2023</time></header>"
                     "<p>Acme Rights called on Freedonia to act.</p></article>"),
         "Freedonia Must Act", "March 14, 2023\n\nAcme Rights called"),
        (head.format("Freedonia Must Act | Acme Rights", meta.format("og:site_name", "Acme Rights"),
                     "<div><p>Acme Rights called on Freedonia to act.</p></div>"),
         "Freedonia Must Act", "Acme Rights called"),
        (head.format("Acme Rights — Freedonia Must Act", meta.format("og:site_name", "Acme Rights"),
                     "<div><p>Acme Rights called on Freedonia to act.</p></div>"),
         "Freedonia Must Act", "Acme Rights called"),
        (head.format("Acme Rights | Freedonia Must Act Now", "",
                     "<div><p>Acme Rights called on Freedonia to act.</p></div>"),
         "Freedonia Must Act Now", "Acme Rights called"),
        (head.format("Freedonia - Court Jails Blogger", "", "<p>A court jailed a blogger.</p>"),
         "Freedonia - Court Jails Blogger", "A court jailed"),
    ]
    for page, title, opening in cases:
        text, info = html_to_release(page.encode())
        assert info["title"] == title, page
        assert text.split("---\n", 2)[2].startswith(f"{title}\n\n{opening}"), text


def test_a_page_s_date_in_its_json_ld_or_its_metadata(tmp_path, capsys, monkeypatch):
    """A page dated only in its JSON-LD (``datePublished``), in Dublin Core or GOV.UK
    metadata, was refused: "publication date not found"."""
    from pressroom.intake import html_to_release

    body = "<body><article><h1>Coral Fund Launched</h1><p>The fund opens today.</p></article>"
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
          '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": '
          '"2025-05-02T10:00:00+01:00", "dateModified": "2025-05-03"}]}</script>')
    cases = [
        (ld, "2025-05-02"),
        ('<script type="application/ld+json">{not json</script>', None),
        ('<meta name="dcterms.date" content="2024-06-20T08:00:00+00:00">', "2024-06-20"),
        ('<meta name="govuk:first-published-at" content="2024-04-15T10:15:00+01:00">',
         "2024-04-15"),
    ]
    for head, date in cases:
        text, info = html_to_release(f"<html><head>{head}</head>{body}</html>".encode())
        assert info.get("date") == date, head
    # WordPress's two times, the published first or not
    _, info = html_to_release(
        b"<html><body><article><h1>T</h1><time class='updated' datetime='2023-03-15'>x</time>"
        b"<time class='entry-date published' datetime='2023-03-14'>y</time><p>Text.</p>"
        b"</article></body></html>")
    assert info["date"] == "2023-03-14"
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "page.html", f"<html><head>{ld}</head>{body}</html>")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    assert (tmp_path / "p/corpus/releases/acme-rights/2025/2025-05-02-coral-fund-launched.txt"
            ).is_file()


def test_a_page_with_a_long_json_ld_array_is_read_in_linear_time():
    """A JSON-LD array of many items (3 MB of them) took fifteen seconds to search for its
    ``datePublished``: each item was taken off the front of a list, so sixteen times the
    items took some 250 times as long. Measured as a ratio of two sizes, taken in turns,
    best of five each, not against a clock: a loaded machine slows both alike, and linear
    is about 16×."""
    import time

    from pressroom.intake import html_to_release

    def page(n: int) -> bytes:
        items = json.dumps([{"k": [i]} for i in range(n)])
        return (f"<html><head><script type='application/ld+json'>{items}</script></head>"
                "<body><article><h1>T</h1><p>Text.</p></article></body></html>").encode()

    pages = {10_000: page(10_000), 160_000: page(160_000)}
    best = dict.fromkeys(pages, float("inf"))
    for _ in range(5):
        for n, html in pages.items():
            start = time.perf_counter()
            _, info = html_to_release(html)
            best[n] = min(best[n], time.perf_counter() - start)
            assert "date" not in info
    assert best[160_000] < 64 * best[10_000], best


def test_an_empty_or_binary_file_named_as_a_page_is_refused(tmp_path, capsys, monkeypatch):
    """An empty ``.html`` file was refused for want of a date and a publisher (and with
    ``--date``, ``--publisher`` added as a release of nothing), with a word from the HTML
    parser naming no file; a PDF saved as ``.html`` was added as a release of its bytes; a
    page its scripts fill in was added as a release of nothing."""
    make_project(tmp_path / "p", releases={})
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\nstream\n" + bytes(range(256)) * 4
    shell = (b'<!doctype html><html><head><meta charset="utf-8"><script src="/app.js">'
             b'</script></head><body><div id="root"></div></body></html>')
    cases = [(b"", "release_empty", "the file is empty"),
             (b"\n  \n", "release_empty", "the file holds only whitespace"),
             (pdf, "release_binary", "looks like a binary file, not a web page"),
             (shell, "release_empty", "the page holds no text")]
    for data, subtype, message in cases:
        src = write(tmp_path / "in" / "page.html", data)
        code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--date",
                                 "2011-05-03", "--publisher", "acme-rights", str(src))
        assert code == 1 and "added" not in out, (data, out, err)
        assert f"{src}: error: not added: {message}" in err and f"[pressroom.{subtype}]" in err
        assert "could not be decoded" not in err and "release_date" not in err, err
    assert not (tmp_path / "p/corpus/releases/acme-rights").exists()


def test_a_binary_file_is_refused_with_one_message(tmp_path, capsys, monkeypatch):
    """A PDF given by mistake was refused as a binary file, and again for want of a date
    and of a publisher, which no binary file gives."""
    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "report.pdf", b"%PDF-1.7\x00\x01\x02" + bytes(range(256)) * 8)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(src))
    assert code == 1 and err.count("error:") == 1, err
    assert f"{src}: error: not added: looks like a binary file" in err


def test_a_release_that_cannot_be_written_is_refused_and_nothing_half_written(
        tmp_path, capsys, monkeypatch):
    """A release whose page's name was taken (by a folder) was written, then writing the
    page stopped the command with a traceback: the release was left without its page and
    the rest of the batch was not taken. A folder that cannot be made did the same."""
    make_project(tmp_path / "p", releases={})
    folder = tmp_path / "p/corpus/releases/acme-rights/2012"
    (folder / "2012-03-04-freedonia-must-act.html").mkdir(parents=True)
    src = write(tmp_path / "in" / "page.html", PAGE)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(src))
    assert code == 0, err
    assert (folder / "2012-03-04-freedonia-must-act-2.txt").is_file()
    assert (folder / "2012-03-04-freedonia-must-act-2.html").read_bytes() == PAGE
    # a file where the year's folder goes: refused, saying why; the next file is taken
    write(tmp_path / "p/corpus/releases/acme-rights/2011", "not a folder")
    dated = write(tmp_path / "in2" / "a.txt", RELEASE_A)
    other = write(tmp_path / "in2" / "b.txt", "Title B\nMay 5, 2012\n\nBody B.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher",
                             "acme-rights", str(dated), str(other))
    assert code == 1 and "Traceback" not in err, err
    assert f"{dated}: error: not added: cannot write corpus/releases/acme-rights/2011" in err
    assert "1 added, 1 refused" in err and (folder / "2012-05-05-title-b.txt").is_file()


def test_ctrl_c_while_writing_leaves_no_half_written_release(tmp_path, capsys, monkeypatch):
    import builtins

    import pressroom.commands.add as add

    make_project(tmp_path / "p", releases={})
    src = write(tmp_path / "in" / "a.txt", RELEASE_A)

    class Interrupted:
        def __init__(self, name, mode):
            self.file = builtins.open(name, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(data[:10])
            raise KeyboardInterrupt

    monkeypatch.setattr(add, "open", Interrupted, raising=False)
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(src))
    assert code == 130
    assert err.strip().endswith("pressroom add: interrupted")
    assert not list((tmp_path / "p/corpus/releases").rglob("*.txt"))


def test_a_byline_s_published_and_updated_times_are_kept_apart(tmp_path):
    """WordPress writes a post's two times side by side (its stylesheet hides one): they
    were run together, ``March 14, 2023March 15, 2023``; and the time a page was changed
    dated the release when it came first."""
    from pressroom.intake import html_to_release

    byline = ("<p>Posted on <a href='/2023/03/14/'><time class='entry-date published' "
              "datetime='2023-03-14'>March 14, 2023</time><time class='updated' "
              "datetime='2023-03-15'>March 15, 2023</time></a> by Press Office</p>"
              "<p>Posted <span class='published'>1 May</span><span class='updated'>2 May</span>"
              "</p><p>Text <b>one</b><b>two</b>.</p>")
    text, info = html_to_release(
        f"<html><body><article><h1>T</h1>{byline}</article></body></html>".encode())
    assert "Posted on March 14, 2023 March 15, 2023 by Press Office" in text
    assert "Posted 1 May 2 May" in text and "Text onetwo." in text
    assert info["date"] == "2023-03-14"
    for changed in ("class='updated'", "itemprop='dateModified'"):
        _, info = html_to_release(
            f"<html><body><article><h1>T</h1><p>Updated <time {changed} datetime='2023-03-15'>"
            f"15 March</time></p><p>Published <time datetime='2023-03-14'>14 March</time></p>"
            f"<p>Text.</p></article></body></html>".encode())
        assert info["date"] == "2023-03-14", changed


def test_a_page_s_footnotes_keep_their_markers_without_the_links_back(tmp_path):
    """A footnote's marker ran into the text (``report.1``), the footnote kept its link back
    (``↩``) and lost its number; footnotes in an ``<aside>`` were dropped as a sidebar."""
    from pressroom.intake import html_to_release

    pages = [  # WordPress, then a page written by Pandoc, then notes in an <aside>
        ("<p>As the report says.<sup><a href='#fn1' id='ref1'>1</a></sup> It is "
         "E=mc<sup>2</sup>, a SepsiQuick<sup>®</sup> test.</p><p>###</p>"
         "<div class='footnotes'><ol><li id='fn1'>Acme Rights, <em>Silenced</em>, 2022. "
         "<a href='#ref1'>↩</a></li></ol></div>"),
        ("<p>As the report says.<a href='#fn1' class='footnote-ref' id='fnref1' "
         "role='doc-noteref'><sup>1</sup></a> It is E=mc<sup>2</sup>, a SepsiQuick<sup>®</sup>"
         " test.</p><p>###</p><section class='footnotes' role='doc-endnotes'><hr><ol>"
         "<li id='fn1'><p>Acme Rights, <em>Silenced</em>, 2022.<a href='#fnref1' "
         "class='footnote-back' role='doc-backlink'>↩︎</a></p></li></ol></section>"),
        ("<p>As the report says.<sup><a href='#n1'>[1]</a></sup> It is E=mc<sup>2</sup>, a "
         "SepsiQuick<sup>®</sup> test.</p><p>###</p><aside><p id='n1'>Acme Rights, "
         "<em>Silenced</em>, 2022. <a href='#top'>^</a></p></aside>"),
    ]
    for body in pages:
        text, _ = html_to_release(
            f"<html><body><article><h1>T</h1>{body}</article></body></html>".encode())
        assert text.endswith("T\n\nAs the report says.[1] It is E=mc2, a SepsiQuick® test."
                             "\n\n###\n\n[1] Acme Rights, Silenced, 2022.\n"), text
    # a footnote with no text: its marker goes before no other text
    text, _ = html_to_release(b"<html><body><article><h1>T</h1><p>Text.<sup><a href='#fn1'>1"
                              b"</a></sup></p><ol><li id='fn1'></li></ol><p>Ends.</p></article>"
                              b"</body></html>")
    assert text.endswith("T\n\nText.[1]\n\nEnds.\n"), text


def test_a_page_with_no_headline_is_titled_without_its_site_s_name_nor_its_kind(tmp_path):
    """A page with no ``<h1>`` kept the ``<title>`` whole when its site's name was in its
    JSON-LD (or Dublin Core, or declared) rather than ``og:site_name``, and when the title
    said what the page is: ``Acme Rights - Press Release - Freedonia: Court Upholds Ban``."""
    from pressroom.intake import html_to_release

    page = "<html><head><title>{}</title>{}</head><body><div>{}</div></body></html>"
    ld = ('<script type="application/ld+json">{{"@graph": [{{"@type": "NewsArticle", '
          '"publisher": {{"@id": "#org"}}}}, {{"@id": "#org", "@type": "Organization", '
          '"name": "{}"}}]}}</script>')
    text = "<p>Acme Rights called on Freedonia to act.</p>"
    cases = [
        (page.format("Freedonia Must Act – Acme Rights Foundation",
                     ld.format("Acme Rights Foundation"), text), (), "Freedonia Must Act"),
        (page.format("Acme Rights Foundation :: Freedonia Must Act",
                     '<meta name="DC.publisher" content="Acme Rights Foundation">', text), (),
         "Freedonia Must Act"),
        (page.format("Acme Rights » Freedonia Must Act", "", text), ("Acme Rights",),
         "Freedonia Must Act"),
        (page.format("Acme Rights - Press Release - Freedonia: Court Upholds Ban", "", text), (),
         "Freedonia: Court Upholds Ban"),
        (page.format("Freedonia: Court Upholds Ban - News - Acme Rights", "", text), (),
         "Freedonia: Court Upholds Ban"),
        # the <title> cut short, the headline written whole as the page's first line
        (page.format("Acme Rights - Press Release - Freedonia: Court Upholds Ban", "",
                     "<p><b>Freedonia: Court Upholds Ban on Rights Groups</b></p>" + text), (),
         "Freedonia: Court Upholds Ban on Rights Groups"),
        # a first line going on from the title as a sentence is no headline
        (page.format("Acme Rights | Freedonia Must Act", "",
                     "<p>Freedonia must act now, said Acme Rights.</p>"), (),
         "Freedonia Must Act"),
        (page.format("Freedonia - Court Jails Blogger - Acme Rights", "", text), (),
         "Freedonia - Court Jails Blogger - Acme Rights"),
    ]
    for html, names, title in cases:
        release, info = html_to_release(html.encode(), names)
        assert info["title"] == title, html
        body = release.split("---\n", 2)[2]
        assert body.startswith(f"{title}\n\n") and body.count(title) == 1, release


def test_a_page_s_publisher_is_the_declared_one_it_names(tmp_path, capsys, monkeypatch):
    """A page naming its publisher (``og:site_name``, JSON-LD's ``publisher``, Dublin Core,
    its author's ``<meta>``), by the name or an alias the project declares, was refused:
    "publisher not found"; one the project does not declare is said, not made up."""
    make_project(tmp_path / "p", releases={})
    write(tmp_path / "p/conf.py", """\
project = "test"
pressroom_publishers = {
    "acme-rights": {"name": "Acme Rights", "aliases": ["Acme Rights Foundation", "ARF"]},
    "ocean-trust": {"name": "Ocean Trust"},
}
""")
    page = ("<html><head><title>{title}</title>{meta}"
            "<meta property='article:published_time' content='2024-05-0{day}'></head><body>"
            "<article><h1>{title}</h1><p>The fund opens today.</p></article></body></html>")
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "publisher": '
          '{"@type": "Organization", "name": "Ocean  Trust"}}</script>')
    pages = {
        "site.html": ("<meta property='og:site_name' content='Acme Rights'>", "acme-rights"),
        "alias.html": ("<meta name='author' content='acme rights foundation'>", "acme-rights"),
        "dc.html": ("<meta name='DC.publisher' content='ARF'>", "acme-rights"),
        "ld.html": (ld, "ocean-trust"),
    }
    for day, (name, (meta, _)) in enumerate(pages.items(), 1):
        write(tmp_path / "in" / name, page.format(title=f"Fund {name}", meta=meta, day=day))
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add",
                             *(str(tmp_path / "in" / name) for name in pages))
    assert code == 0, err
    for day, (name, (_, key)) in enumerate(pages.items(), 1):
        slug = "fund-" + name.replace(".", "-")
        assert (tmp_path / f"p/corpus/releases/{key}/2024/2024-05-0{day}-{slug}.txt").is_file()
    # a publisher not declared: named in the message, the file not added
    other = write(tmp_path / "other" / "page.html", page.format(
        title="City Opens Flood Wall", day=9, meta="<meta property='og:site_name' "
        "content='City of Springfield'><meta name='author' content='Jane Roe'>"))
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", str(other))
    assert code == 1 and "added" not in out
    assert (f"{other}: error: not added: publisher not found: the page "
            "names 'City of Springfield' (og:site_name); 'Jane Roe' (its author's <meta>), "
            "not a publisher declared in conf.py") in err, err
    assert "Traceback" not in err and not (tmp_path / "p/corpus/releases/city-of-springfield"
                                           ).exists()
    # --publisher takes an alias too
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher", "ARF",
                             str(other))
    assert code == 0 and "not declared" not in out, out + err
    assert (tmp_path / "p/corpus/releases/acme-rights/2024/2024-05-09-city-opens-flood-wall.txt"
            ).is_file()


def test_a_publisher_s_own_name_before_another_s_alias():
    """A page, a header or --publisher naming a publisher is that publisher, though another
    declares the name as an alias; an alias two publishers declare names neither."""
    from types import SimpleNamespace

    from pressroom.config import Publisher
    from pressroom.intake import _publisher_named

    project = SimpleNamespace(publishers={
        "acme-group": Publisher(key="acme-group", name="Acme Group", aliases=("Acme", "AG")),
        "acme": Publisher(key="acme", name="Acme"),
        "ag-partners": Publisher(key="ag-partners", name="AG Partners", aliases=("AG",))})
    assert _publisher_named("Acme", project).key == "acme"
    assert _publisher_named("acme group", project).key == "acme-group"
    assert _publisher_named("AG", project) is None


def test_publisher_option_takes_an_alias_over_what_a_file_says(tmp_path, capsys, monkeypatch):
    """``--publisher`` names the publisher of every file, by key, name or alias, over the
    one a file's header gives; its help says so."""
    import argparse

    from pressroom.commands.add import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert "folder key, name or an alias" in " ".join(parser.format_help().split())
    make_project(tmp_path / "p", releases={})
    write(tmp_path / "p/conf.py", """\
project = "test"
pressroom_publishers = {
    "acme-rights": {"name": "Acme Rights", "aliases": ["ARF"]},
    "ocean-trust": {"name": "Ocean Trust"},
}
""")
    src = write(tmp_path / "in" / "a.txt", "---\npublisher: Ocean Trust\ndate: 2024-05-02\n---\n"
                "Fund Opens\n\nThe fund opens today.\n")
    code, out, err = run_cli(capsys, monkeypatch, tmp_path / "p", "add", "--publisher", "ARF",
                             str(src))
    assert code == 0, err
    assert (tmp_path / "p/corpus/releases/acme-rights/2024/2024-05-02-fund-opens.txt").is_file()
