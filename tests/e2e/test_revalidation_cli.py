"""A whole NMC revalidation record built through the command line, as real processes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from coprod_tui.core.store import Store
from coprod_tui.revalidation.summary import summary
from tests.conftest import env_for
from tests.revalidation_data import complete_account, write_import_file

PIN = "12A3456B"
PARTNER = "Jo Partnerperson"


def coprod(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "coprod_tui", *args], env=env_for(data, TZ="UTC"),
                          capture_output=True, timeout=60, text=True, input=stdin)
    assert "Traceback" not in done.stderr
    return done


def ok(data: Path, *args: str, stdin: str = "") -> str:
    done = coprod(data, *args, stdin=stdin)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def progress(data: Path) -> dict:
    return json.loads(ok(data, "revalidation", "--json"))


def test_a_complete_record_and_exactly_what_is_missing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    today = dt.date.today()
    renewal = today + dt.timedelta(days=214)
    day = (today - dt.timedelta(days=30)).isoformat()
    ok(data, "registration", "--regulator", "nmc", "--date", renewal.isoformat())
    start = dt.datetime.combine(today - dt.timedelta(days=60), dt.time(9), dt.timezone.utc)
    accounts = [complete_account(n, start + dt.timedelta(days=n)) for n in range(5)]
    ok(data, "import", str(write_import_file(tmp_path / "accounts.json", accounts)))
    learned = tmp_path / "learned.txt"
    learned.write_text("How carers plan their week, and to ask before booking.", encoding="utf-8")
    ok(data, "cpd", "add", "--date", day, "--title", "Co-production workshop", "--method",
       "workshop", "--hours", "20", "--participatory", "--theme", "prioritise",
       "--learned", f"@{learned}", "--evidence-file", str(learned), "--entry", "0" * 8)
    ok(data, "cpd", "add", "--date", day, "--title", "Reading the toolkit", "--method", "reading",
       "--hours", "15", "--individual", "--theme", "Practise effectively", "--learned", "-",
       stdin="The spectrum of engagement.")
    for n in range(4):
        ok(data, "feedback", "add", "--date", day, "--source", "carer", "--said", "-",
           "--changed", f"@{learned}", stdin=f"Feedback number {n}: the visits fit better.")
    ok(data, "hours", "add", "--date", (today - dt.timedelta(days=300)).isoformat(),
       "--until", day, "--hours", "450", "--role", "community nurse")
    address = tmp_path / "address.txt"
    address.write_text("Ward 4, General Hospital", encoding="utf-8")
    ids = [arg for n in range(5) for arg in ("--account", str(n) * 8)]
    ok(data, "discussion", "add", "--partner", PARTNER, "--pin", PIN.lower(), "--date", day,
       "--email", "jo@example.org", "--postcode", "ab1 2cd", "--address", f"@{address}", *ids)

    # One piece missing: the fifth feedback. Both say exactly that.
    state = progress(data)
    assert state["complete"] is False
    assert state["missing"] == ["1 piece of practice-related feedback"]
    assert [r["id"] for r in state["requirements"] if not r["met"]] == ["feedback"]
    line = summary(Store.open(data))
    assert line == ("CPD ok, part. ok, feedback 4/5, accounts ok, hours ok, discussion ok; "
                    "214 days left")
    ok(data, "feedback", "add", "--date", day, "--source", "manager", "--said", "-",
       stdin="Clear plans that families can follow.")

    state = progress(data)
    assert state["complete"] is True and state["missing"] == []
    assert state["days_left"] == 214
    have = {r["id"]: r["have"] for r in state["requirements"]}
    assert have == {"practice-hours": 450, "cpd-hours": 35, "participatory-hours": 20,
                    "feedback": 5, "accounts": 5, "discussion": 5}
    line = summary(Store.open(data))
    assert line == ("Complete: CPD 35h (20 part.), feedback 5, accounts 5, hours 450, "
                    "discussion; 214 days left")
    assert "complete: everything" in ok(data, "revalidation")

    # The partner's details are in no export unless asked for.
    for fmt in ("nmc", "hcpc", "html", "md", "txt", "json"):
        text = ok(data, "export", "--format", fmt)
        for detail in (PARTNER, PIN, "jo@example.org", "AB1 2CD", "General Hospital"):
            assert detail not in text, (fmt, detail)
    pack = ok(data, "export", "--format", "nmc", "--with-partner")
    assert f"Partner's name: {PARTNER}" in pack and f"Partner's NMC PIN: {PIN}" in pack
    assert "Partner's professional address: Ward 4, General Hospital" in pack
    listed = ok(data, "discussion", "list")
    assert PARTNER not in listed and "5 accounts" in listed
    assert PARTNER in ok(data, "discussion", "list", "--with-partner")

    pack = ok(data, "export", "--format", "nmc")
    assert "MISSING" not in pack.split("REFLECTIVE ACCOUNTS\n")[1]
    assert pack.count("REFLECTIVE ACCOUNT ") == 5 and "Drafts" not in pack
    assert "Partner's details:\n  left out of this export" in pack


def test_long_text_is_never_taken_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = coprod(data, "feedback", "add", "--source", "carer", "--said", "Mrs Smith was upset")
    assert done.returncode == 2
    assert "can be read by other users" in done.stderr
    done = coprod(data, "feedback", "add", "--source", "carer")
    assert done.returncode == 2 and "--said -" in done.stderr
    assert not (data / "coprod.json").exists() or "Smith" not in (data / "coprod.json").read_text()


def test_bad_values_exit_2_with_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cases = [
        (("discussion", "add", "--partner", "A", "--pin", "1234567", "--date", "2026-01-01",
          "--email", "a@b.org", "--postcode", "X", "--address", "-", "--account", "x"),
         "is not an NMC PIN"),
        (("cpd", "add", "--title", "t", "--method", "m", "--hours", "lots", "--individual",
          "--learned", "-"), "is not a number of hours"),
        (("cpd", "add", "--title", "t", "--method", "m", "--hours", "1", "--individual",
          "--theme", "kindness", "--learned", "-"), "unknown Code theme"),
        (("feedback", "add", "--source", "neighbour", "--said", "-"), "choices: carer, patient"),
        (("registration", "--regulator", "nmc", "--date", "30/06/2027"), "YYYY-MM-DD"),
        (("hours", "add", "--date", "2026-02-01", "--until", "2026-01-01", "--hours", "8"),
         "before it starts"),
    ]
    for args, expected in cases:
        done = coprod(data, *args, stdin="text")
        assert done.returncode == 2, (args, done.stderr)
        assert expected in done.stderr, (args, done.stderr)


def test_at_file_reads_only_an_own_regular_file_and_never_hangs(tmp_path: Path) -> None:
    """Attacks on ``--said @FILE``: a FIFO (waited for ever), /dev/zero (filled the
    memory), a planted symlink, another user's file, a huge file; and ``--said -``
    from /dev/zero. Each is refused with one line, nothing saved, within the timeout."""
    import os

    data = tmp_path / "data"
    folder = tmp_path / "shared"
    folder.mkdir()
    own = folder / "said.txt"
    own.write_text("The plan fitted our week.\n")
    os.chmod(own, 0o600)
    os.mkfifo(folder / "fifo")
    (folder / "link.txt").symlink_to(own)
    (folder / "big.txt").write_text("a" * 100_000)
    os.chmod(folder / "big.txt", 0o600)
    (folder / "open.txt").write_text("changed by anyone")
    os.chmod(folder / "open.txt", 0o666)
    cases = [("fifo", "not a regular file"), ("/dev/zero", "not a regular file"),
             ("link.txt", "symbolic link"), ("big.txt", "larger than"),
             ("open.txt", "other users can change it")]
    if os.geteuid() == 0:
        planted = folder / "planted.txt"
        planted.write_text("planted by another user")
        os.chmod(planted, 0o644)
        os.chown(planted, 65534, 65534)
        cases.append(("planted.txt", "another user"))
    for name, expected in cases:
        done = subprocess.run(
            [sys.executable, "-m", "coprod_tui", "feedback", "add", "--source", "carer",
             "--said", "@" + name], env=env_for(data, TZ="UTC"), cwd=folder,
            capture_output=True, timeout=60, text=True, stdin=subprocess.DEVNULL)
        assert done.returncode == 1, (name, done.stderr)
        assert expected in done.stderr and "Traceback" not in done.stderr, (name, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, (name, done.stderr)
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "coprod_tui", "feedback", "add", "--source", "carer",
             "--said", "-"], env=env_for(data, TZ="UTC"), capture_output=True, timeout=60,
            text=True, stdin=zero)
    assert done.returncode == 2 and "standard input holds more than" in done.stderr
    assert ok(data, "feedback", "list").strip() == "nothing yet"
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", "feedback", "add", "--source", "carer", "--said",
         "@said.txt"], env=env_for(data, TZ="UTC"), cwd=folder, capture_output=True,
        timeout=60, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "The plan fitted our week." in ok(data, "feedback", "list")


def test_journal_text_from_an_endless_standard_input_is_refused(tmp_path: Path) -> None:
    """`coprod add - < /dev/zero` grew without limit (MemoryError, or a shared server's RAM)."""
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "coprod_tui", "add", "--value", "strengths", "--title", "-",
             "-"], env=env_for(tmp_path / "data", TZ="UTC"), capture_output=True, timeout=120,
            text=True, stdin=zero)
    assert done.returncode == 2, done.stderr
    assert "standard input holds more than" in done.stderr and "Traceback" not in done.stderr


