#!/usr/bin/env python3
"""A minimal chimney offload target in Python 3, standard library only.

It speaks the target protocol (docs/target-protocol.md) on standard input and output, so the
harness can start it as a child process:

    ./chimney certify --target "process:python3 adapters/examples/python/chimney_target.py" --rules DSC-7

What it implements, and no more: the handshake; the ordinary paths (the host's packets go out
unchanged, packets of connections it does not hold go up to the host); initiate and terminate of
TCP connections (neighbors and paths simply succeed); sends, completed once the peer has
acknowledged them; a graceful disconnect (the last data, then a FIN, completed once every send has been); an
abortive disconnect (an RST). Received data is acknowledged but not delivered, so scenarios that
check delivery fail: this is an example of the protocol, not a TCP engine.

Everything runs on the main thread: the protocol is request and return, and this target has no
timers, so it never needs a second one.
"""
import base64
import json
import socket
import struct
import sys

PROTOCOL = 1
SUCCESS, PENDING = 0x00000000, 0x00000103
MAX_FRAME = 4 * 1024 * 1024

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10
MOD = 1 << 32


# ---------------------------------------------------------------- framing

def read_frame(stream):
    """The next message, or None at the end of the stream."""
    header = stream.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    if not 0 < length <= MAX_FRAME:
        raise ValueError("frame of %d bytes" % length)
    return json.loads(stream.read(length))


def write_frame(message):
    payload = json.dumps(message, separators=(",", ":")).encode()
    sys.stdout.buffer.write(struct.pack(">I", len(payload)) + payload)
    sys.stdout.buffer.flush()


def upcall(instance, op, **fields):
    write_frame(dict(type="upcall", op=op, instance=instance, **fields))


# ---------------------------------------------------------------- packets

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def tcp_packet(src, dst, sport, dport, seq, ack, flags, window, payload=b""):
    """A whole IPv4 packet with valid checksums."""
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq % MOD, ack % MOD, 5 << 4, flags, window, 0, 0) + payload
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0x4000, 64, 6, 0,
                     socket.inet_aton(src), socket.inet_aton(dst))
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return ip + tcp


def parse(packet):
    """(src, dst, sport, dport, seq, ack, flags, window, payload), or None when not TCP/IPv4."""
    if len(packet) < 40 or packet[0] >> 4 != 4 or packet[9] != 6:
        return None
    ihl = (packet[0] & 0x0F) * 4
    total = struct.unpack("!H", packet[2:4])[0]
    tcp = packet[ihl:total]
    sport, dport, seq, ack, offset, flags, window = struct.unpack("!HHIIBBH", tcp[:16])
    return (socket.inet_ntoa(packet[12:16]), socket.inet_ntoa(packet[16:20]), sport, dport, seq, ack,
            flags, window, tcp[(offset >> 4) * 4:])


# ---------------------------------------------------------------- a connection

class Connection:
    def __init__(self, node, path, instance):
        tcp, fields = node["state"], node["state"]["delegated"]["fields"]
        self.handle = node["handle"]
        self.local, self.remote = path["state"]["sourceAddress"], path["state"]["destinationAddress"]
        self.lport, self.rport = tcp["localPort"], tcp["remotePort"]
        self.snd_una, self.snd_nxt = fields["SND_UNA"], fields["SND_NXT"]
        self.rcv_nxt = fields["RCV_NXT"]
        self.snd_wnd = fields.get("SND_WND", 65535)
        self.mss = tcp["remoteMss"] or 536
        self.instance = instance
        self.sends = []  # (end sequence number, NBL id), in delivery order
        self.fin_sent = False
        self.disconnect = None  # a graceful disconnect's NBL, completed once every send has been (DSC-10)
        for nbl in node.get("nbls") or []:  # send data handed over with the offload
            self.send(nbl)

    def key(self):
        return (self.remote, self.rport, self.local, self.lport)

    def segment(self, flags, payload=b"", seq=None):
        upcall(self.instance, "transmit", packet=base64.b64encode(tcp_packet(
            self.local, self.remote, self.lport, self.rport, self.snd_nxt if seq is None else seq,
            self.rcv_nxt, flags, 65535, payload)).decode())

    def send(self, nbl):
        data = b"".join(base64.b64decode(b.get("data", "")) for b in nbl["buffers"])
        for i in range(0, len(data), self.mss):
            chunk = data[i:i + self.mss]
            self.segment(ACK | PSH, chunk)
            self.snd_nxt = (self.snd_nxt + len(chunk)) % MOD
        self.sends.append((self.snd_nxt, nbl["id"]))
        self.complete_acknowledged()

    def complete_acknowledged(self):
        done = []
        while self.sends and (self.snd_una - self.sends[0][0]) % MOD < MOD // 2:
            done.append({"id": self.sends.pop(0)[1], "status": SUCCESS, "buffers": [{"capacity": 0}]})
        if done:
            upcall(self.instance, "tcpOffloadSendComplete", nbls=done)
        if self.disconnect and not self.sends:
            upcall(self.instance, "tcpOffloadDisconnectComplete", nbl=self.disconnect)
            self.disconnect = None

    def on_segment(self, seq, ack, flags, window, payload):
        if flags & ACK and 0 < (ack - self.snd_una) % MOD <= (self.snd_nxt - self.snd_una) % MOD:
            self.snd_una = ack
            self.snd_wnd = window
            self.complete_acknowledged()
        if seq == self.rcv_nxt and (payload or flags & FIN):
            self.rcv_nxt = (self.rcv_nxt + len(payload) + (1 if flags & FIN else 0)) % MOD
            self.segment(ACK)
            if flags & FIN:
                upcall(self.instance, "tcpOffloadEvent", handle=self.handle, event="INDICATE_DISCONNECT")

    def delegated(self):
        return {"state": "FIN_WAIT_1" if self.fin_sent else "ESTABLISHED",
                "fields": {"SND_UNA": self.snd_una, "SND_NXT": self.snd_nxt, "SND_MAX": self.snd_nxt,
                           "RCV_NXT": self.rcv_nxt, "SND_WND": self.snd_wnd, "RCV_WND": 65535},
                "bufferedData": []}


