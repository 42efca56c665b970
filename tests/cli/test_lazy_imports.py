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
