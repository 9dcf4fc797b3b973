#!/usr/bin/env bash
# The browser tests drive Debian's chromium; install it when missing (needs root, as on CI).
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "安装 Debian chromium（浏览器测试需要）…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "浏览器测试需要 /usr/bin/chromium：请先运行 sudo apt-get install -y chromium" >&2
  exit 1
fi
