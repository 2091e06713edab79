"""The README's example shows real output: run its code and compare."""
import contextlib
import io
import re
from pathlib import Path

import pytest

from actorlab import DeadlockError

README = Path(__file__).parent.parent / "README.md"


def test_the_readme_taste_prints_what_the_readme_says(tmp_path):
    text = README.read_text()
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    shown = re.search(r"Running it shows:\n\n```text\n(.*?)```", text, re.S).group(1)
    script = tmp_path / "taste.py"
    script.write_text(code)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(DeadlockError) as caught:
        exec(compile(code, str(script), "exec"), {})
    rendered = out.getvalue() + "\n".join(caught.value._render_traceback_()) + "\n"
    assert rendered == shown
