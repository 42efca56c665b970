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
        "def report():\n"
        "    walked = {id(o) for o in gc.get_objects()}\n"  # the frozen are not walked
        "    sympy = sys.modules.get('sympy')\n"
        "    print('state', gc.isenabled(), gc.get_freeze_count() > 0,\n"
        "          sympy is not None and id(vars(sympy)) not in walked, file=sys.stderr)\n"
        "atexit.register(report)\n"
        f"sys.argv = ['symconv', *{argv!r}]\n"
        "from symconv.cli.main import entry_point\n"
        "entry_point()\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    _, enabled, frozen, sympy_frozen = out.stderr.split()
    assert enabled == "True" and frozen == "True"
    assert sympy_frozen == str(loaded == "sympy")