# ---------------------------------------------------------------- a target instance

class Instance:
    def __init__(self, number):
        self.number = number
        self.by_context, self.by_key = {}, {}

    def walk(self, node, parent, visit):
        visit(node, parent)
        for d in node.get("dependents", []):
            self.walk(d, node, visit)

    def initiate(self, call):
        def admit(node, parent):
            node["status"] = SUCCESS
            if node["type"] == "TCP":
                c = Connection(node, parent, self.number)
                node["context"] = len(self.by_context) + 1
                self.by_context[node["context"]] = c
                self.by_key[c.key()] = c
        tree = call["tree"]
        self.walk(tree, None, admit)
        return PENDING, lambda: upcall(self.number, "initiateOffloadComplete", call=call["id"], tree=tree)

    def terminate(self, call):
        def upload(node, parent):
            node["status"] = SUCCESS
            c = self.by_context.pop(node.get("context"), None)
            if node["type"] == "TCP" and c:
                self.by_key.pop(c.key(), None)
                node["state"]["delegated"] = c.delegated()
                node["nbls"] = []  # every send this example accepted was acknowledged or is lost
        tree = call["tree"]
        self.walk(tree, None, upload)
        return PENDING, lambda: upcall(self.number, "terminateOffloadComplete", call=call["id"], tree=tree)

    def disconnect(self, call):
        c, nbl = self.by_context[call["context"]], call["nbl"]
        if call["flags"] == "ABORTIVE_CLOSE":
            c.segment(RST | ACK)
        else:
            data = base64.b64decode(nbl["buffers"][0].get("data", ""))
            c.segment(FIN | ACK | (PSH if data else 0), data)
            c.snd_nxt = (c.snd_nxt + len(data) + 1) % MOD
            c.fin_sent = True
        nbl["status"] = SUCCESS
        c.disconnect = nbl
        return PENDING, c.complete_acknowledged

    def send(self, call):
        c = self.by_context[call["context"]]
        return PENDING, lambda: [c.send(nbl) for nbl in call["nbls"]]

    def receive_from_wire(self, call):
        raw = base64.b64decode(call["packet"])
        p = parse(raw)
        c = p and self.by_key.get((p[0], p[2], p[1], p[3]))
        if c:
            c.on_segment(p[4], p[5], p[6], p[7], p[8])
        else:
            upcall(self.number, "indicateReceiveNetBufferLists", packet=call["packet"])
        return None, None

    def send_net_buffer_lists(self, call):
        upcall(self.number, "transmit", packet=call["packet"])
        return None, None


# ---------------------------------------------------------------- the loop

HANDLERS = {
    "initiateOffload": Instance.initiate,
    "terminateOffload": Instance.terminate,
    "tcpOffloadDisconnect": Instance.disconnect,
    "tcpOffloadSend": Instance.send,
    "receiveFromWire": Instance.receive_from_wire,
    "sendNetBufferLists": Instance.send_net_buffer_lists,
}


def main():
    instances = {}
    stdin = sys.stdin.buffer
    while (m := read_frame(stdin)) is not None:
        if m["type"] == "hello":
            if m.get("protocol") != PROTOCOL:
                write_frame({"type": "error", "message": "this target speaks protocol %d" % PROTOCOL})
                return
            write_frame({"type": "hello", "protocol": PROTOCOL, "name": "python-example",
                         "description": "the Python example target (adapters/examples/python)",
                         "capabilities": []})
            continue
        if m["type"] != "call":
            continue  # replies: this target indicates no received data, so it never waits for one
        op, ret, later = m["op"], {"type": "return", "id": m["id"]}, None
        try:
            if op == "create":
                instances[m["instance"]] = Instance(m["instance"])
            elif op == "close":
                instances.pop(m["instance"], None)
            elif op in HANDLERS:
                status, later = HANDLERS[op](instances[m["instance"]], m)
                if status is not None:
                    ret["status"] = status
            else:
                ret["status"] = 0xC00000BB  # NDIS_STATUS_NOT_SUPPORTED: receives, forwards
        except Exception as e:  # the handler's failure goes back as a throw, the run goes on
            ret = {"type": "return", "id": m["id"], "thrown": repr(e)}
        write_frame(ret)
        if later:
            later()  # completions after the return, as a driver's DPC would


if __name__ == "__main__":
    main()
