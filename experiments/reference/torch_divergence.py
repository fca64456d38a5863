#!/usr/bin/env python3
"""Does the published MatGAN conv critic diverge in PyTorch too? (WGAN-GP, same networks as torch_bench.py)

Trains matgan-mp for --steps generator steps (each after --critic-steps critic updates) on Materials Project
count matrices parsed from data/mp_compgan_training.csv (cell (i, j) = 1 when element i occurs j + 1 times in the
reduced formula, elements in atomic-number order, formulas with parentheses or decimals skipped), and prints one CSV
line per generator step: step,critic_loss,gradient_penalty,wasserstein. --critic-norm picks the critic's
normalisation after each strided/inner conv: batch (published), layer (GroupNorm with one group = LayerNorm over
C,H,W per sample) or none.

  /usr/bin/python3 experiments/reference/torch_divergence.py --critic-lr 1e-3 --critic-norm batch
"""
import argparse
import csv
import math
import os
import re
import sys

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_bench import ELEMENTS, COUNTS, LATENT, MatGanGenerator, SameConv2d, gradient_penalty  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def norm(kind, channels):
    if kind == "batch":
        return nn.BatchNorm2d(channels)
    if kind == "layer":
        return nn.GroupNorm(1, channels)
    return nn.Identity()


class Critic(nn.Module):
    def __init__(self, kind):
        super().__init__()
        lrelu = lambda: nn.LeakyReLU(0.2)
        self.convs = nn.Sequential(
            SameConv2d(1, 16, (3, 3), (1, 1)), lrelu(),
            SameConv2d(16, 16, (3, 3), (2, 1)), norm(kind, 16), lrelu(),
            SameConv2d(16, 32, (3, 3), (1, 1)), norm(kind, 32), lrelu(),
            SameConv2d(32, 64, (3, 3), (1, 1)), norm(kind, 64), lrelu(),
            SameConv2d(64, 128, (5, 5), (2, 2)), norm(kind, 128), lrelu())
        self.linear = nn.Linear(128 * 22 * 4, 1)

    def forward(self, x):
        return self.linear(self.convs(x).flatten(1))


def load_mp(limit):
    with open(os.path.join(ROOT, "data", "elements.csv")) as f:
        symbols = [row["symbol"] for row in csv.DictReader(f)][:ELEMENTS]
    row_of = {s: i for i, s in enumerate(symbols)}
    matrices = []
    with open(os.path.join(ROOT, "data", "mp_compgan_training.csv")) as f:
        for row in csv.DictReader(f):
            formula = row["formula"]
            if not re.fullmatch(r"([A-Z][a-z]?\d*)+", formula):
                continue
            amounts = {}
            for symbol, count in re.findall(r"([A-Z][a-z]?)(\d*)", formula):
                amounts[symbol] = amounts.get(symbol, 0) + int(count or 1)
            if any(s not in row_of for s in amounts):
                continue
            g = 0
            for a in amounts.values():
                g = math.gcd(g, a)
            if any(a // g > COUNTS for a in amounts.values()):
                continue
            m = torch.zeros(ELEMENTS, COUNTS)
            for s, a in amounts.items():
                m[row_of[s], a // g - 1] = 1
            matrices.append(m)
            if len(matrices) >= limit:
                break
    return torch.stack(matrices).unsqueeze(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--critic-steps", type=int, default=5)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--critic-lr", type=float, default=1e-2)
    p.add_argument("--generator-lr", type=float, default=1e-3)
    p.add_argument("--critic-norm", choices=["batch", "layer", "none"], default="batch")
    p.add_argument("--samples", type=int, default=5000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    pool = load_mp(a.samples)
    generator, critic = MatGanGenerator(), Critic(a.critic_norm)
    opt_g = torch.optim.Adam(generator.parameters(), lr=a.generator_lr, betas=(0.5, 0.9))
    opt_c = torch.optim.Adam(critic.parameters(), lr=a.critic_lr, betas=(0.5, 0.9))
    print(f"# {len(pool)} MP matrices, critic norm {a.critic_norm}, critic lr {a.critic_lr}, generator lr {a.generator_lr}")
    print("step,critic_loss,gradient_penalty,wasserstein")
    for step in range(1, a.steps + 1):
        for _ in range(a.critic_steps):
            real = pool[torch.randint(len(pool), (a.batch,))]
            with torch.no_grad():
                fake = generator(torch.randn(a.batch, LATENT))
            w = critic(real).mean() - critic(fake).mean()
            gp = gradient_penalty(critic, real, fake)
            loss = -w + 10.0 * gp
            opt_c.zero_grad(set_to_none=True)
            loss.backward()
            opt_c.step()
        g_loss = -critic(generator(torch.randn(a.batch, LATENT))).mean()
        opt_g.zero_grad(set_to_none=True)
        g_loss.backward()
        opt_g.step()
        print(f"{step},{loss.item():.4f},{gp.item():.4f},{w.item():.4f}", flush=True)


if __name__ == "__main__":
    main()
