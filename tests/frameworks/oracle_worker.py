"""A child process that runs one framework's transposed convolution for the tests.

It reads one JSON request a line (``{"call": ..., "args": [...], "kwargs": {...}}``, the
arrays as nested lists of integers) and answers one JSON line: ``{"ok": true, "y": ...}``
or ``{"ok": false, "error": "..."}``. Running the framework in its own process keeps a
crash (XLA on CPU aborts the process for some convolutions) away from the test runner.
"""

import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("JAX_PLATFORMS", "cpu")


def calls(framework: str) -> dict:
    """The functions a request may name, for ``framework``."""
    import numpy as np

    if framework == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)
        from jax import lax

        def transpose(lhs, rhs, *args, **kwargs):
            kwargs = {k: (tuple(v) if k == "dimension_numbers" else v) for k, v in kwargs.items()}
            if args and isinstance(args[1], list):
                args = (args[0], [tuple(p) for p in args[1]], *args[2:])
            return lax.conv_transpose(np.array(lhs, float), np.array(rhs, float), *args, **kwargs)

        def general(lhs, rhs, *args, **kwargs):
            if isinstance(args[1], list):
                args = (args[0], [tuple(p) for p in args[1]], *args[2:])
            return lax.conv_general_dilated(
                np.array(lhs, float), np.array(rhs, float), *args, **kwargs
            )

        return {"conv_transpose": transpose, "conv_general_dilated": general}
    if framework == "tensorflow":
        import tensorflow as tf

        def transpose(x, f, *args, **kwargs):
            return tf.nn.conv_transpose(np.array(x, float), np.array(f, float), *args, **kwargs)

        return {"conv_transpose": transpose}
    import keras

    def keras_transpose(x, k, *args, **kwargs):
        return keras.ops.conv_transpose(np.array(x, float), np.array(k, float), *args, **kwargs)

    return {"conv_transpose": keras_transpose}


def run_snippet(code, x_src, w_src):
    """Run a translation's code snippet on integer operands; its ``y`` is the answer."""
    import numpy as np

    space = {"x_src": np.array(x_src, float), "w_src": np.array(w_src, float)}
    exec(code, space)  # the snippet symconv wrote for this framework
    return space["y"]


def main() -> None:
    import numpy as np

    table = {**calls(sys.argv[1]), "snippet": run_snippet}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            y = table[request["call"]](*request["args"], **request["kwargs"])
            answer = {"ok": True, "y": np.asarray(y).tolist(), "shape": list(np.shape(y))}
        except Exception as error:  # the framework refuses: report it
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
