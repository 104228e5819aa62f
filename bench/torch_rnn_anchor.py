"""PyTorch CPU anchor for bench/fused-rnn.bench.ts: the same training step (RNN -> last h -> Linear(1),
MSE, Adam) timed on the CPU. Run with Debian's /usr/bin/python3 (python3-torch 1.13).

Usage: /usr/bin/python3 bench/torch_rnn_anchor.py '{"batch":64,"steps":64,"inputSize":8,"units":64,"iters":5}'
Prints one JSON object: {"torch": "1.13.x", "threads": n, "lstm": {"ms": [...]}, "gru": {"ms": [...]}}.
"""
import json
import sys
import time

import torch


def step_times(cell, cfg):
    torch.manual_seed(0)
    rnn_cls = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
    rnn = rnn_cls(cfg["inputSize"], cfg["units"], batch_first=True)
    head = torch.nn.Linear(cfg["units"], 1)
    params = list(rnn.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x = torch.randn(cfg["batch"], cfg["steps"], cfg["inputSize"])
    y = torch.randn(cfg["batch"], 1)
    times = []
    for i in range(cfg["iters"] + 1):
        t0 = time.perf_counter()
        opt.zero_grad()
        out, _ = rnn(x)
        loss = torch.nn.functional.mse_loss(head(out[:, -1, :]), y)
        loss.backward()
        opt.step()
        float(loss)
        if i > 0:  # the first step pays one-off allocation costs
            times.append((time.perf_counter() - t0) * 1000)
    return times


def main():
    cfg = json.loads(sys.argv[1])
    result = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    for cell in ("lstm", "gru"):
        result[cell] = {"ms": step_times(cell, cfg)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
