# Shared by scripts/run and scripts/test: find or explain the toolchain, and
# keep build output outside the clone so that a fresh clone builds fast.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/billet-target}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

need_cargo() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Billet needs Rust 1.80 or newer (cargo). Install it with rustup, then run this again." >&2
    exit 1
  fi
}
