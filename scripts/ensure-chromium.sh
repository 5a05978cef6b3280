#!/usr/bin/env bash
# Browser tests (it/console/ConsoleBrowserTests) drive Debian's headless Chromium through chromedriver; the console
# is bilingual, so screenshots need a CJK font. Installs what is missing with apt; a no-op when all is present.
# Needs root (or sudo) only when something must be installed.
set -euo pipefail

PKGS=()
[[ -x /usr/bin/chromium ]] || PKGS+=(chromium)
[[ -x /usr/bin/chromedriver ]] || PKGS+=(chromium-driver)
if ! command -v fc-list >/dev/null || [[ -z $(fc-list :lang=zh 2>/dev/null | head -1) ]]; then
  PKGS+=(fonts-wqy-zenhei)
fi

if [[ ${#PKGS[@]} -gt 0 ]]; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "[chromium] not root and no sudo: apt-get install ${PKGS[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  echo "[chromium] installing ${PKGS[*]} with apt"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
fi
echo "[chromium] $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
