#!/usr/bin/python3
"""One training step of the benchmark grid in PyTorch, timed the way the C# benchmarks time theirs.

The step is the one tests/AutogradForDummies.Benchmarks measures: MLP(2, [H, H, 1]) with ReLU hidden layers and a
linear output, on N moons points, mean hinge loss + alpha * sum of squared parameters, backward, SGD update, in
float64 on one thread, from exactly the points and initial weights the C# benchmarks use. Before timing a size, the
script checks that PyTorch computes the C# library's loss, and every parameter's gradient, to 1e-12 (relative to the
larger of 1 and the number's size); it stops with an error if not.

How to run it (Debian 12, from the repository's root):

    sudo apt-get install -y python3-torch libopenblas0-pthread      # PyTorch 1.13, and OpenBLAS as its BLAS
    dotnet run -c Release --project tests/AutogradForDummies.Benchmarks -- --export-grid BenchmarkDotNet.Artifacts/grid-data
    /usr/bin/python3 tests/AutogradForDummies.Benchmarks/pytorch/grid_step.py BenchmarkDotNet.Artifacts/grid-data \
        --output BenchmarkDotNet.Artifacts/pytorch-results.json

Use Debian's /usr/bin/python3 (the one python3-torch is installed for). Without libopenblas0-pthread, Debian's
PyTorch uses the reference BLAS, which is several times slower; the script prints which BLAS library it loaded.
It sets OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and MKL_NUM_THREADS to 1 before loading PyTorch, and calls
torch.set_num_threads(1).

For every size it runs warm-up steps (at least --warmup-steps and --warmup-seconds), then times single steps (at
least --min-steps and --min-seconds) and reports their median, as BenchmarkDotNet's median is reported for the C#
paths; with the defaults the six sizes take about half a minute. It prints a table and writes the results as JSON
(--output): the environment, and per size h, n, nh, median_seconds, mean_seconds, min_seconds, p25_seconds,
p75_seconds, steps, loss, csharp_loss, loss_relative_difference and max_gradient_difference. `-- --plot` of the
benchmark project draws them beside the C# paths, and `-- --table` lists them.

The learning rate is the export's (1e-9), so tiny that every step does practically the same work.
"""

import argparse
import glob
import json
import os
import platform
import statistics
import sys
import time

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import torch  # noqa: E402  (after the thread settings, which the libraries read when they load)

FORMAT = "autograd-for-dummies-grid/1"
TOLERANCE = 1e-12


def parse_arguments():
    parser = argparse.ArgumentParser(
        description="Time one training step of the benchmark grid in PyTorch (float64, 1 thread).")
    parser.add_argument("folder", help="the folder that `-- --export-grid FOLDER` of the benchmark project wrote")
    parser.add_argument("--output", default="pytorch-results.json", help="the results file to write (JSON)")
    parser.add_argument("--sizes", help="only these sizes, such as 16x100,256x1000 (default: every file of the folder)")
    parser.add_argument("--warmup-steps", type=int, default=20, help="at least this many warm-up steps (default 20)")
    parser.add_argument("--warmup-seconds", type=float, default=1.0, help="and at least this long (default 1)")
    parser.add_argument("--min-steps", type=int, default=50, help="at least this many timed steps (default 50)")
    parser.add_argument("--min-seconds", type=float, default=3.0, help="and at least this long (default 3)")
    arguments = parser.parse_args()
    for name in ("warmup_steps", "min_steps"):
        if getattr(arguments, name) < (0 if name == "warmup_steps" else 1):
            parser.error(f"--{name.replace('_', '-')} must be at least {0 if name == 'warmup_steps' else 1}")
    for name in ("warmup_seconds", "min_seconds"):
        if not getattr(arguments, name) >= 0:
            parser.error(f"--{name.replace('_', '-')} must be a number of seconds, 0 or more")
    return arguments


def read_sizes(text):
    sizes = []
    for entry in text.split(","):
        parts = entry.strip().split("x")
        if len(parts) != 2 or not all(p.isdigit() and int(p) > 0 for p in parts):
            raise SystemExit(f"error: --sizes: '{entry}' is not a size; write HxN, such as 16x100")
        sizes.append((int(parts[0]), int(parts[1])))
    return sizes


def load(path):
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"error: cannot read '{path}': {error}")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SystemExit(f"error: '{path}' is not a file of the grid export (format {FORMAT})")
    return data


def tensor(values):
    return torch.tensor(values, dtype=torch.float64)


def parameters_of(layers):
    """The weights (output by input) and biases of each layer, as leaf tensors that collect gradients."""
    parameters = []
    for layer in layers:
        parameters.append(tensor(layer["weights"]).requires_grad_())
        parameters.append(tensor(layer["biases"]).requires_grad_())
    return parameters


def step(parameters, x, y, alpha, learning_rate):
    """Forward, loss, backward and SGD update; the same math as the C# step. Returns the loss (before the update)."""
    w1, b1, w2, b2, w3, b3 = parameters
    h1 = torch.relu(torch.nn.functional.linear(x, w1, b1))
    h2 = torch.relu(torch.nn.functional.linear(h1, w2, b2))
    scores = torch.nn.functional.linear(h2, w3, b3).squeeze(1)
    hinge = torch.relu(1 - y * scores).mean()
    l2 = sum((p * p).sum() for p in parameters)
    loss = hinge + alpha * l2
    for p in parameters:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in parameters:
            p -= learning_rate * p.grad
    return loss


