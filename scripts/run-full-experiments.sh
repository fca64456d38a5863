#!/usr/bin/env bash
# Trains, samples and evaluates the "full" experiments the papers report (docs/papers-report) is built from, into
# RUNS (default runs/full), then builds the report. Every finished step is skipped, so an interrupted run resumes:
# a run folder whose newest checkpoint reached its configured steps is not retrained (an unfinished one resumes),
# an existing generated.csv or evaluation.json is kept.
#
# Usage: bash scripts/run-full-experiments.sh [RUNS] [STAGE ...]
#   stages: autoencoder matgan conditional predictors report (default: all, in that order)
# Environment: MATGEN (default: the Release build of src/MatGenDiscovery.Cli, built first).
# Measured: about 1 hour of wall time on 2 cores with the stages split over two concurrent invocations
# (RUNS matgan autoencoder / RUNS conditional predictors); the formation-energy predictor alone took 19 minutes.
# Since then, with two or three jobs at a time: the sparsemax CondGAN runs 4.6-6.5 minutes each at 50,000 steps (v3)
# and about 15.5 minutes at 100,000 (v5), 36 at 200,000 (v6), 45 at 300,000 (v7)
# and 92 at 500,000 (v8, the reported x^bp runs); matgan-mp-v3 15.4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-runs/full}
shift || true
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(autoencoder matgan conditional predictors report)

if [ -z "${MATGEN:-}" ]; then
  bash scripts/bootstrap.sh
  dotnet build src/MatGenDiscovery.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
  MATGEN="dotnet src/MatGenDiscovery.Cli/bin/Release/net10.0/matgen.dll"
fi
matgen() { $MATGEN "$@"; }
mkdir -p "$runs"

# The configs each paper family is reported from (the newest revision of each; see their descriptions).
matgan_runs=(matgan-mp-v3 matgan-icsd-filter-v3 matgan-bandgap-v4)
autoencoder_run=autoencoder-mp-v3
conditional_runs=(
  condgan-formation-energy-v3 condgan-formation-energy-v3-seed2 condgan-formation-energy-v3-seed3
  condgan-xbp-formation-energy-v8 condgan-xbp-formation-energy-v8-seed2 condgan-xbp-formation-energy-v8-seed3
  condvae-formation-energy-v2 condvae-formation-energy-v2-seed2 condvae-formation-energy-v2-seed3
  condgan-xbp-extrapolation-below-m2-v2 condgan-xbp-extrapolation-below-m1p5-v2 condgan-xbp-extrapolation-below-m1-v2
)
# Ten targets: the 5th, 15th, ..., 95th percentiles of the CompGAN training set's formation energies (eV/atom).
decile_targets=(-3.254 -2.732 -2.408 -2.093 -1.728 -1.27 -0.827 -0.557 -0.341 -0.058)

has_checkpoint() { ls "$1"/checkpoints/step-*.safetensors >/dev/null 2>&1; }

train() { # train NAME: trains experiments/NAME.json into RUNS/NAME; resuming a finished run returns at once
  local name=$1 run="$runs/$1"
  if has_checkpoint "$run"; then
    matgen train --config "experiments/$name.json" --output "$run" --resume
  else
    matgen train --config "experiments/$name.json" --output "$run"
  fi
}

checkpoint_of() { # a run's selected checkpoint when training chose one, else the run folder (its newest checkpoint)
  if [ -f "$1/checkpoints/selected.safetensors" ]; then echo "$1/checkpoints/selected.safetensors"; else echo "$1"; fi
}

evaluate() { # evaluate RUN [extra evaluate options]
  local run=$1; shift
  [ -f "$run/evaluation.json" ] || matgen evaluate --generated "$run/generated.csv" --config "$run/config.json" \
    --json "$run/evaluation.json" "$@"
}

stage_matgan() {
  for name in "${matgan_runs[@]}"; do
    train "$name"
    local run="$runs/$name"
    [ -f "$run/generated.csv" ] || matgen generate --checkpoint "$(checkpoint_of "$run")" --count 100000 --seed 1 \
      --output "$run/generated.csv"
    # With the autoencoder trained (its stage runs first), the evaluation also counts the samples it cannot reconstruct.
    local decodability=()
    has_checkpoint "$runs/$autoencoder_run" && decodability=(--autoencoder "$runs/$autoencoder_run")
    evaluate "$run" --reference-databases oqmd,icsd "${decodability[@]}"
  done
}

stage_autoencoder() {
  train "$autoencoder_run"
}

stage_conditional() {
  for name in "${conditional_runs[@]}"; do
    train "$name"
    local run="$runs/$name"
    # 1,000 samples at each target, one target after the other in one file (the same samples as one call per target).
    [ -f "$run/generated.csv" ] || matgen generate --checkpoint "$run" --count 1000 --target "${decile_targets[@]}" --seed 0 \
      --output "$run/generated.csv"
    evaluate "$run" --enrichment-arities none --repair 100
  done
}

stage_predictors() {
  local folder="$runs/predictors"
  mkdir -p "$folder"
  [ -f "$folder/band_gap/model.json" ] || matgen predictor train --dataset mp --target band_gap --model gbdt \
    --preset matgan-bandgap --ensemble 5 --classifier --seed 42 --output "$folder/band_gap"
  [ -f "$folder/formation_energy_per_atom/model.json" ] || matgen predictor train --dataset mp --target formation_energy \
    --model gbdt+mlp --preset accurate --ensemble 1 --mlp-inputs fractions-magpie --mlp-ensemble 4 \
    --hidden 512,256,128,64 --epochs 80 --cosine --patience 80 --seed 42 --output "$folder/formation_energy_per_atom"
}

stage_report() {
  matgen report papers --runs "$runs" --output "$runs/report"
}

for stage in "${stages[@]}"; do
  case "$stage" in
    autoencoder|matgan|conditional|predictors|report) echo "== $stage"; "stage_$stage" ;;
    *) echo "error: unknown stage '$stage' (autoencoder, matgan, conditional, predictors, report)" >&2; exit 2 ;;
  esac
done
