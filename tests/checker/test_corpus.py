r"""The checker on the seed's results as typed in the seed document, and on realistic mistakes.

The seed strings below are copied from understanding-transposed-convolutions.md; each
mistake is written by hand the way a student would write it, and the test asserts the
position named, the missing and extra terms, and the diagnosis.
"""

import pytest

import symconv
from symconv.checker.compare import check
from symconv.checker.homework import check_homework

# "The output grid would be formed by summing these contributions." (s = 2, p = 0)
SEED_2D_S2 = r"""$$ O = \begin{pmatrix}
aw_{11} & aw_{12} & bw_{11} & bw_{12} \\
aw_{21} & aw_{22} & bw_{21} & bw_{22} \\
cw_{11} & cw_{12} & dw_{11} & dw_{12} \\
cw_{21} & cw_{22} & dw_{21} & dw_{22}
\end{pmatrix} $$"""

# "The final output would be:" (s = 1, p = 0)
SEED_2D_S1 = r"""$$ O = \begin{pmatrix}
aw_{11} & aw_{12}+bw_{11} & bw_{12} \\
aw_{21}+cw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & bw_{22}+dw_{12} \\
cw_{21} & cw_{22}+dw_{21} & dw_{22}
\end{pmatrix} $$"""

# "Output after padding: $[x1*w2, x1*w3 + x2*w1, x2*w2]$"
SEED_1D = "[x1*w2, x1*w3 + x2*w1, x2*w2]"


def one_wrong(report):
    assert report.exit_status == 1 and not report.ok
    assert report.shape is None
    (entry,) = report.entries
    return entry


# --- the seed's own results are accepted exactly as the seed writes them ------------------


@pytest.mark.parametrize(
    "name, text",
    [
        ("example-2d-s2", SEED_2D_S2),
        ("example-2d-s1", SEED_2D_S1),
        ("example-1d", SEED_1D),
        ("example-1d", "$[x1*w2, x1*w3 + x2*w1, x2*w2]$"),
    ],
)
def test_seed_results_are_accepted(name, text):
    report = check(text, name)
    assert report.ok, report.to_text()
    assert report.exit_status == 0
    assert report.entries == () and report.shape is None and report.unknown == ()
    assert report.summary.startswith("All ")


def test_a_right_result_for_another_preset_is_not_accepted():
    # The stride-1 matrix is not the stride-2 result: the size says so.
    report = check(SEED_2D_S1, "example-2d-s2")
    assert report.exit_status == 1
    assert report.shape.expected == (4, 4) and report.shape.written == (3, 3)


# --- one wrong entry: position, missing, extra, diagnosis ----------------------------------


def test_kernel_indices_swapped_in_one_entry():
    text = SEED_2D_S1.replace("bw_{22}+dw_{12}", "bw_{22}+dw_{21}")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.position == (2, 3) and entry.where == "row 2, column 3"
    assert entry.missing_text == ("d*w12",) and entry.extra_text == ("d*w21",)
    assert entry.codes == ["kernel-indices-swapped"]
    assert entry.expected_text == "b*w22 + d*w12"


def test_overlap_term_missing():
    text = SEED_2D_S1.replace("aw_{22}+bw_{21}+cw_{12}+dw_{11}", "aw_{22}+bw_{21}+cw_{12}")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.position == (2, 2)
    assert entry.missing_text == ("d*w11",) and entry.extra_text == ()
    assert entry.codes == ["overlap-term-missing"]
    assert entry.expected_text == "a*w22 + b*w21 + c*w12 + d*w11"


def test_overlap_term_missing_in_1d():
    entry = one_wrong(check("[x1*w2, x1*w3, x2*w2]", "example-1d"))
    assert entry.position == (2,) and entry.where == "entry 2"
    assert entry.missing_text == ("x2*w1",) and entry.extra_text == ()
    assert entry.codes == ["overlap-term-missing"]


def test_sign_wrong():
    entry = one_wrong(check("[x1*w2, x1*w3 - x2*w1, x2*w2]", "example-1d"))
    assert entry.position == (2,)
    assert entry.missing_text == ("x2*w1",) and entry.extra_text == ("-x2*w1",)
    assert entry.codes == ["sign"]


def test_coefficient_wrong():
    entry = one_wrong(check("[x1*w2, 2*x1*w3 + x2*w1, x2*w2]", "example-1d"))
    assert entry.missing_text == ("x1*w3",) and entry.extra_text == ("2*x1*w3",)
    assert entry.codes == ["coefficient"]
    assert "counted 2 times" in entry.diagnoses[0].text


