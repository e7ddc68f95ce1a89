#!/usr/bin/python3
"""PyTorch's torch.autograd.gradcheck on the networks of `bench/check.sh --torch` (not a test).

Usage: torch_gradcheck.py LAYERS fast|full [BATCH]. Builds an MLP of the given layer sizes in
float64, sigmoid hidden units, with binary cross-entropy on a sigmoid output for one output unit
and softmax cross-entropy otherwise, averaged over the batch (gradaudit's built-in network and
loss; the same shapes, weights N(0, 1/n_in), biases N(0, 0.01), inputs N(0, 1)), runs
gradcheck once on its parameters with fast_mode True or False, and prints the in-process
seconds of that call and its verdict. One call per process, as gradaudit's side is one check per
JVM.
"""
import sys
import time

import torch
import torch.nn.functional as F


def main():
    layers = [int(s) for s in sys.argv[1].split(",")]
    fast = sys.argv[2] == "fast"
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 32
    g = torch.Generator().manual_seed(1)
    params = []
    for nin, nout in zip(layers, layers[1:]):
        params.append((torch.randn(nout, nin, generator=g, dtype=torch.float64) / nin ** 0.5).requires_grad_())
        params.append((0.1 * torch.randn(nout, generator=g, dtype=torch.float64)).requires_grad_())
    x = torch.randn(batch, layers[0], generator=g, dtype=torch.float64)
    out = layers[-1]
    if out == 1:
        y = torch.randint(0, 2, (batch, 1), generator=g).double()
    else:
        y = torch.randint(0, out, (batch,), generator=g)

    def loss(*ps):
        a = x
        for l in range(0, len(ps), 2):
            z = a @ ps[l].T + ps[l + 1]
            a = torch.sigmoid(z) if l + 2 < len(ps) else z
        return F.binary_cross_entropy_with_logits(a, y) if out == 1 else F.cross_entropy(a, y)

    t0 = time.perf_counter()
    ok = torch.autograd.gradcheck(loss, tuple(params), fast_mode=fast)
    seconds = time.perf_counter() - t0
    print(f"{seconds:.6f} {'pass' if ok else 'FAIL'}")


if __name__ == "__main__":
    main()
