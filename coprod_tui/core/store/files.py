"""The names of the files in the data folder (no imports: cheap on the start path)."""

MAIN_FILE = "coprod.json"
STATE_FILE = "state.json"
DRAFTS_FILE = "drafts.json"
LOCK_FILE = ".coprod.lock"
TABLE_FILES = {"settings": STATE_FILE, "reading": STATE_FILE, "drafts": DRAFTS_FILE}
FILES = (MAIN_FILE, STATE_FILE, DRAFTS_FILE)
