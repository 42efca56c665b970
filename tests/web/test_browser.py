"""The web page and the Markdown as headless Chromium shows them, with no network.

Each page is loaded from a file through a closed proxy; the tests read the console,
the DOM after load (with a probe script added to a copy of the page, which measures
the layout: matrix rows stacked, subscripts lowered, nothing wider than a phone) and
screenshots at desktop and phone width. Chromium is required (CI installs it).
"""

from __future__ import annotations

import json
import re

import mistune
import pytest

import symconv
from symconv.latex.example_context import output_context
from symconv.notation.style import Notation
from symconv.web.mathml import mathml
from symconv.web.page import SVG_NS, render_html
from tests.browser import dump_dom, screenshot, variety

PRESETS = ("example-1d", "example-2d-s1", "example-2d-s2")
CSP = "default-src 'none'; style-src 'unsafe-inline'"
# What the source document's three examples show in the middle of their result.
SEED_ENTRIES = {
    "example-1d": "x1w3+x2w1",
    "example-2d-s1": "aw22+bw21+cw12+dw11",
    "example-2d-s2": "dw11",
}

PROBE = """<script>
window.addEventListener("load", function () {
  const rect = (e) => e.getBoundingClientRect();
  const tables = [...document.querySelectorAll("mtable")].filter(
    (t) => t.querySelectorAll(":scope > mtr").length > 1);
  const stacked = tables.filter((t) => {
    const rows = t.querySelectorAll(":scope > mtr");
    return rect(rows[1]).top >= rect(rows[0]).bottom - 1;
  });
  const subs = [...document.querySelectorAll("msub")];
  const lowered = subs.filter((s) => rect(s.children[1]).bottom > rect(s.children[0]).bottom);
  const steps = [...document.querySelectorAll("details.step")];
  const result = steps.find((d) => d.querySelector("summary").textContent.trim() === "Result");
  const cells = result
    ? [...result.querySelector("mtable").querySelectorAll("mtd")].map((c) => c.textContent)
    : [];
  const images = [...document.querySelectorAll("img")];
  const out = {
    math: document.querySelectorAll("math").length,
    tables: tables.length, stacked: stacked.length,
    subs: subs.length, lowered: lowered.length,
    svg: [...document.querySelectorAll("svg")].filter((s) => rect(s).width > 50).length,
    images: images.length,
    loaded: images.filter((i) => i.complete && i.naturalWidth > 0).length,
    scrollWidth: document.body.scrollWidth, innerWidth: window.innerWidth,
    text: document.body.innerText, cells: cells,
  };
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def probed(page: str, folder, name: str = "probe.html", width: int | None = None) -> object:
    """A copy of ``page`` that may run the probe script, written in ``folder``.

    With ``width``, the page is laid out that many CSS pixels wide (headless Chromium's
    window is at least 500 wide; a phone is narrower).
    """
    assert CSP in page
    copy = page.replace(CSP, CSP + "; script-src 'unsafe-inline'; img-src file:")
    if width is not None:
        copy = copy.replace("</head>", f"<style>html {{ width: {width}px; }}</style></head>")
    path = folder / name
    path.write_text(copy.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    return path


def probe(path, width: int = 1200) -> tuple[dict, list[str]]:
    dom, console = dump_dom_at(path, width)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the probe did not run"
    text = found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return json.loads(text), console


def dump_dom_at(path, width: int):
    from tests.browser import run_chromium

    return run_chromium(path, "--dump-dom", f"--window-size={width},1200")


def signature(latex: str) -> str:
    """An entry's LaTeX as the browser's text of its MathML: ``a w_{22}`` as ``aw22``."""
    return re.sub(r"[\s{}_]|\\,", "", latex).replace("-", "−")


@pytest.fixture(scope="module", params=PRESETS)
def page(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    text = render_html(symconv.preset(request.param))
    path = folder / "page.html"
    path.write_text(text, encoding="utf-8")
    return request.param, text, path, folder


def test_the_page_asks_for_nothing_outside_itself(page):
    _, text, path, _ = page
    assert f'content="{CSP}"' in text
    outside = re.findall(r"(?:https?:|ftp:|//[a-z])[^\s\"'<>]*", text.replace(SVG_NS, ""))
    assert outside == []
    assert not re.search(r"<(script|link|iframe|object|embed|img)\b|\bsrc=|url\(", text)
    dom, console = dump_dom(path)
    assert console == []  # a refused request or a script error would be logged here
    assert "<math" in dom and "<svg" in dom


def test_the_mathematics_is_laid_out_and_the_figures_drawn(page):
    name, _, _, folder = page
    found, console = probe(probed(page[1], folder))
    assert console == []
    assert found["math"] > 20
    assert found["tables"] > 3 and found["stacked"] == found["tables"]
    assert found["subs"] > 10 and found["lowered"] == found["subs"]
    assert found["svg"] >= 2  # the canvas and the stretched input
    assert "\\begin" not in found["text"] and "$" not in found["text"]
    assert "w_{" not in found["text"]


def test_a_phone_needs_no_sideways_scrolling_of_the_page(page):
    _, text, _, folder = page
    found, console = probe(probed(text, folder, "phone.html", width=390), width=390)
    assert console == []
    assert found["scrollWidth"] <= 390, found["scrollWidth"]


def test_the_result_holds_the_source_documents_entries_in_the_latex_order(page):
    name, text, path, folder = page
    d = symconv.preset(name)
    entries = [e["latex"] for e in output_context(d, Notation())["entries"]]
    tex = symconv.render_latex(d, form="article")
    result = tex[tex.index("{Result}") :]
    matrix = re.search(r"O = \\begin\{pmatrix\}(.*?)\\end\{pmatrix\}", result, re.DOTALL)
    written = [c.strip() for c in re.split(r"&|\\\\", matrix.group(1))]
    assert written == entries  # the LaTeX's order: row by row
    found, _ = probe(probed(text, folder, "order.html"))
    assert found["cells"] == [signature(e) for e in entries]
    assert SEED_ENTRIES[name] in found["cells"]


def test_screenshots_at_desktop_and_phone_width_show_the_page(page, tmp_path):
    _, _, path, _ = page
    for width in (1200, 390):
        png = tmp_path / f"shot-{width}.png"
        console = screenshot(path, png, width)
        assert console == []
        colours, inked = variety(png)
        assert colours > 64, colours  # text, mathematics and coloured figures
        assert inked > 0.03, inked


def test_mathml_differs_from_the_raw_tex_it_replaces(tmp_path):
    latex = r"O = \begin{pmatrix} a w_{11} & b w_{12} \\ c w_{21} & d w_{22} \end{pmatrix}"
    shots = []
    for name, body in (("math", mathml(latex)), ("raw", f"<p>{latex}</p>")):
        path = tmp_path / f"{name}.html"
        path.write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")
        screenshot(path, tmp_path / f"{name}.png", 600, 300)
        shots.append((tmp_path / f"{name}.png").read_bytes())
    assert shots[0] != shots[1]


def test_the_console_check_sees_a_request_the_page_should_not_make(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text(
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '</head><body><img src="http://example.com/x.png"></body></html>',
        encoding="utf-8",
    )
    _, console = dump_dom(path)
    assert any("example.com" in line for line in console)


def markdown_as_html(markdown: str) -> str:
    """The Markdown as a site would show it: mistune for the text, MathML for the ``$``."""
    html = mistune.create_markdown(plugins=["math"])(markdown)
    html = re.sub(
        r'<div class="math">\$\$(.*?)\$\$</div>',
        lambda m: mathml(m.group(1).strip().replace("&amp;", "&")),
        html,
        flags=re.DOTALL,
    )
    html = re.sub(
        r'<span class="math">\\\((.*?)\\\)</span>',
        lambda m: mathml(m.group(1).replace("&amp;", "&"), display=False),
        html,
        flags=re.DOTALL,
    )
    head = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
    return f"<!DOCTYPE html><html><head>{head}</head><body>{html}</body></html>"


@pytest.mark.parametrize("name", PRESETS)
def test_the_markdown_renders_with_its_figures_beside_it(name, tmp_path, cli):
    out = str(tmp_path / "page.md")
    status, _, err = cli("example", "--preset", name, "--form", "markdown", "-o", out)
    assert status == 0, err
    markdown = (tmp_path / "page.md").read_text()
    figures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown)
    assert figures and all(f.startswith("page_files/fig-") for f in figures)
    assert all((tmp_path / f).is_file() for f in figures)
    assert not re.search(r"https?:", markdown)
    page = probed(markdown_as_html(markdown), tmp_path)  # may load the figures from files
    found, console = probe(page)
    assert console == []
    assert found["images"] == len(figures) and found["loaded"] == len(figures)
    assert found["math"] > 20 and found["stacked"] == found["tables"] > 3
    assert "\\begin" not in found["text"] and "$" not in found["text"]
    png = tmp_path / "md.png"
    assert screenshot(page, png, 900, 2400) == []
    assert variety(png)[0] > 64
