#!/usr/bin/env python3
"""Writes the manifest of a Linux kernel trace recorded by linux-captures.sh.

  make_manifest.py CASE CAPTURE TARGET_ADDRESS:PORT PEER_ADDRESS

The host actions are placed at the packets they led to, found in the capture: the application's
sends just before the target's first data segment, shutdown()/close() just before the target's FIN
(or its RST, when the kernel answered close() with one), SO_LINGER {1, 0} close() just before the
RST. Each call returns at once on Linux, so its completion goes at the same point. The expected
verdicts are the ones reasoned out in traces/README.md for each case.
"""
import struct
import sys
from pathlib import Path

FIN, SYN, RST = 0x01, 0x02, 0x04

EXPECT = {
    "graceful": {"DSC-2": "NOT_EXERCISED", "DSC-3": "PASS", "DSC-7": "PASS", "DSC-9": "NOT_EXERCISED"},
    "half-close": {"DSC-3": "PASS", "DSC-7": "PASS", "DSC-9": "PASS"},
    "abortive": {"DSC-2": "PASS", "DSC-3": "PASS", "DSC-7": "NOT_EXERCISED"},
    "unread-close": {"DSC-2": "NOT_EXERCISED", "DSC-3": "FAIL", "DSC-7": "FAIL"},
    "data-after-close": {"DSC-3": "FAIL", "DSC-7": "PASS", "DSC-9": "FAIL"},
    "two-connections": {"DSC-2": "PASS", "DSC-3": "PASS", "DSC-7": "PASS"},
}
DESCRIPTION = {
    "graceful": "Linux: the target sends 3000 bytes, then shutdown(SHUT_WR): the data, then a FIN one past it.",
    "half-close": "Linux: the target sends 1000 bytes and shuts down; the peer sends 2000 bytes after the FIN, "
                  "which the target acknowledges and reads (the receive half stays open).",
    "abortive": "Linux: close() with SO_LINGER {1, 0} after 1000 bytes: the abortive disconnect sends an RST.",
    "unread-close": "Linux: close() with 500 unread bytes; the kernel sends an RST where a graceful disconnect "
                    "was asked for, and no FIN (RFC 2525 2.17 behaviour that DSC-3 and DSC-7 forbid an offload target).",
    "data-after-close": "Linux: close() after 1000 bytes sends a FIN; the peer's later data draws an RST instead of "
                        "an acknowledgment (an orphaned socket's receive half is closed, which DSC-9 forbids).",
    "two-connections": "Linux: two connections at once; TCP1 sends 2000 bytes and shuts down gracefully, TCP2 sends "
                       "1000 bytes and closes with SO_LINGER {1, 0}, an RST.",
}


def packets(path):
    data = Path(path).read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    link = struct.unpack(order + "I", data[20:24])[0] & 0xFFFF
    at, number = 24, 0
    while at + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(order + "IIII", data[at:at + 16])
        frame = data[at + 16:at + 16 + caplen]
        at += 16 + caplen
        number += 1
        ip = frame[14:] if link == 1 else frame[20:] if link == 276 else frame[16:] if link == 113 else frame
        if len(ip) < 40 or ip[0] >> 4 != 4 or ip[9] != 6:
            continue
        ihl = (ip[0] & 0x0F) * 4
        total = struct.unpack(">H", ip[2:4])[0]
        tcp = ip[ihl:]
        src = ".".join(str(b) for b in ip[12:16])
        sport, dport = struct.unpack(">HH", tcp[:4])
        seq = struct.unpack(">I", tcp[4:8])[0]
        offset = (tcp[12] >> 4) * 4
        yield number, src, sport, dport, tcp[13], total - ihl - offset, seq


class Connection:
    """What the target did on one connection: where its data began, how much, its FIN and RST."""

    def __init__(self, name):
        self.name = name
        self.first_data = self.fin = self.rst = None
        self.sent = 0

    def actions(self, case):
        on = "" if self.name == "TCP1" else f"connection: {self.name}, "
        out = []
        if self.first_data:
            out.append(f"  - {{packet: {self.first_data}, {on}do: send, bytes: {self.sent}, id: 1}}")
        # The RST of an SO_LINGER {1, 0} close() stands for an abortive disconnect; any other close()
        # was a graceful one, whatever the kernel sent for it.
        abortive = case == "abortive" or (case == "two-connections" and self.rst is not None and self.fin is None)
        close_at = self.rst if abortive else self.fin if self.fin is not None else self.rst
        kind = "abortive-disconnect" if abortive else "graceful-disconnect"
        out.append(f"  - {{packet: {close_at}, {on}do: {kind}}}")
        out.append(f"  - {{packet: {close_at}, {on}do: disconnect-complete}}")
        return out


def main():
    case, capture, target, peer = sys.argv[1:5]
    address, port = target.split(":")
    port = int(port)
    # Connections by the peer's port, named in order of first sight as check-trace names them.
    connections = {}
    for number, src, sport, dport, flags, length, _ in packets(capture):
        from_target = src == address and sport == port
        peer_port = dport if from_target else sport
        c = connections.setdefault(peer_port, Connection(f"TCP{len(connections) + 1}"))
        if not from_target:
            continue
        if length > 0 and c.fin is None and c.rst is None:
            c.first_data = c.first_data or number
            c.sent += length
        if flags & FIN and c.fin is None:
            c.fin = number
        if flags & RST and c.rst is None:
            c.rst = number
    actions = [line for c in connections.values() for line in c.actions(case)]
    expect = "\n".join(f"  {rule}: {verdict}" for rule, verdict in EXPECT[case].items())
    manifest = Path(capture).with_suffix(".yaml")
    manifest.write_text(
        f"# Written by traces/tools/make_manifest.py from {Path(capture).name}.\n"
        f"capture: {Path(capture).name}\n"
        f"description: \"{DESCRIPTION[case]}\"\n"
        f"target: {target}\n"
        f"peer: {peer}\n"
        f"actions:\n" + "\n".join(actions) + "\n"
        f"expect:\n{expect}\n")


if __name__ == "__main__":
    main()
