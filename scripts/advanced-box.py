#!/usr/bin/env python3
"""Wrap a markdown passage in the notebooks' foldable 「発展」 box.

    python3 scripts/advanced-box.py "タイトル" < passage.md     # prints the box to paste into a markdown cell

nbconvert (HTML handouts) leaves markdown inside an HTML block unrendered, while classic
Notebook / JupyterLab render it, so the body is converted to HTML here with nbconvert's own
markdown renderer. Math stays as $…$ / $$…$$ for MathJax (with & kept raw and < > written
\\lt \\gt, so both renderers read it the same), and the box has no blank line inside (a blank
line would end the HTML block in classic Notebook). Use the python that has Jupyter
(/usr/bin/python3 on Debian).
"""
import re
import sys

from nbconvert.filters.markdown_mistune import markdown2html_mistune

MATH = re.compile(r"(\$\$.+?\$\$|\$[^$\n]+?\$)", re.S)
DETAILS_STYLE = "border-left: 3px solid #7b9acc; padding-left: 0.8em; margin: 0.6em 0;"
SUMMARY_STYLE = "display: list-item; cursor: pointer; color: #2f5597; font-weight: bold;"


def _raw_math(m: "re.Match[str]") -> str:
    return m.group(0).replace("&amp;", "&").replace("&lt;", r"\lt ").replace("&gt;", r"\gt ").replace("&quot;", '"')


def md2html(src: str) -> str:
    html = MATH.sub(_raw_math, markdown2html_mistune(src).strip())
    return re.sub(r"\n\s*\n", "\n", html)


def box(title: str, src: str) -> str:
    return (f'<details class="advanced" style="{DETAILS_STYLE}"><summary style="{SUMMARY_STYLE}">発展：{title}</summary>\n'
            + md2html(src) + "\n</details>")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit('usage: python3 scripts/advanced-box.py "タイトル" < passage.md')
    print(box(sys.argv[1], sys.stdin.read()))
