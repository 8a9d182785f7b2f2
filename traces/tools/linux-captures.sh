#!/usr/bin/env bash
# Records the Linux kernel TCP stack traces in traces/linux/: two network namespaces joined by a
# veth pair, the "target" at 192.0.2.1 and the "peer" at 198.51.100.1 (documentation ranges), real
# sockets (linux_peer.py), tcpdump on the target's side. Then writes each trace's manifest
# (make_manifest.py), placing the host actions at the packets they led to.
# Needs root, ip, tcpdump and python3. Cleans up its namespaces whatever happens.
# Usage: traces/tools/linux-captures.sh [CASE...]   (default: every case)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../linux"
target_ns="chimney-trace-target"
peer_ns="chimney-trace-peer"
target_ip="192.0.2.1"
peer_ip="198.51.100.1"
port=8080
cases=("${@:-graceful half-close abortive unread-close data-after-close two-connections}")
read -r -a cases <<<"${cases[*]}"

cleanup() {
  ip netns del "$target_ns" 2>/dev/null || true
  ip netns del "$peer_ns" 2>/dev/null || true
}
trap cleanup EXIT
cleanup

ip netns add "$target_ns"
ip netns add "$peer_ns"
ip link add veth-target netns "$target_ns" type veth peer name veth-peer netns "$peer_ns"
ip -n "$target_ns" addr add "$target_ip/32" dev veth-target
ip -n "$peer_ns" addr add "$peer_ip/32" dev veth-peer
for ns in "$target_ns" "$peer_ns"; do
  ip -n "$ns" link set lo up
done
ip -n "$target_ns" link set veth-target up
ip -n "$peer_ns" link set veth-peer up
ip -n "$target_ns" route add "$peer_ip/32" dev veth-target
ip -n "$peer_ns" route add "$target_ip/32" dev veth-peer
# Segmentation offload on: the capture then holds segments larger than the MTU, as real captures do.
ip netns exec "$target_ns" ethtool -K veth-target tso on gso on >/dev/null 2>&1 || true

mkdir -p "$out"
for case in "${cases[@]}"; do
  file="$out/$case.pcap"
  # Vary the file flavours the reader must handle: nanosecond timestamps on some.
  precision=micro
  [[ "$case" == half-close || "$case" == unread-close ]] && precision=nano
  ip netns exec "$target_ns" tcpdump -U -s 0 -i veth-target --time-stamp-precision="$precision" -w "$file" \
    "tcp port $port" 2>/dev/null &
  dump=$!
  sleep 1
  ip netns exec "$target_ns" python3 "$here/linux_peer.py" target "$case" "$target_ip" "$port" &
  server=$!
  sleep 0.3
  ip netns exec "$peer_ns" python3 "$here/linux_peer.py" peer "$case" "$target_ip" "$port"
  wait "$server"
  sleep 0.5
  kill "$dump"
  wait "$dump" 2>/dev/null || true
  python3 "$here/make_manifest.py" "$case" "$file" "$target_ip:$port" "$peer_ip"
  echo "recorded $file"
done