def test_extra_term_is_placed_where_it_belongs():
    text = SEED_2D_S1.replace("aw_{11} &", "aw_{11}+bw_{11} &")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.position == (1, 1)
    assert entry.missing_text == () and entry.extra_text == ("b*w11",)
    assert entry.codes == ["extra-term"]
    assert "belongs in row 1, column 2" in entry.diagnoses[0].text


def test_wrong_input_element():
    text = SEED_2D_S1.replace("aw_{12}+bw_{11}", "aw_{12}+cw_{11}")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.position == (1, 2)
    assert entry.missing_text == ("b*w11",) and entry.extra_text == ("c*w11",)
    assert entry.codes == ["wrong-input"]
    assert "row 2, column 1" in entry.diagnoses[0].text


def test_wrong_kernel_element_that_the_crop_removes():
    entry = one_wrong(check("[x1*w1, x1*w3 + x2*w1, x2*w2]", "example-1d"))
    assert entry.position == (1,)
    assert entry.missing_text == ("x1*w2",) and entry.extra_text == ("x1*w1",)
    assert entry.codes == ["wrong-kernel-element"]
    assert "border the padding crops away" in entry.diagnoses[0].text


def test_wrong_symbol_name():
    text = SEED_2D_S1.replace("aw_{11} &", "ak_{11} &")
    report = check(text, "example-2d-s1")
    entry = one_wrong(report)
    assert entry.position == (1, 1)
    assert entry.missing_text == ("a*w11",) and entry.extra_text == ("a*k11",)
    assert entry.codes == ["wrong-symbol"]
    assert entry.diagnoses[0].terms == ("k11", "w11")
    (unknown,) = report.unknown
    assert unknown.symbol.written == "k_{11}" and unknown.where == "row 1, column 1"
    assert "w11 belongs there" in unknown.message


def test_entry_left_empty():
    text = SEED_2D_S1.replace("& dw_{22}", "& ")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.position == (3, 3) and entry.written == ""
    assert entry.missing_text == ("d*w22",) and entry.extra_text == ()
    assert entry.codes == ["entry-empty"]


def test_terms_that_are_not_products():
    text = SEED_2D_S1.replace("aw_{11} &", "a + w_{11} &")
    entry = one_wrong(check(text, "example-2d-s1"))
    assert entry.missing_text == ("a*w11",) and entry.extra_text == ("a", "w11")
    assert entry.codes == ["missing-term", "not-a-product", "not-a-product"]


def test_zero_based_indices():
    report = check("[x0*w1, x0*w2 + x1*w0, x1*w1]", "example-1d")
    assert report.exit_status == 1
    assert [d.code for d in report.diagnoses] == ["index-base"]
    assert report.unknown == ()  # the one renaming explains every unknown name
    lines = report.to_text().splitlines()
    assert lines[0].startswith("Every entry is right once read with")
    assert "--base 0" in lines[0] and len(lines) <= 4


def single_slip(report, code):
    """The report of one slip: named once, first, with its fix, in a few lines."""
    assert [d.code for d in report.diagnoses] == [code]
    assert all(e.explained and e.diagnoses == () for e in report.entries)
    lines = report.to_text().splitlines()
    assert lines[0] == report.diagnoses[0].headline and "Fix: " in lines[0]
    assert len(lines) < 10
    return lines


# --- whole-result mistakes: one slip, one diagnosis ----------------------------------------


def test_kernel_flipped_1d():
    report = check("[x1*w2, x1*w1 + x2*w3, x2*w2]", "example-1d")
    entry = one_wrong(report)
    assert entry.position == (2,)
    assert entry.missing_text == ("x1*w3", "x2*w1")
    assert entry.extra_text == ("x1*w1", "x2*w3")
    lines = single_slip(report, "kernel-flipped")
    assert lines[0].startswith("Kernel flipped: ")


