#!/usr/bin/env python3
"""One side of a Linux kernel TCP trace, run inside a network namespace by linux-captures.sh.

  linux_peer.py target CASE ADDRESS PORT   listens, plays the offload target's part of CASE
  linux_peer.py peer   CASE ADDRESS PORT   connects, plays the remote peer's part of CASE

Cases (the target's host actions are what the manifest records):
  graceful       target sends 3000 bytes, then shutdown(SHUT_WR): data, then a FIN
  half-close     target sends 1000 bytes and shuts down; the peer sends 2000 bytes after the FIN, read by the target
  abortive       target sends 1000 bytes, then close() with SO_LINGER {1, 0}: an RST
  unread-close   the peer sends 500 bytes the target never reads; close() then sends an RST
  data-after-close  target sends 1000 bytes and close()s; the peer's later data draws an RST
  two-connections  two connections at once: on the first the target sends 2000 bytes and shuts down
                 gracefully, on the second it sends 1000 bytes and closes with SO_LINGER {1, 0} (an RST)
"""
import socket
import struct
import sys
import time

PAUSE = 0.2  # long enough for the other side's segments to arrive and be acknowledged


def target(case, address, port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((address, port))
    listener.listen(2)
    if case == "two-connections":
        two_connections_target(listener)
        return
    s, _ = listener.accept()
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    time.sleep(PAUSE)
    if case == "graceful":
        s.sendall(b"g" * 3000)
        s.shutdown(socket.SHUT_WR)
        while s.recv(4096):
            pass
    elif case == "half-close":
        s.sendall(b"h" * 1000)
        s.shutdown(socket.SHUT_WR)
        got = 0
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            got += len(chunk)
        assert got == 2000, got
    elif case == "abortive":
        s.sendall(b"a" * 1000)
        time.sleep(PAUSE)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    elif case == "unread-close":
        time.sleep(PAUSE)  # the peer's 500 bytes arrive and stay unread
    elif case == "data-after-close":
        s.sendall(b"d" * 1000)
    s.close()
    time.sleep(PAUSE)


def two_connections_target(listener):
    graceful, _ = listener.accept()
    abortive, _ = listener.accept()
    for s in (graceful, abortive):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    time.sleep(PAUSE)
    graceful.sendall(b"g" * 2000)
    abortive.sendall(b"a" * 1000)
    time.sleep(PAUSE)
    abortive.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    abortive.close()
    graceful.shutdown(socket.SHUT_WR)
    while graceful.recv(4096):
        pass
    graceful.close()
    time.sleep(PAUSE)


def drain(s):
    while True:
        try:
            if not s.recv(4096):
                return
        except ConnectionResetError:
            return


def peer(case, address, port):
    if case == "two-connections":
        first = socket.create_connection((address, port))
        second = socket.create_connection((address, port))
        drain(second)
        drain(first)
        second.close()
        first.close()
        return
    s = socket.create_connection((address, port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if case == "unread-close":
        s.sendall(b"u" * 500)
    got = 0
    while True:
        try:
            chunk = s.recv(4096)
        except ConnectionResetError:
            break
        if not chunk:
            break
        got += len(chunk)
    if case == "half-close":
        s.sendall(b"p" * 2000)
    elif case == "data-after-close":
        time.sleep(PAUSE)
        try:
            s.sendall(b"q" * 700)
            time.sleep(PAUSE)
            s.recv(1)
        except OSError:
            pass
    s.close()


if __name__ == "__main__":
    role, case, address, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    (target if role == "target" else peer)(case, address, port)
