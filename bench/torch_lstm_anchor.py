"""PyTorch CPU anchor for bench/training.bench.ts: the same model (one LSTM or GRU layer -> last hidden
state -> Linear(1)), loss (MSE), optimiser (Adam, lr 1e-3) and batch size, trained for whole epochs
over a [samples, window, features] tensor; reports samples/s per epoch. Run with Debian's interpreter
(python3-torch 1.13):

    /usr/bin/python3 bench/torch_lstm_anchor.py '{"cell":"lstm","samples":4000,"window":16,"features":5,"units":32,"batch":64,"epochs":2}'

Prints one JSON object: {"torch": "...", "threads": n, "samples_per_sec": [per epoch]}.
Inputs are seeded normals: the time of a step depends on shapes, not values.
"""
import json
import sys
import time

import torch


class Regressor(torch.nn.Module):
    def __init__(self, cell: str, features: int, units: int) -> None:
        super().__init__()
        rnn = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
        self.rnn = rnn(features, units, batch_first=True)
        self.head = torch.nn.Linear(units, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.rnn(x)
        return self.head(out[:, -1, :])


def main() -> None:
    cfg = json.loads(sys.argv[1])
    torch.manual_seed(0)
    model = Regressor(cfg.get("cell", "lstm"), cfg["features"], cfg["units"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(cfg["samples"], cfg["window"], cfg["features"])
    y = torch.randn(cfg["samples"], 1)
    g = torch.Generator().manual_seed(1)
    rates = []
    for _ in range(cfg["epochs"]):
        order = torch.randperm(cfg["samples"], generator=g)
        t0 = time.perf_counter()
        for start in range(0, cfg["samples"], cfg["batch"]):
            rows = order[start : start + cfg["batch"]]
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x[rows]), y[rows])
            loss.backward()
            opt.step()
        rates.append(cfg["samples"] / (time.perf_counter() - t0))
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "samples_per_sec": rates}))


if __name__ == "__main__":
    main()