def relative_difference(actual, expected):
    return abs(actual - expected) / max(1.0, abs(expected))


def check(data, x, y):
    """The loss and gradients of the first step (learning rate 0) against the C# library's; returns both differences."""
    parameters = parameters_of(data["layers"])
    loss = step(parameters, x, y, data["alpha"], 0.0).item()
    loss_difference = relative_difference(loss, data["loss"])
    gradient_difference = 0.0
    expected = parameters_of(data["gradients"])
    for p, g in zip(parameters, expected):
        difference = ((p.grad - g).abs() / torch.clamp(g.abs(), min=1.0)).max().item()
        gradient_difference = max(gradient_difference, difference)
    if not (loss_difference <= TOLERANCE and gradient_difference <= TOLERANCE):
        raise SystemExit(
            f"error: H = {data['h']}, N = {data['n']}: PyTorch does not compute the C# loss and gradients to {TOLERANCE}: "
            f"loss {loss!r} against {data['loss']!r} (relative difference {loss_difference:.3g}), "
            f"largest gradient difference {gradient_difference:.3g}")
    return loss, loss_difference, gradient_difference


def measure(data, x, y, arguments):
    parameters = parameters_of(data["layers"])
    alpha, rate = data["alpha"], data["learningRate"]
    start = time.perf_counter()
    count = 0
    while count < arguments.warmup_steps or time.perf_counter() - start < arguments.warmup_seconds:
        step(parameters, x, y, alpha, rate)
        count += 1
    times = []
    start = time.perf_counter()
    while len(times) < arguments.min_steps or time.perf_counter() - start < arguments.min_seconds:
        begin = time.perf_counter_ns()
        step(parameters, x, y, alpha, rate)
        times.append((time.perf_counter_ns() - begin) * 1e-9)
    quartiles = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
    return {
        "median_seconds": statistics.median(times),
        "mean_seconds": statistics.fmean(times),
        "min_seconds": min(times),
        "p25_seconds": quartiles[0],
        "p75_seconds": quartiles[2],
        "steps": len(times),
    }


def blas_libraries():
    """The BLAS and LAPACK libraries this process has loaded (Linux), after one matrix product loaded them."""
    torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2, dtype=torch.float64)
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "lapack" in line.lower()}
    except OSError:
        return []
    return sorted(p for p in paths if p.startswith("/"))


def processor_name():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def format_time(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def write_atomically(path, text):
    temporary = path + ".tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def main():
    arguments = parse_arguments()
    torch.set_num_threads(1)
    if not os.path.isdir(arguments.folder):
        raise SystemExit(f"error: '{arguments.folder}' is not a folder; write it with `-- --export-grid {arguments.folder}`")
    files = sorted(glob.glob(os.path.join(arguments.folder, "grid-H*-N*.json")))
    grids = [load(path) for path in files]
    if arguments.sizes:
        wanted = read_sizes(arguments.sizes)
        missing = [f"{h}x{n}" for h, n in wanted if not any(g["h"] == h and g["n"] == n for g in grids)]
        if missing:
            raise SystemExit(f"error: '{arguments.folder}' has no export of {', '.join(missing)}")
        grids = [g for g in grids if (g["h"], g["n"]) in wanted]
    if not grids:
        raise SystemExit(f"error: '{arguments.folder}' holds no grid-H*-N*.json file; write them with `-- --export-grid`")
    grids.sort(key=lambda g: g["h"] * g["n"])

    blas = blas_libraries()
    print(f"PyTorch {torch.__version__}, float64, {torch.get_num_threads()} thread, Python {platform.python_version()}")
    print("BLAS: " + (", ".join(blas) if blas else "none found"))
    if not any("openblas" in path.lower() for path in blas):
        print("warning: OpenBLAS is not loaded (apt-get install -y libopenblas0-pthread); these times are not comparable",
              file=sys.stderr)
    print()
    print("| H | N | N·H | median | mean | min | steps | loss | loss vs C# | gradients vs C# |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = []
    for data in grids:
        x, y = tensor(data["x"]), tensor(data["y"])
        loss, loss_difference, gradient_difference = check(data, x, y)
        timing = measure(data, x, y, arguments)
        result = {"h": data["h"], "n": data["n"], "nh": data["h"] * data["n"], **timing, "loss": loss,
                  "csharp_loss": data["loss"], "loss_relative_difference": loss_difference,
                  "max_gradient_difference": gradient_difference}
        results.append(result)
        print(f"| {result['h']} | {result['n']} | {result['nh']:,} | {format_time(result['median_seconds'])} | "
              f"{format_time(result['mean_seconds'])} | {format_time(result['min_seconds'])} | {result['steps']} | "
              f"{loss:.6g} | {loss_difference:.1e} | {gradient_difference:.1e} |", flush=True)

    report = {
        "implementation": "PyTorch",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": processor_name(),
        "logical_processors": os.cpu_count(),
        "threads": torch.get_num_threads(),
        "dtype": "float64",
        "blas": blas,
        "timing": {"warmup_steps": arguments.warmup_steps, "warmup_seconds": arguments.warmup_seconds,
                   "min_steps": arguments.min_steps, "min_seconds": arguments.min_seconds,
                   "statistic": "median of single steps timed with time.perf_counter_ns"},
        "results": results,
    }
    write_atomically(arguments.output, json.dumps(report, indent=2) + "\n")
    print()
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
