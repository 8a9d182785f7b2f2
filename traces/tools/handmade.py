#!/usr/bin/env python3
"""Writes the hand-made traces in traces/handmade/: short captures of an offload target breaking
(or keeping) one wire rule each, with their manifests. Each is written in a different file format
and link type, so that the shipped traces also exercise the capture reader.

  handmade.py [OUT_DIR]     (default: traces/handmade next to this script)

Target 192.0.2.1:80, peer 198.51.100.7:40000 (IPv6: 2001:db8::1 and 2001:db8::7). Sequence numbers
are absolute; the target's ISN is 1000, the peer's 5000.
"""
import struct
import sys
from pathlib import Path

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10
T, P = True, False  # from the target, from the peer
T_ISN, P_ISN = 1000, 5000
HANDSHAKE = [(P, SYN, P_ISN, 0, 0), (T, SYN | ACK, T_ISN, P_ISN + 1, 0), (P, ACK, P_ISN + 1, T_ISN + 1, 0)]


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f">{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def tcp_ip(v6, from_target, flags, seq, ack, length):
    t_addr = bytes.fromhex("20010db8000000000000000000000001") if v6 else bytes([192, 0, 2, 1])
    p_addr = bytes.fromhex("20010db8000000000000000000000007") if v6 else bytes([198, 51, 100, 7])
    src, dst = (t_addr, p_addr) if from_target else (p_addr, t_addr)
    sport, dport = (80, 40000) if from_target else (40000, 80)
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0, 0)
    payload = bytes(length)
    if v6:
        pseudo = src + dst + struct.pack(">IxxxB", len(tcp) + length, 6)
        tcp = tcp[:16] + struct.pack(">H", checksum(pseudo + tcp + payload)) + tcp[18:]
        return struct.pack(">IHBB", 0x60000000, len(tcp) + length, 6, 64) + src + dst + tcp + payload
    pseudo = src + dst + struct.pack(">xBH", 6, len(tcp) + length)
    tcp = tcp[:16] + struct.pack(">H", checksum(pseudo + tcp + payload)) + tcp[18:]
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + length, 0, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack(">H", checksum(ip)) + ip[12:]
    return ip + tcp + payload


def frame(link, packet, v6):
    ether_type = b"\x86\xdd" if v6 else b"\x08\x00"
    if link == 1:  # Ethernet with an 802.1Q tag
        return bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + b"\x81\x00\x00\x64" + ether_type + packet
    if link == 113:  # Linux SLL
        return struct.pack(">HHH8s", 0, 1, 6, bytes(8)) + ether_type + packet
    if link == 276:  # Linux SLL2
        return ether_type + b"\0\0" + struct.pack(">IHBB8s", 2, 1, 0, 6, bytes(8)) + packet
    return packet  # raw IP (101, 228, 229)


def write_pcap(path, link, frames, big_endian=False, nanos=False):
    o = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nanos else 0xA1B2C3D4
    out = [struct.pack(o + "IHHiIII", magic, 2, 4, 0, 0, 262144, link)]
    for i, (f, _) in enumerate(frames):
        out.append(struct.pack(o + "IIII", 1767225600, (i * 100) * (1000 if nanos else 1), len(f), len(f)) + f)
    Path(path).write_bytes(b"".join(out))


