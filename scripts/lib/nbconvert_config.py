# nbconvert config for headless runs (python -m nbconvert --config this-file ...).
# tslab reports a failing cell through its execute_reply and stderr only, and
# `--allow-errors` (used so the executed notebook is written even on failure)
# hides which cell failed. nbclient's on_cell_error hook records the first one
# in the JSON file named by ZEROKARA_ERROR_FILE. (nbclient >= 0.6; older ones
# simply lack the hook and the caller falls back to reading the outputs.)
import json
import os


def _record_first_error(cell=None, cell_index=None, execute_reply=None, **_):
    path = os.environ.get("ZEROKARA_ERROR_FILE")
    if not path or os.path.exists(path):
        return
    content = (execute_reply or {}).get("content", {})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({
            "cell_index": cell_index,
            "cell_id": (cell or {}).get("id"),
            "ename": content.get("ename"),
            "evalue": content.get("evalue"),
        }, f)


c = get_config()  # noqa: F821 (provided by traitlets when loading a config file)
c.ExecutePreprocessor.on_cell_error = _record_first_error
# nbclient waits only iopub_timeout (default 4 s) after a cell's reply for the
# rest of its output; a long cell's last messages (its error text, the final
# progress line) can arrive later than that and were dropped. The per-cell
# timeout (--ExecutePreprocessor.timeout) still bounds a cell that never ends.
c.ExecutePreprocessor.iopub_timeout = 30
