"""``symconv verify``: the three methods agree, and the adjoint and gradient identities hold.

Exit status 0 when every check passes, 1 when one fails (the report says where).

>>> from symconv.cli.main import main
>>> main(["verify", "--preset", "example-1d"])
PASS  three views agree (scatter = zero_insertion = matrix): 3 entries each
PASS  adjoint identity <C u, v> = <u, C^T v>
PASS  gradient identity dL/dz = conv_transpose(I, K)
0
"""

from __future__ import annotations

import argparse

from symconv.cli.options import Request, add_configuration, add_output, add_work_limit, read_request
from symconv.cli.output import write_output
from symconv.engine.verification import Verification, verify_problem

EXAMPLES = """examples:
  symconv verify --preset example-2d-s1
  symconv verify --input 3x3 --kernel 3x3 --stride 2 --padding 1 --output-padding 1
  symconv verify --input 4 --kernel 3 --stride 2 --pads 1,0 --dilation 2
  symconv verify --input 2x2 --kernel 2x2 --in-channels 4 --out-channels 2 --groups 2
exit status: 0 all checks pass, 1 a check fails, 2 bad input
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="prove the three methods agree and the identities hold (exit 1 if not)",
        description=(
            "Compute the output three independent ways (scatter, zero insertion, matrix)\n"
            "and check they agree entry by entry, then check <C u, v> = <u, C^T v> and\n"
            "dL/dz = conv_transpose(I, K), all exactly."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_configuration(parser)
    add_work_limit(parser)
    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    request = read_request(args)
    request.stage("verifying the three methods and the identities")
    report = request_verification(request)
    write_output(args, str(report))
    return 0 if report.ok else 1


def request_verification(request: Request) -> Verification:
    """The request's checks: the derivation's own, or those of its problem with channels."""
    if request.derivation is not None:
        return request.derivation.verification
    return verify_problem(request.problem)
