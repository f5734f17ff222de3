#!/usr/bin/env bash
# Installs the system packages the browser and GPU tests need, if missing (idempotent, fast
# when all is there): Debian's Chromium for the e2e tests, and Mesa 25's lavapipe from
# bookworm-backports so Node's webgpu backend has a Vulkan device (../shared/env/README.md).
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
lavapipe_ok() { dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null | grep -q '^2[5-9]'; }

if [ ${#need_apt[@]} -eq 0 ] && lavapipe_ok; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages (${need_apt[*]} mesa-vulkan-drivers>=25); run as root or install them:" >&2
  echo "  see scripts/setup_system.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat > /etc/apt/sources.list.d/bookworm-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
apt-get update -qq
if [ ${#need_apt[@]} -gt 0 ]; then apt-get install -y -qq "${need_apt[@]}"; fi
lavapipe_ok || apt-get install -y -qq -t bookworm-backports mesa-vulkan-drivers libvulkan1
