"""Reading driven by keys: contents, reader navigation, progress, links, resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from coprod_tui.app import CoprodApp
from coprod_tui.reading.contents_screen import ReadingScreen
from coprod_tui.reading.links import LinksDialog
from coprod_tui.reading.reader import ReaderScreen
from coprod_tui.reading.reader_body import ReaderBody
from coprod_tui.reading.records import PLACE_ID
from coprod_tui.shell.help import HelpScreen
from coprod_tui.shell.home import HomeScreen
from tests.conftest import ROOT, wait_until

NESTA = "https://www.nesta.org.uk/report/good-and-bad-help-how-purpose-and-confidence-transform-lives/"


def read_ids(app: CoprodApp) -> set[str]:
    return {d["id"] for d in app.store.all("reading") if d["id"] != PLACE_ID and d.get("read")}


def reader_on(app: CoprodApp, section_id: str) -> bool:
    screen = app.screen
    return isinstance(screen, ReaderScreen) and screen.ready and screen.section_id == section_id


def option_texts(app: CoprodApp) -> list[str]:
    options = app.screen.query_one("#reading-toc", OptionList).options
    return [str(option.prompt) for option in options]


async def test_read_sections_with_keys_and_progress_is_kept(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert "If you have 10 minutes  (0 of 6 read, about 9 min)" in option_texts(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))
        assert read_ids(app) == set()
        body = app.screen.query_one("#reader-body", ReaderBody)
        # At 80x24 the section needs scrolling (once it is laid out).
        await wait_until(pilot, lambda: body.max_scroll_y > 0)
        await pilot.press("down")
        await wait_until(pilot, lambda: body.scroll_y == 1)
        assert read_ids(app) == set()
        await pilot.press("space")
        await wait_until(pilot, lambda: body.scroll_y > 2)  # space pages down
        await pilot.press("end")
        await wait_until(pilot, lambda: read_ids(app) == {"what-is-co-production"})
        await pilot.press("home")
        await wait_until(pilot, lambda: body.scroll_y == 0)
        await pilot.press("n")
        await wait_until(pilot, lambda: reader_on(app, "five-values"))
        await pilot.press("m")
        await wait_until(pilot, lambda: "five-values" in read_ids(app))
        assert "[x] read" in str(app.screen.query_one("#reader-status").render())
        await pilot.press("m")
        await wait_until(pilot, lambda: "five-values" not in read_ids(app))
        await pilot.press("p")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))
        await pilot.press("p")
        await pilot.pause()
        assert reader_on(app, "what-is-co-production"), "no section before the first"
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        texts = option_texts(app)
        # The section left was read to its end: Continue offers the next unread one.
        assert texts[0] == "> Continue: The five values"
        assert "  [x] What co-production is  2 min" in texts
        assert "  [ ] The five values  1 min" in texts
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_until(pilot, lambda: "10-minute tier 1/6, 30-minute tier 0/7" in str(
            app.screen.query_one("#areas", OptionList).get_option("read").prompt))


async def test_next_crosses_into_the_next_tier(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1", "enter")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))
        for _ in range(6):
            await pilot.press("n")
        await wait_until(pilot, lambda: reader_on(app, "what-it-is-and-is-not"))
        assert "30-minute tier, section 1 of 7" in str(
            app.screen.query_one("#reader-title").render())


async def test_links_are_listed_and_copied_never_opened(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    opened: list[str] = []
    app.open_url = lambda url, **kw: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1", "enter")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksDialog))
        assert app.screen.links == []
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for _ in range(5):
            await pilot.press("n")
        await wait_until(pilot, lambda: reader_on(app, "co-production-imperative"))
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksDialog))
        assert [link.url for link in app.screen.links] == [NESTA]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.clipboard == NESTA)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("end")
        markdown = app.screen.query_one("#reader-text").source
        assert f"<{NESTA}>" in markdown, "the address is shown as text"
    assert opened == []


async def test_place_is_resumed_after_a_restart(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1", "down", "down", "enter")
        await wait_until(pilot, lambda: reader_on(app, "spectrum-of-engagement"))
        await pilot.press("pagedown", "down", "down")
        scrolled = round(app.screen.query_one("#reader-body", ReaderBody).scroll_y)
        assert scrolled > 0
        await pilot.press("q")
    place = app.store.get("reading", PLACE_ID)
    assert place["section"] == "spectrum-of-engagement" and place["scroll"] == scrolled

    again = CoprodApp(data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: again.store_ready)
        await pilot.press("r")
        await wait_until(pilot, lambda: reader_on(again, "spectrum-of-engagement"))
        body = again.screen.query_one("#reader-body", ReaderBody)
        # The place is restored after the section's layout: wait for it under load.
        await wait_until(pilot, lambda: round(body.scroll_y) == scrolled)
        assert round(body.scroll_y) == scrolled
        assert again.current_mode == "read"
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(again.screen, ReadingScreen))
        await pilot.press("home", "enter")  # the "Continue" row
        await wait_until(pilot, lambda: reader_on(again, "spectrum-of-engagement"))
        assert round(again.screen.query_one("#reader-body", ReaderBody).scroll_y) == scrolled


async def test_continue_with_nothing_read_opens_the_first_section(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("r")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))


async def test_help_in_the_reader_says_how_to_open_a_link_from_a_server(data_dir: Path) -> None:
    # Watching the training from a shared server is help, not reading: it is
    # reached with F1 from the reader, not listed as a section.
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("introduction-training")
        await wait_until(pilot, lambda: reader_on(app, "introduction-training"))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = app.screen.markdown()
        assert "Opening a link from a shared server" in text
        assert "OSC 52" in text and "--no-mouse" in text and "coprod read an-hour" in text
        await pilot.press("b")
        await wait_until(pilot, lambda: reader_on(app, "introduction-training"))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, (ReadingScreen, HomeScreen)))
        if isinstance(app.screen, ReadingScreen):
            assert not any("shared server" in text for text in option_texts(app))


async def test_open_reading_contract_opens_a_section(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("complexity")
        await wait_until(pilot, lambda: reader_on(app, "complexity"))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_content_packs_in_the_app(data_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "reading").mkdir(parents=True)
    (broken / "reading" / "manifest.json").write_text("{not json", encoding="utf-8")
    example = ROOT / "content" / "examples" / "local-pack"
    app = CoprodApp(data_dir=data_dir, content_dirs=[broken, example])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1
        assert str(broken / "reading" / "manifest.json") in messages[0]
        assert "not valid JSON" in messages[0]
        texts = option_texts(app)
        assert "  [ ] Discuss it with your team (our version)  1 min" in texts
        assert "  [ ] Support for carers near you  1 min" in texts
        assert "  [ ] What co-production is  2 min" in texts


async def test_links_are_also_terminal_hyperlinks(data_dir: Path) -> None:
    from textual.widgets._markdown import MarkdownBlock

    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("carers-in-health-care")
        await wait_until(pilot, lambda: reader_on(app, "carers-in-health-care"))
        links = [
            span.style.link for block in app.screen.query(MarkdownBlock)
            for span in block._content.spans if getattr(span.style, "link", None)
        ]
        assert links == ["https://youtu.be/9JiiDahD218"]


async def test_unknown_section_says_so_and_the_app_keeps_working(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("no-such-section")
        await wait_until(pilot, lambda: any(
            "no-such-section" in n.message for n in app._notifications))
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


def footer_mark(app: CoprodApp) -> str:
    """What the footer offers for m, as shown."""
    (binding,) = [b.binding for key, b in app.screen.active_bindings.items() if key == "m"]
    return binding.description


async def test_footer_says_what_m_will_do(data_dir: Path) -> None:
    # Issue 17: the footer said "Mark read" on a section m would mark unread.
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("five-values")
        await wait_until(pilot, lambda: reader_on(app, "five-values"))
        assert footer_mark(app) == "Mark read"
        await pilot.press("m")
        await wait_until(pilot, lambda: "five-values" in read_ids(app))
        await pilot.pause()
        assert footer_mark(app) == "Mark unread"
        await pilot.press("m")
        await wait_until(pilot, lambda: "five-values" not in read_ids(app))
        await pilot.pause()
        assert footer_mark(app) == "Mark read"
        # A section read earlier opens offering "Mark unread" at once.
        await pilot.press("m", "n")
        await wait_until(pilot, lambda: reader_on(app, "spectrum-of-engagement"))
        await pilot.press("p")
        await wait_until(pilot, lambda: reader_on(app, "five-values"))
        await pilot.pause()
        assert footer_mark(app) == "Mark unread"


async def test_links_dialog_without_links_offers_no_copy(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        app.open_reading("five-values")
        await wait_until(pilot, lambda: reader_on(app, "five-values"))
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksDialog))
        await pilot.pause()
        offered = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "copy" not in offered
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "No links in this section." in text and "copy" not in text.lower()


async def test_the_hour_tier_gives_no_minutes(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        texts = option_texts(app)
        assert "If you have an hour  (0 of 1 read)" in texts
        assert "  [ ] The introduction to co-production training" in texts
        assert "If you have 10 minutes  (0 of 6 read, about 9 min)" in texts
        app.open_reading("introduction-training")
        await wait_until(pilot, lambda: reader_on(app, "introduction-training"))
        title = str(app.screen.query_one("#reader-title").render())
        assert title.endswith("One-hour tier, section 1 of 1") and "min" not in title


async def test_continue_goes_past_a_section_read_to_its_end(data_dir: Path) -> None:
    app = CoprodApp(data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.store_ready)
        await pilot.press("1", "enter")
        await wait_until(pilot, lambda: reader_on(app, "what-is-co-production"))
        await pilot.press("end")
        await wait_until(pilot, lambda: read_ids(app) == {"what-is-co-production"})
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen))
        assert option_texts(app)[0] == "> Continue: The five values"
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        read = str(app.screen.query_one("#areas", OptionList).get_option("read").prompt)
        assert "10-minute tier 1/6" in read and "30-minute tier 0/7" in read
        assert "Follow-up 0/5" in read
        await pilot.press("r")
        await wait_until(pilot, lambda: reader_on(app, "five-values"))
