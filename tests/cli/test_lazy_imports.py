"""What each path loads: ``symconv size`` and ``import symconv`` need neither SymPy nor Jinja."""

import subprocess
import sys

import pytest

HEAVY = ("sympy", "jinja2", "mpmath", "pathlib", "shutil")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return set(out.stdout.splitlines()[-1].split())


@pytest.mark.parametrize(
    "code",
    [
        "from symconv.cli.main import main; main(['size', '--input', '4x4', '--kernel', '3'])",
        "from symconv.cli.main import main; main(['size', '--preset', 'example-2d-s2'])",
        "from symconv.cli.main import main; main(['size', '--convention', 'keras', '--input', "
        "'2', '--kernel', '3', '--stride', '2', '--padding', 'same'])",
        "import symconv",
    ],
)
def test_the_size_path_loads_no_sympy(code):
    loaded = loaded_after(code)
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}


def test_a_public_name_still_loads_on_first_use():
    loaded = loaded_after("import symconv; symconv.conv_transpose")
    assert "sympy" in loaded


def test_only_the_requested_subcommand_is_imported():
    loaded = loaded_after(
        "from symconv.cli.main import main; main(['size', '--input', '2', '--kernel', '3'])"
    )
    commands = {name for name in loaded if name.startswith("symconv.cli.commands.")}
    assert commands == {"symconv.cli.commands.size"}


@pytest.mark.parametrize(
    "argv, loaded",
    [
        (["verify", "--input", "2", "--kernel", "3"], "sympy"),
        (["size", "--input", "2", "--kernel", "3"], None),
    ],
)
def test_the_console_script_freezes_the_libraries_it_loaded(argv, loaded):
    # The collector stays on for the command's own objects; the libraries loaded before it
    # ran are frozen, so a full pass does not walk SymPy's objects again.
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('state', gc.isenabled(), gc.get_freeze_count(),"
        " 'sympy' in sys.modules, file=sys.stderr))\n"
        f"sys.argv = ['symconv', *{argv!r}]\n"
        "from symconv.cli.main import entry_point\n"
        "entry_point()\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    _, enabled, frozen, has_sympy = out.stderr.split()
    assert enabled == "True"
    assert has_sympy == str(loaded == "sympy")
    # SymPy alone leaves some fifty thousand objects to freeze; the size path ten thousand
    assert 1_000 < int(frozen) and (int(frozen) > 40_000) == (loaded == "sympy")
