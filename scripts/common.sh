# Shared by scripts/run and scripts/test: install what is missing, and keep
# build output outside the clone so that a fresh clone builds fast.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/billet-target}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

need_cargo() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Billet needs Rust 1.89 or newer (cargo). Install it with rustup, then run this again." >&2
    exit 1
  fi
}

# The system libraries Tauri builds against (WebKitGTK, GTK), and what the
# tests use: Xvfb and WebKitWebDriver to drive the app, git (Billet sends
# posts with it; the tests make and check repositories with it), pkill
# (procps) to crash the app on purpose, an SSH server the sending tests
# start on 127.0.0.1 (openssh-server) and GnuPG to sign commits with a
# throwaway key (gnupg).
SYSTEM_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  libxdo-dev libssl-dev build-essential pkg-config xvfb webkit2gtk-driver git procps
  openssh-server openssh-client gnupg)

need_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Billet needs these system packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

need_node() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Billet's interface is built with Node.js 20 or newer and npm. Install them, then run this again." >&2
    exit 1
  fi
}

# npm packages of one folder, installed from its lock file when they are
# missing or older than it.
need_npm_packages() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in $dir"
    npm ci --prefix "$dir" --no-fund --no-audit --loglevel=error
  fi
}

build_ui() {
  say "Building the interface"
  npm --prefix ui run build --silent
}

# The WebDriver server for Tauri apps, from crates.io.
need_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
}

# Runs a command on the current display, or on a private Xvfb one when
# there is none (CI, a terminal over ssh).
with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
    return
  fi
  local n=99
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  local status=0
  DISPLAY=":$n" "$@" || status=$?
  kill "$xvfb" 2>/dev/null
  wait "$xvfb" 2>/dev/null
  return $status
}