def write_pcapng(path, link, frames, big_endian=False):
    o = ">" if big_endian else "<"

    def block(kind, body):
        body += bytes(-len(body) % 4)
        return struct.pack(o + "II", kind, len(body) + 12) + body + struct.pack(o + "I", len(body) + 12)

    def option(code, value):
        return struct.pack(o + "HH", code, len(value)) + value + bytes(-len(value) % 4)

    out = [block(0x0A0D0D0A, struct.pack(o + "IHHq", 0x1A2B3C4D, 1, 0, -1))]
    out.append(block(1, struct.pack(o + "HHI", link, 0, 0) + option(9, b"\x09") + option(0, b"")))
    out.append(block(0x00000099, b"a block type this reader does not know"))
    for i, (f, comment) in enumerate(frames):
        ts = 1767225600 * 10**9 + i * 100_000
        opts = (option(1, comment.encode()) if comment else b"") + option(0, b"")
        out.append(block(6, struct.pack(o + "IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(f), len(f))
                         + f + bytes(-len(f) % 4) + opts))
    Path(path).write_bytes(b"".join(out))


# name: (format, link, v6, segments, actions, expect, description)
# segments: (from_target, flags, seq, ack, length[, comment])
CASES = {
    "rst-without-abort": ("pcap-be", 1, False, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 500), (P, ACK, P_ISN + 1, T_ISN + 501, 0),
        (T, RST | ACK, T_ISN + 501, P_ISN + 1, 0)],
        [], {"DSC-3": "FAIL", "DSC-2": "NOT_EXERCISED"},
        "The target resets the connection with no abortive disconnect requested (VLAN-tagged Ethernet, big-endian pcap)."),
    "abort-without-rst": ("pcapng-be", 113, False, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 500), (P, ACK, P_ISN + 1, T_ISN + 501, 0),
        (T, FIN | ACK, T_ISN + 501, P_ISN + 1, 0), (P, ACK, P_ISN + 1, T_ISN + 502, 0)],
        ["{packet: 6, do: abortive-disconnect}"], {"DSC-2": "FAIL", "DSC-3": "PASS"},
        "An abortive disconnect answered with a FIN instead of an RST (Linux cooked SLL, big-endian pcapng, an unknown block skipped)."),
    "ack-after-abort": ("pcap-nanos", 276, False, HANDSHAKE + [
        (P, PSH | ACK, P_ISN + 1, T_ISN + 1, 300), (T, ACK, T_ISN + 1, P_ISN + 301, 0),
        (P, PSH | ACK, P_ISN + 301, T_ISN + 1, 200), (T, RST | ACK, T_ISN + 1, P_ISN + 501, 0)],
        ["{packet: 7, do: abortive-disconnect}"], {"DSC-2": "PASS", "DSC-3": "PASS", "DSC-5": "FAIL"},
        "After the abortive disconnect the target's RST acknowledges the peer's last 200 bytes (Linux SLL2, nanosecond pcap)."),
    "fin-drops-data": ("pcap", 101, False, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 2000), (T, FIN | ACK, T_ISN + 2001, P_ISN + 1, 0),
        (P, ACK, P_ISN + 1, T_ISN + 2002, 0)],
        ["{packet: 4, do: send, bytes: 3000, id: 1}", "{packet: 5, do: graceful-disconnect}",
         "{packet: 6, do: disconnect-complete}"],
        {"DSC-7": "FAIL", "DSC-3": "PASS"},
        "The host hands over 3000 bytes; the target sends 2000, then its FIN (raw IPv4)."),
    "fin-held-for-ack": ("pcap", 229, True, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 1000), (P, ACK, P_ISN + 1, T_ISN + 1001, 0),
        (T, FIN | ACK, T_ISN + 1001, P_ISN + 1, 0), (P, ACK, P_ISN + 1, T_ISN + 1002, 0)],
        ["{packet: 4, do: send, bytes: 1000, id: 1}", "{packet: 4, do: graceful-disconnect}"],
        {"DSC-7": "PASS", "DSC-8": "FAIL"},
        "The target sends its FIN only once the peer has acknowledged all the data (raw IPv6)."),
    "send-complete-early": ("pcapng", 1, True, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 1000), (T, PSH | ACK, T_ISN + 1001, P_ISN + 1, 1000),
        (P, ACK, P_ISN + 1, T_ISN + 1001, 0), (P, ACK, P_ISN + 1, T_ISN + 2001, 0)],
        ["{packet: 4, do: send, bytes: 1000, id: 1}", "{packet: 5, do: send, bytes: 1000, id: 2}",
         "{packet: 7, do: send-complete, ids: [1]}", "{packet: 7, do: send-complete, ids: [2]}"],
        {"SND-2": "FAIL", "DSC-3": "PASS"},
        "Send 2 is completed with SUCCESS when the peer has acknowledged only send 1 (IPv6 over tagged Ethernet, pcapng)."),
    "terminate-state": ("pcapng", 228, False, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 1000), (P, PSH | ACK, P_ISN + 1, T_ISN + 1001, 400),
        (T, ACK, T_ISN + 1001, P_ISN + 401, 0)],
        ["{packet: 4, do: send, bytes: 1000, id: 1}",
         f"{{packet: 7, do: terminate, delegated: {{sndUna: {T_ISN + 1001}, sndNxt: {T_ISN + 1001}, sndMax: {T_ISN + 1001}, rcvNxt: {P_ISN + 1}}}}}"],
        {"TOC-3": "FAIL"},
        "The terminate hands back RcvNxt as it was at the offload, not the 400 bytes the target acknowledged since (raw IPv4, pcapng)."),
    "terminate-state-right": ("pcapng", 228, False, HANDSHAKE + [
        (T, PSH | ACK, T_ISN + 1, P_ISN + 1, 1000), (P, PSH | ACK, P_ISN + 1, T_ISN + 1001, 400),
        (T, ACK, T_ISN + 1001, P_ISN + 401, 0)],
        ["{packet: 4, do: send, bytes: 1000, id: 1}",
         f"{{packet: 7, do: terminate, delegated: {{sndUna: {T_ISN + 1001}, sndNxt: {T_ISN + 1001}, sndMax: {T_ISN + 1001}, rcvNxt: {P_ISN + 401}}}}}"],
        {"TOC-3": "PASS"},
        "The same connection, terminated with the delegated state the wire shows: TOC-3 holds."),
}


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "handmade"
    out.mkdir(parents=True, exist_ok=True)
    for name, (fmt, link, v6, segments, actions, expect, description) in CASES.items():
        frames = [(frame(link, tcp_ip(v6, *s[:5]), v6), s[5] if len(s) > 5 else None) for s in segments]
        suffix = ".pcapng" if fmt.startswith("pcapng") else ".pcap"
        capture = out / (name + suffix)
        if fmt.startswith("pcapng"):
            write_pcapng(capture, link, frames, big_endian=fmt.endswith("-be"))
        else:
            write_pcap(capture, link, frames, big_endian=fmt.endswith("-be"), nanos=fmt.endswith("nanos"))
        target = "[2001:db8::1]:80" if v6 else "192.0.2.1:80"
        lines = [f"# Written by traces/tools/handmade.py.", f"capture: {capture.name}",
                 f"description: \"{description}\"", f"target: \"{target}\""]
        if actions:
            lines.append("actions:")
            lines += [f"  - {a}" for a in actions]
        lines.append("expect:")
        lines += [f"  {rule}: {verdict}" for rule, verdict in expect.items()]
        (out / (name + ".yaml")).write_text("\n".join(lines) + "\n")
        print("wrote", capture)


if __name__ == "__main__":
    main()
