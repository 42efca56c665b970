r"""Grading a folder of submissions against a sheet: one row per student and exercise.

A submission is one file per student (the student is the file's stem), in any format the
checker reads, its answers separated by headings ``Exercise N`` (``## Exercise 2``,
``\section*{Exercise 2}``, ``Exercise 2:``, ``% Exercise 2``). Each part is checked with
:func:`~symconv.checker.homework.check_homework` against its exercise's derivation; the
verdict is ``right``, ``wrong``, ``missing`` (no part, or not the object asked for) or
``unreadable`` (the checker could not read it), with the diagnosis code of the first
slip found.

>>> from symconv.teaching.exercises import exercises
>>> sheet = exercises(2, seed=5, difficulty="easy")
>>> right = "Exercise 1\n" + sheet.exercises[0].answer_latex()
>>> table = grade(sheet, {"ann": right, "bob": "Exercise 2: @@@"})
>>> [(g.student, g.exercise, g.verdict) for g in table.grades]
[('ann', 1, 'right'), ('ann', 2, 'missing'), ('bob', 1, 'missing'), ('bob', 2, 'unreadable')]
>>> table.right_counts()
{1: 1, 2: 0}
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from symconv.checker.compare import compare
from symconv.checker.homework import HomeworkReport, SizeCheck, StepCheck, check_homework
from symconv.checker.read.parse import read_result
from symconv.checker.read.pieces import pieces
from symconv.checker.steps import normalised_name
from symconv.errors import SymconvError
from symconv.latex.templates import render_template
from symconv.teaching.exercises import Sheet

VERDICTS = ("right", "wrong", "missing", "unreadable")
COLUMNS = ("student", "exercise", "verdict", "diagnosis", "headline")
MAX_BYTES = 1_000_000
#: The most common mistakes the summary lists.
MAX_MISTAKES = 8

_HEADING = re.compile(
    r"^[ \t]*(?:\#{1,6}[ \t]*|%+[ \t]*|\\(?:sub)*section\*?[ \t]*\{[ \t]*|\*\*[ \t]*)?"
    r"exercise[ \t]*(\d+)[ \t]*[:.]?[ \t]*(?:\}|\*\*)?[ \t]*[:.]?",
    re.IGNORECASE | re.MULTILINE,
)
#: Plain words for the diagnosis codes, as the summary lists them.
WORDS = {
    "kernel-flipped": "kernel flipped: the last tap used first",
    "kernel-indices-swapped": "kernel indices swapped: w_ij read as w_ji",
    "kernel-not-flipped": "kernel not flipped for the zero-insertion view",
    "no-crop": "padding not cropped from the canvas",
    "crop-start-only": "padding cropped at the start only",
    "crop-end-only": "padding cropped at the end only",
    "crop-all-at-start": "all the padding cropped at the start",
    "crop-all-at-end": "all the padding cropped at the end",
    "padding-added": "padding added around the result instead of cropped",
    "padding-once": "padding subtracted once in the size formula",
    "stride": "blocks placed with the wrong stride",
    "stride-on-kernel": "stride applied to the kernel's taps",
    "stride-times-input": "s*I instead of s*(I - 1) in the size formula",
    "output-padding-ignored": "output_padding not appended",
    "dilation-ignored": "dilation ignored: taps not spread d apart",
    "transposed": "rows and columns swapped",
    "input-transposed": "input read column by column",
    "index-base": "indices counted from 0",
    "renamed": "symbols renamed",
    "matrix-transposed": "C and C^T confused",
    "flattening-order": "cells numbered column by column",
    "border-missing": "stretched input not bordered with zeros",
    "canvas-cropped": "canvas cropped: the result written instead",
    "other-block": "another input element's block",
    "overlap-term-missing": "a product missing where blocks overlap",
    "missing-term": "a product missing",
    "extra-term": "an extra product",
    "wrong-term": "a wrong product",
    "wrong-input": "a product with the wrong input element",
    "wrong-kernel-element": "a product with the wrong kernel tap",
    "wrong-symbol": "a misspelt symbol",
    "unknown-symbol": "a symbol that is not in the exercise",
    "sign": "a wrong sign",
    "coefficient": "a wrong coefficient",
    "entry-empty": "an entry left empty",
    "entry-of-other-position": "an entry written at another position",
    "not-a-product": "an entry that is not a sum of products",
    "arithmetic": "an arithmetic slip in the size formula",
    "size": "a wrong size",
    "size-incomplete": "the size of one axis only",
    "other-step": "another object written than the one asked for",
    "entries": "wrong entries with no common cause",
}


@dataclass(frozen=True)
class Grade:
    """One student's answer to one exercise: verdict, diagnosis code and the report's headline."""

    student: str
    exercise: int
    verdict: str
    diagnosis: str
    headline: str

    def as_dict(self) -> dict:
        """The grade as plain JSON-ready data, in :data:`COLUMNS` order."""
        return {name: getattr(self, name) for name in COLUMNS}


@dataclass(frozen=True)
class GradeTable:
    """Every student's verdict on every exercise of a sheet, sorted by student then exercise."""

    sheet: Sheet
    grades: tuple[Grade, ...]

    @property
    def students(self) -> list[str]:
        """The students, sorted."""
        return sorted({g.student for g in self.grades})

    def right_counts(self) -> dict[int, int]:
        """For each exercise, how many students got it right."""
        counts = {e.number: 0 for e in self.sheet.exercises}
        for g in self.grades:
            counts[g.exercise] += g.verdict == "right"
        return counts

    def mistakes(self) -> list[tuple[str, int, str]]:
        """The diagnosis codes of the wrong answers, most common first: (code, count, words)."""
        counted = Counter(g.diagnosis for g in self.grades if g.verdict == "wrong" and g.diagnosis)
        ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
        return [(code, n, WORDS.get(code, code.replace("-", " "))) for code, n in ordered]

    def to_csv(self) -> str:
        """The table as CSV with a header row (:data:`COLUMNS`)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for g in self.grades:
            writer.writerow([getattr(g, name) for name in COLUMNS])
        return out.getvalue()

    def to_json(self) -> str:
        """The table as JSON: a list of rows, each with :data:`COLUMNS`."""
        return json.dumps([g.as_dict() for g in self.grades], indent=2, ensure_ascii=False) + "\n"

    def summary_latex(self) -> str:
        """A one-page LaTeX summary: per exercise how many right, and the common mistakes."""
        per = {e.number: Counter() for e in self.sheet.exercises}
        common = {e.number: Counter() for e in self.sheet.exercises}
        for g in self.grades:
            per[g.exercise][g.verdict] += 1
            if g.verdict == "wrong" and g.diagnosis:
                common[g.exercise][g.diagnosis] += 1
        rows = []
        for e in self.sheet.exercises:
            top = sorted(common[e.number].items(), key=lambda item: (-item[1], item[0]))
            rows.append(
                {
                    "number": e.number,
                    "asked": e.name,
                    "counts": [per[e.number][v] for v in VERDICTS],
                    "mistake": f"{top[0][0]} ({top[0][1]})" if top else "",
                }
            )
        return render_template(
            "grade-summary.tex.j2",
            sheet={"number": self.sheet.seed, "difficulty": self.sheet.difficulty},
            students=len(self.students),
            rows=rows,
            verdicts=VERDICTS,
            mistakes=self.mistakes()[:MAX_MISTAKES],
        )

    def _repr_html_(self) -> str:
        """Jupyter shows the table."""
        head = "".join(f"<th>{name}</th>" for name in COLUMNS)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(str(v))}</td>" for v in g.as_dict().values())
            + "</tr>"
            for g in self.grades
        )
        return f"<table><tr>{head}</tr>{body}</table>"


def grade(sheet: Sheet | str | Path, submissions: object) -> GradeTable:
    r"""Grade ``submissions`` against ``sheet`` (a Sheet, or the path of its JSON).

    ``submissions`` is a folder (one file per student, the student its stem) or a mapping
    of student to text. A part the checker cannot read is graded ``unreadable`` and
    grading goes on.

    >>> from symconv.teaching.exercises import Exercise, Sheet
    >>> sheet = Sheet(0, "easy", ("result",), (Exercise(1, (2,), (3,), (2,), (1,), (0,), (1,),
    ...                                                 "result"),))
    >>> row, = grade(sheet, {"ann": "## Exercise 1\nO = [x1*w2, x1*w1 + x2*w3, x2*w2]"}).grades
    >>> row.verdict, row.diagnosis
    ('wrong', 'kernel-flipped')
    """
    if isinstance(sheet, (str, Path)):
        sheet = read_sheet(Path(sheet))
    if not isinstance(sheet, Sheet):
        raise SymconvError("sheet", "must be a Sheet or the path of a sheet's JSON", sheet)
    texts = read_submissions(Path(submissions)) if isinstance(submissions, (str, Path)) else None
    if texts is None:
        if not isinstance(submissions, dict):
            raise SymconvError("submissions", "must be a folder or a mapping", submissions)
        texts = dict(submissions)
    grades = []
    for student in sorted(texts):
        text = texts[student]
        if isinstance(text, SymconvError):
            grades += [
                Grade(student, e.number, "unreadable", "", str(text)) for e in sheet.exercises
            ]
            continue
        parts = split_parts(text)
        for e in sheet.exercises:
            grades.append(grade_part(student, e, parts.get(e.number)))
    return GradeTable(sheet, tuple(grades))


def read_sheet(path: Path) -> Sheet:
    """The sheet in the JSON file ``path``."""
    if not path.is_file():
        raise SymconvError("SHEET", "is not a file", str(path))
    try:
        return Sheet.from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise SymconvError("SHEET", f"cannot be read ({error})", str(path)) from None


def read_submissions(folder: Path) -> dict[str, str | SymconvError]:
    """Each student's text (the student is the file's stem), or the error reading it."""
    if not folder.is_dir():
        raise SymconvError("SUBMISSIONS", "is not a folder", str(folder))
    found: dict[str, str | SymconvError] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        student = path.stem
        if student in found:
            raise SymconvError("SUBMISSIONS", f"holds two files for {student!r}", str(path))
        found[student] = _read(path)
    if not found:
        raise SymconvError("SUBMISSIONS", "holds no files", str(folder))
    return found


def _read(path: Path) -> str | SymconvError:
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as error:
        return SymconvError(path.name, f"cannot be read ({error.strerror})")
    if len(raw) > MAX_BYTES:
        return SymconvError(path.name, f"is larger than {MAX_BYTES:,} bytes")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return SymconvError(path.name, "is not UTF-8 text")


def split_parts(text: str) -> dict[int, str]:
    r"""The answers of a submission by exercise number, split at the ``Exercise N`` headings.

    >>> split_parts("## Exercise 1\nO = [1]\n\\section*{Exercise 2}\nZ = [0]\n% Exercise 3: x")
    {1: '\nO = [1]\n', 2: '\nZ = [0]\n', 3: 'x'}
    """
    parts: dict[int, str] = {}
    headings = list(_HEADING.finditer(text))
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(text)
        number = int(heading.group(1))
        parts[number] = parts.get(number, "") + text[heading.end() : end]
    return parts


def grade_part(student: str, exercise, text: str | None) -> Grade:
    """One student's part for ``exercise`` checked: verdict, diagnosis and headline."""
    number = exercise.number
    if text is None or not _content(text):
        return Grade(student, number, "missing", "", f"no answer to exercise {number}")
    d = exercise.derivation
    try:
        report = check_homework(text, d)
        checks = list(report.checks)
        asked = [c for c in checks if _answers(c, exercise)]
        if not asked:
            asked = _unnamed_as_asked(text, exercise, checks)
            checks = asked or checks
    except SymconvError as error:
        return Grade(student, number, "unreadable", "", str(error))
    headline = report.headline if checks == list(report.checks) else _headline(checks, report)
    if not asked:
        if not report.checked:
            return Grade(student, number, "unreadable", "", report.headline)
        return Grade(
            student,
            number,
            "missing",
            "other-step",
            f"no {exercise.typed_name} found; {headline}",
        )
    checked = [c for c in checks if not isinstance(c, StepCheck) or c.report is not None]
    wrong = [c for c in asked if not c.ok] + [c for c in checked if not c.ok and c not in asked]
    if wrong:
        return Grade(student, number, "wrong", diagnosis_code(wrong[0]), headline)
    if exercise.asked == "size" and len({normalised_name(c.name) for c in asked}) < exercise.rank:
        return Grade(
            student, number, "wrong", "size-incomplete", "give the size of each axis: O_h and O_w"
        )
    return Grade(student, number, "right", "", headline)