def test_the_partners_details_can_stay_out_of_the_process_list(tmp_path: Path) -> None:
    """Attack: the README taught `--partner "NAME" --email ...`, which every user of the
    server can read (ps). The details now come from @FILE (or are asked), and a value
    typed after the option gets a warning."""
    import os

    data = tmp_path / "data"
    ok(data, "add", "--value", "strengths", "--title", "-", "-", stdin="Ward\nWords")
    entry = json.loads(ok(data, "list", "--json"))[0]["id"]
    for name, text in (("partner.txt", f"{PARTNER}\n"), ("pin.txt", PIN),
                       ("email.txt", "jo@example.org\n"), ("postcode.txt", "AB1 2CD"),
                       ("address.txt", "Ward 4\nGeneral Hospital\n")):
        (tmp_path / name).write_text(text)
        os.chmod(tmp_path / name, 0o600)
    args = ["discussion", "add", "--date", "2026-11-01", "--account", entry]
    done = subprocess.run(
        [sys.executable, "-m", "coprod_tui", *args, "--partner", "@partner.txt", "--pin",
         "@pin.txt", "--email", "@email.txt", "--postcode", "@postcode.txt", "--address",
         "@address.txt"], env=env_for(data, TZ="UTC"), cwd=tmp_path, capture_output=True,
        text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "ps" not in done.stderr
    (doc,) = json.loads(ok(data, "discussion", "list", "--json", "--with-partner"))
    assert (doc["partner"], doc["pin"], doc["email"], doc["postcode"]) == (
        PARTNER, PIN, "jo@example.org", "AB1 2CD")
    typed = coprod(data, *args, "--partner", PARTNER, "--pin", PIN, "--email", "a@b.org",
                   "--postcode", "X", "--address", "-", stdin="Ward 4")
    assert typed.returncode == 0, typed.stderr
    assert "note: --partner given on the command line can be read by other users" in typed.stderr
    assert "--partner @FILE" in typed.stderr


def test_a_record_typed_by_mistake_is_removed_for_good_backups_included(tmp_path: Path) -> None:
    """Attack (a careless user): a patient's name typed into what was learned, or the wrong
    partner, could not be removed at all: no delete in the app or the command line, and
    the daily backups kept it. `coprod cpd delete ID` (and for each log) removes it from
    the log and from every backup."""
    import datetime as dt

    from coprod_tui.core.store import backups

    data = tmp_path / "data"
    ok(data, "add", "--value", "strengths", "--title", "-", "-", stdin="Ward\nWords")
    entry = json.loads(ok(data, "list", "--json"))[0]["id"]
    ok(data, "cpd", "add", "--title", "Workshop", "--method", "workshop", "--hours", "2",
       "--individual", "--learned", "-", stdin="Mrs Patientname taught me to ask first")
    ok(data, "cpd", "add", "--title", "Reading", "--method", "reading", "--hours", "1",
       "--individual", "--learned", "-", stdin="kept")
    ok(data, "discussion", "add", "--partner", "Wrong Personname", "--pin", PIN, "--email",
       "w@example.org", "--postcode", "AB1 2CD", "--address", "-", "--account", entry,
       stdin="Ward 9")
    # Backups holding them: today's daily one and a copy kept before a restore.
    Store.open(data)
    (data / "backups" / f"coprod-{dt.date.today().isoformat()}.json").unlink(missing_ok=True)
    Store.open(data)
    backups.keep_copy(data, data / "coprod.json", "before-restore")
    assert any("Patientname" in p.read_text() for p in (data / "backups").iterdir())
    cpd = [d for d in json.loads(ok(data, "cpd", "list", "--json")) if d["title"] == "Workshop"]
    (discussion,) = json.loads(ok(data, "discussion", "list", "--json"))
    refused = coprod(data, "cpd", "delete", cpd[0]["id"][:8])  # not a terminal, no --yes
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert coprod(data, "cpd", "delete", "zzzz", "--yes").returncode == 2
    for log, record in (("cpd", cpd[0]), ("discussion", discussion)):
        done = coprod(data, log, "delete", record["id"][:8], "--yes")
        assert done.returncode == 0 and "for good" in done.stdout, done.stderr
    for path in data.rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            assert "Patientname" not in text and "Personname" not in text, path
    assert [d["title"] for d in json.loads(ok(data, "cpd", "list", "--json"))] == ["Reading"]
    assert json.loads(ok(data, "discussion", "list", "--json")) == []
    again = coprod(data, "cpd", "delete", cpd[0]["id"][:8], "--yes")
    assert again.returncode == 2 and "matches no record" in again.stderr


def test_a_passed_date_is_said_to_be_passed_not_negative_days_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    passed = dt.date.today() - dt.timedelta(days=3)
    ok(data, "registration", "--regulator", "nmc", "--date", passed.isoformat())
    shown = ok(data, "revalidation")
    assert "(date passed 3 days ago)" in shown
    assert "-3" not in shown
    future = dt.date.today() + dt.timedelta(days=1)
    ok(data, "registration", "--regulator", "nmc", "--date", future.isoformat())
    assert "(1 day left)" in ok(data, "revalidation")


def test_a_cpd_title_and_a_role_can_come_from_a_file(tmp_path: Path) -> None:
    import os

    data = tmp_path / "data"
    title, role = tmp_path / "title.txt", tmp_path / "role.txt"
    title.write_text("Carers' forum on the ward\nsecond line ignored\n")
    role.write_text("Staff nurse, stroke unit\n")
    os.chmod(title, 0o600)
    os.chmod(role, 0o600)
    ok(data, "cpd", "add", "--date", "2026-11-02", "--title", f"@{title}", "--method",
       "workshop", "--hours", "2", "--participatory")
    ok(data, "hours", "add", "--date", "2026-11-02", "--hours", "7.5", "--role", f"@{role}")
    (cpd,) = json.loads(ok(data, "cpd", "list", "--json"))
    (hours,) = json.loads(ok(data, "hours", "list", "--json"))
    assert cpd["title"] == "Carers' forum on the ward"
    assert hours["role"] == "Staff nurse, stroke unit"
