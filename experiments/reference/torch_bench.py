#!/usr/bin/env python3
"""PyTorch CPU reference numbers for MatGenDiscovery's tensor engine.

  --what gemm --size 1024                       -> {"gflops": X}
  --what train-step --model matgan-mp|mlp ...   -> {"model":..,"batch":..,"steps":..,"samples_per_second":X}

One train step = one WGAN-GP critic update (lambda 10) followed by one generator update, Adam(lr 1e-3, betas (0.5, 0.9)).
Convolutions use TensorFlow SAME padding (explicit, possibly asymmetric F.pad); transposed convolutions are the
adjoints of those SAME convolutions, cropped to the requested output size.
"""
import argparse
import json
import os
import statistics
import time

# torch's OpenMP workers busy-wait between parallel regions, starving OpenBLAS's own pthreads (and anything else)
# on a 2-core machine: measured 22 vs 328 samples/s for the MLP step. Must be set before the OpenMP runtime loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

LATENT = 128
ELEMENTS, COUNTS = 85, 8
GP_WEIGHT = 10.0


def same_padding(size, kernel, stride):
    """TF SAME along one axis: (output size, pad before, pad after)."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return out, total // 2, total - total // 2


class SameConv2d(nn.Module):
    def __init__(self, cin, cout, kernel, stride):
        super().__init__()
        self.kernel, self.stride = kernel, stride
        self.conv = nn.Conv2d(cin, cout, kernel, stride=stride, padding=0)

    def forward(self, x):
        _, top, bottom = same_padding(x.shape[2], self.kernel[0], self.stride[0])
        _, left, right = same_padding(x.shape[3], self.kernel[1], self.stride[1])
        return self.conv(F.pad(x, (left, right, top, bottom)))


class SameConvTranspose2d(nn.Module):
    """tf.nn.conv2d_transpose(padding='SAME', output_shape=out_size): adjoint of SameConv2d from out_size to the input size."""

    def __init__(self, cin, cout, kernel, stride, out_size):
        super().__init__()
        self.kernel, self.stride, self.out_size = kernel, stride, out_size
        self.deconv = nn.ConvTranspose2d(cin, cout, kernel, stride=stride, padding=0)

    def forward(self, x):
        rows, cols = self.out_size
        in_rows, top, _ = same_padding(rows, self.kernel[0], self.stride[0])
        in_cols, left, _ = same_padding(cols, self.kernel[1], self.stride[1])
        assert (x.shape[2], x.shape[3]) == (in_rows, in_cols), f"{tuple(x.shape)} cannot map to {self.out_size}"
        full = self.deconv(x)  # covers padded rows [0, (in - 1) * stride + kernel)
        # Crop the padding away (negative pads); if the SAME conv left trailing pixels unused, pad them with zeros.
        return F.pad(full, (-left, cols + left - full.shape[3], -top, rows + top - full.shape[2]))


class MatGanGenerator(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Sequential(nn.Linear(LATENT, 128 * 6 * 4), nn.BatchNorm1d(128 * 6 * 4), nn.ReLU())
        self.deconvs = nn.Sequential(
            SameConvTranspose2d(128, 64, (5, 5), (2, 2), (11, 8)), nn.BatchNorm2d(64), nn.ReLU(),
            SameConvTranspose2d(64, 32, (3, 3), (2, 1), (22, 8)), nn.BatchNorm2d(32), nn.ReLU(),
            SameConvTranspose2d(32, 16, (3, 3), (2, 1), (43, 8)), nn.BatchNorm2d(16), nn.ReLU(),
            SameConvTranspose2d(16, 1, (3, 3), (2, 1), (ELEMENTS, COUNTS)), nn.Sigmoid())

    def forward(self, z):
        return self.deconvs(self.linear(z).view(-1, 128, 6, 4))


class MatGanCritic(nn.Module):
    def __init__(self):
        super().__init__()
        lrelu = lambda: nn.LeakyReLU(0.2)
        self.convs = nn.Sequential(
            SameConv2d(1, 16, (3, 3), (1, 1)), lrelu(),
            SameConv2d(16, 16, (3, 3), (2, 1)), nn.BatchNorm2d(16), lrelu(),
            SameConv2d(16, 32, (3, 3), (1, 1)), nn.BatchNorm2d(32), lrelu(),
            SameConv2d(32, 64, (3, 3), (1, 1)), nn.BatchNorm2d(64), lrelu(),
            SameConv2d(64, 128, (5, 5), (2, 2)), nn.BatchNorm2d(128), lrelu())
        self.linear = nn.Linear(128 * 22 * 4, 1)

    def forward(self, x):
        features = self.convs(x)
        assert features.shape[1:] == (128, 22, 4), tuple(features.shape)
        return self.linear(features.flatten(1))


def mlp_models():
    generator = nn.Sequential(
        nn.Linear(LATENT, 512), nn.BatchNorm1d(512), nn.ReLU(),
        nn.Linear(512, 1024), nn.BatchNorm1d(1024), nn.ReLU(),
        nn.Linear(1024, ELEMENTS * COUNTS), nn.Sigmoid())
    critic = nn.Sequential(
        nn.Linear(ELEMENTS * COUNTS, 1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 1))
    return generator, critic


def real_pool(samples, image):
    """Seeded one-hot composition matrices: each of the 85 element rows is one-hot over 8 counts, mostly count 0."""
    generator = torch.Generator().manual_seed(7)
    present = torch.rand(samples, ELEMENTS, generator=generator) < 0.05
    counts = torch.randint(1, COUNTS, (samples, ELEMENTS), generator=generator) * present
    data = F.one_hot(counts, COUNTS).float()
    return data.view(samples, 1, ELEMENTS, COUNTS) if image else data.view(samples, ELEMENTS * COUNTS)


def gradient_penalty(critic, real, fake):
    eps = torch.rand(real.shape[0], *([1] * (real.dim() - 1)))
    interpolates = (eps * real + (1 - eps) * fake).requires_grad_(True)
    scores = critic(interpolates)
    (grad,) = torch.autograd.grad(scores.sum(), interpolates, create_graph=True)
    return ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()


def make_step(model, batch):
    generator, critic = (MatGanGenerator(), MatGanCritic()) if model == "matgan-mp" else mlp_models()
    opt_g = torch.optim.Adam(generator.parameters(), lr=1e-3, betas=(0.5, 0.9))
    opt_c = torch.optim.Adam(critic.parameters(), lr=1e-3, betas=(0.5, 0.9))
    pool = real_pool(16 * batch, image=model == "matgan-mp")
    state = {"offset": 0}

    def step():
        real = pool[state["offset"]:state["offset"] + batch]
        state["offset"] = (state["offset"] + batch) % pool.shape[0]
        with torch.no_grad():
            fake = generator(torch.randn(batch, LATENT))
        assert fake.shape == real.shape, (tuple(fake.shape), tuple(real.shape))
        critic_loss = critic(fake).mean() - critic(real).mean() + GP_WEIGHT * gradient_penalty(critic, real, fake)
        opt_c.zero_grad(set_to_none=True)
        critic_loss.backward()
        opt_c.step()

        generator_loss = -critic(generator(torch.randn(batch, LATENT))).mean()
        opt_g.zero_grad(set_to_none=True)
        generator_loss.backward()
        opt_g.step()

    return step


def bench_train_step(model, batch, steps, warmup):
    step = make_step(model, batch)
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    elapsed = time.perf_counter() - start
    return {"model": model, "batch": batch, "steps": steps, "samples_per_second": batch * steps / elapsed}


def bench_gemm(size, seconds):
    a, b = torch.rand(size, size) * 2 - 1, torch.rand(size, size) * 2 - 1
    out = torch.empty(size, size)
    flops = 2.0 * size ** 3
    torch.mm(a, b, out=out)
    rounds, total = [], time.perf_counter()
    while time.perf_counter() - total < seconds or len(rounds) < 3:
        iterations, start = 0, time.perf_counter()
        while True:
            torch.mm(a, b, out=out)
            iterations += 1
            if time.perf_counter() - start >= 0.025:
                break
        rounds.append(flops * iterations / (time.perf_counter() - start) / 1e9)
    return {"gflops": statistics.median(rounds)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--what", choices=["gemm", "train-step"], required=True)
    parser.add_argument("--size", type=int, default=1024, help="GEMM: square matrix size")
    parser.add_argument("--seconds", type=float, default=2.0, help="GEMM: minimum measuring time")
    parser.add_argument("--model", choices=["matgan-mp", "mlp"], default="matgan-mp")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.what == "gemm":
        result = bench_gemm(args.size, args.seconds)
    else:
        result = bench_train_step(args.model, args.batch, args.steps, args.warmup)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