def test_kernel_flipped_2d():
    flipped = r"""\begin{bmatrix}
    aw_{22} & aw_{21}+bw_{22} & bw_{21} \\
    aw_{12}+cw_{22} & aw_{11}+bw_{12}+cw_{21}+dw_{22} & bw_{11}+dw_{21} \\
    cw_{12} & cw_{11}+dw_{12} & dw_{11}
    \end{bmatrix}"""
    report = check(flipped, "example-2d-s1")
    assert report.exit_status == 1
    first = report.entries[0]
    assert first.position == (1, 1)
    assert first.missing_text == ("a*w11",) and first.extra_text == ("a*w22",)
    assert len(report.entries) == 9
    single_slip(report, "kernel-flipped")
    assert report.summary == (
        "9 of 9 entries wrong: row 1, column 1; row 1, column 2; row 1, column 3; "
        "row 2, column 1; row 2, column 2; row 2, column 3 and 3 more. "
        "The whole result is consistent with: kernel flipped."
    )


def test_transposed_result():
    transposed = r"""\begin{pmatrix}
    aw_{11} & aw_{21}+cw_{11} & cw_{21} \\
    aw_{12}+bw_{11} & aw_{22}+bw_{21}+cw_{12}+dw_{11} & cw_{22}+dw_{21} \\
    bw_{12} & bw_{22}+dw_{12} & dw_{22}
    \end{pmatrix}"""
    report = check(transposed, "example-2d-s1")
    assert [e.position for e in report.entries] == [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]
    first = report.entries[0]
    assert first.missing_text == ("a*w12", "b*w11")
    assert first.extra_text == ("a*w21", "c*w11")
    lines = single_slip(report, "transposed")
    assert lines[0].startswith("Rows and columns swapped") and "row i" in lines[0]


def test_transposed_result_of_another_shape():
    d = symconv.derive_symbolic((1, 2), (2, 2), input_letters=True)
    written = [["aw_{11}", "aw_{21}"], ["aw_{12}+bw_{11}", "aw_{22}+bw_{21}"],
               ["bw_{12}", "bw_{22}"]]
    report = check(written, d)
    assert report.shape.expected == (2, 3) and report.shape.written == (3, 2)
    assert report.shape.causes[0].code == "transposed"
    assert "(and every entry matches that)" in report.shape.causes[0].text
    assert report.to_text().startswith("Wrong size (expected 2x3, got 3x2): Rows and columns")


def test_stride_applied_to_the_kernel_same_size():
    # taps spread 2 apart, blocks placed next to each other
    text = r"""\begin{pmatrix}
    aw_{11} & bw_{11} & aw_{12} & bw_{12} \\
    cw_{11} & dw_{11} & cw_{12} & dw_{12} \\
    aw_{21} & bw_{21} & aw_{22} & bw_{22} \\
    cw_{21} & dw_{21} & cw_{22} & dw_{22}
    \end{pmatrix}"""
    report = check(text, "example-2d-s2")
    assert len(report.entries) == 12  # the four corners agree by chance
    entry = report.entries[0]
    assert entry.position == (1, 2)
    assert entry.missing_text == ("a*w12",) and entry.extra_text == ("b*w11",)
    lines = single_slip(report, "stride-on-kernel")
    assert lines[0].startswith("Stride applied to the kernel")


def test_one_slip_and_one_more_mistake():
    # the kernel flipped everywhere, and one overlap term left out: the slip is named once,
    # the entry it does not explain gets its own note
    text = r"""\begin{pmatrix}
    aw_{22} & aw_{21}+bw_{22} & bw_{21} \\
    aw_{12}+cw_{22} & aw_{11}+bw_{12}+cw_{21} & bw_{11}+dw_{21} \\
    cw_{12} & cw_{11}+dw_{12} & dw_{11}
    \end{pmatrix}"""
    report = check(text, "example-2d-s1")
    (slip,) = report.diagnoses
    assert slip.code == "kernel-flipped" and "every wrong entry but row 2, column 2" in slip.text
    remaining = [e for e in report.entries if not e.explained]
    assert [e.position for e in remaining] == [(2, 2)]
    text = report.to_text()
    assert text.count("diagnosis:") == len(remaining[0].diagnoses) >= 1
    assert "expected:  aw_{22} + bw_{21} + cw_{12} + dw_{11}" in text


def test_crop_all_at_the_start():
    report = check("[x1*w3 + x2*w1, x2*w2, x2*w3]", "example-1d")
    assert [e.position for e in report.entries] == [(1,), (2,), (3,)]
    single_slip(report, "crop-all-at-start")


# --- wrong sizes: the formula worked, the likely cause named ----------------------------------