def diagnosis_code(check: StepCheck | SizeCheck) -> str:
    """The code of a wrong step's slip: the whole-object diagnosis, the size's cause, or the
    first wrong entry's."""
    if isinstance(check, SizeCheck):
        return check.code
    report = check.report
    if report is None:
        return "other-step"
    if report.diagnoses:
        return report.diagnoses[0].code
    if report.shape is not None:
        return report.shape.causes[0].code if report.shape.causes else "size"
    for entry in report.entries:
        if entry.diagnoses:
            return entry.diagnoses[0].code
    if report.unknown:
        return "unknown-symbol"
    return "entries"


def _answers(check, exercise) -> bool:
    """True when ``check`` is of the object the exercise asks for."""
    if exercise.asked == "size":
        return isinstance(check, SizeCheck) and "full" not in check.name.lower()
    if not isinstance(check, StepCheck) or check.step is None:
        return False
    if check.step.kind != exercise.asked:
        return False
    return exercise.asked != "scaled" or check.step.element == exercise.element


def _unnamed_as_asked(text: str, exercise, checks: list) -> list:
    """An answer given as one unnamed matrix, checked as the object asked for."""
    if exercise.step is None:
        return []
    found = [p for p in pieces(text) if p.kind == "matrix"]
    if len(found) != 1 or found[0].name:
        return []
    (piece,) = found
    report = compare(read_result(piece.text, exercise.derivation), exercise.step)
    return [StepCheck(exercise.typed_name, piece.line, exercise.step, report)]


def _headline(checks: list, report: HomeworkReport) -> str:
    return HomeworkReport(report.derivation, tuple(checks)).headline


def _content(text: str) -> bool:
    """True when ``text`` holds more than blanks and LaTeX's document commands."""
    stripped = re.sub(r"\\(?:end|begin)\{document\}|\\maketitle", "", text)
    return bool(stripped.strip(" \t\r\n$:.%#*"))