def test_padding_not_cropped():
    report = check("[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", "example-1d")
    assert report.exit_status == 1 and report.entries == ()
    assert report.shape.expected == (3,) and report.shape.written == (5,)
    assert report.shape.formula == "O = 2*(2 - 1) + 3 - 2*1 = 3"
    cause = report.shape.causes[0]
    assert cause.code == "no-crop" and "canvas" in cause.text
    assert "every entry matches" in cause.text
    assert report.summary.startswith("Wrong size: expected 3 entries, got 5 entries")
    assert "padding not cropped" in report.summary


def test_cropped_at_the_start_only():
    report = check("[x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]", "example-1d")
    assert report.shape.written == (4,)
    assert report.shape.causes[0].code == "crop-start-only"
    assert "every entry matches" in report.shape.causes[0].text


def test_cropped_at_the_end_only():
    report = check("[x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2]", "example-1d")
    assert report.shape.causes[0].code == "crop-end-only"


def test_stride_applied_to_the_kernel_other_size():
    # the slip that gives every entry is the only cause listed: sizes alone are not evidence
    report = check("[x2*w1, x1*w2, x2*w2, x1*w3]", "example-1d")
    assert [c.code for c in report.shape.causes] == ["stride-on-kernel"]


def test_a_wrong_size_no_slip_gives_lists_at_most_two_causes():
    report = check("[x1*w2, x2*w2, x2*w1, x1*w1]", "example-1d")
    assert report.shape.written == (4,)
    assert 1 <= len(report.shape.causes) <= 2
    assert all("every entry matches" not in c.text for c in report.shape.causes)


def test_other_stride():
    report = check(SEED_2D_S1, "example-2d-s2")
    cause = report.shape.causes[0]
    assert cause.code == "stride" and cause.text.startswith("stride 1 used instead of 2")
    assert "every entry matches" in cause.text
    assert report.shape.formula.splitlines() == [
        "O_h = 2*(2 - 1) + 2 - 2*0 = 4",
        "O_w = 2*(2 - 1) + 2 - 2*0 = 4",
    ]


def test_padding_added_instead_of_cropped():
    report = check("[0, x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3, 0]", "example-1d")
    assert report.shape.written == (7,)
    assert report.shape.causes[0].code == "padding-added"


def test_output_padding_ignored():
    d = symconv.derive_symbolic(2, 3, stride=2, padding=1, output_padding=1)
    report = check(SEED_1D, d)
    assert report.shape.expected == (4,)
    assert report.shape.formula == "O = 2*(2 - 1) + 3 - 2*1 + 1 = 4"
    assert "output-padding-ignored" in {c.code for c in report.shape.causes}


def test_no_common_slip():
    report = check("[[a, b], [c, d], [a, b], [c, d], [a, b]]", "example-2d-s1")
    assert report.shape.written == (5, 2) and report.shape.causes == ()
    assert "no common slip" in report.to_text()


# --- size lines: a slip is named only when it changes the formula for the configuration ---


@pytest.mark.parametrize(
    "padding, output_padding, dilation, line, code",
    [
        # no padding: leaving it out changes nothing, the output_padding is what is missing
        (0, 1, 1, "O = 2(2-1)+3-0 = 5", "output-padding-ignored"),
        (0, 1, 2, "O = 2(2-1)+2(3-1)+1 = 7", "output-padding-ignored"),
        (1, 1, 1, "O = 2(2-1)+3 = 5", "no-crop"),
        (1, 1, 1, "O = 2(2-1)+3-2 = 3", "output-padding-ignored"),
        (0, 0, 1, "O = 2*2+3 = 7", "stride-times-input"),
        (0, 0, 2, "O = 2(2-1)+3 = 5", "dilation-ignored"),
        # the canvas has no output_padding, whatever the configuration's
        (0, 1, 1, "O_full = 2*2+3 = 7", "stride-times-input"),
        (0, 1, 2, "O_full = 2(2-1)+3 = 5", "dilation-ignored"),
    ],
)
def test_size_line_names_the_slip_this_configuration_allows(
    padding, output_padding, dilation, line, code
):
    d = symconv.derive_symbolic(
        2, 3, stride=2, padding=padding, output_padding=output_padding, dilation=dilation
    )
    (size,) = check_homework(line, d).checks
    assert size.code == code, size.message


def test_size_line_with_no_padding_never_blames_the_padding():
    d = symconv.derive_symbolic(2, 3, stride=2, output_padding=1)
    (size,) = check_homework("O = 2(2-1)+3-0 = 5", d).checks
    assert "padding is not subtracted" not in size.message
    assert size.message.startswith("5 is wrong, the size is 6: output_padding not added")
