#!/usr/bin/env python3
"""The hot-path workloads of benches/src/bin/hotpath_probe.rs, in CPython, for callgrind and
strace: `hotpath.py <workload> <N>` runs N rounds of one 64-byte send and one receive.

Workloads: pair (AF_UNIX datagram socketpair, blocking), nonblocking, timeout (settimeout(5)),
udp (sendto + recvfrom on 127.0.0.1), msg (sendmsg + recvmsg). `batch` has no CPython form:
the script exits with status 2, as the Rust probe does for an unsupported pair.
"""
import socket
import sys

MSG = b"\x5a" * 64


def pair(mode):
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    for s in (a, b):
        if mode == "nonblocking":
            s.setblocking(False)
        elif mode == "timeout":
            s.settimeout(5.0)
    return a, b


def main():
    workload, n = sys.argv[1], int(sys.argv[2])
    if workload in ("pair", "nonblocking", "timeout"):
        a, b = pair(workload)
        for _ in range(n):
            a.send(MSG)
            b.recv(64)
    elif workload == "udp":
        rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        rx.bind(("127.0.0.1", 0))
        tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        dst = rx.getsockname()
        for _ in range(n):
            tx.sendto(MSG, dst)
            rx.recvfrom(64)
    elif workload == "msg":
        a, b = pair("blocking")
        for _ in range(n):
            a.sendmsg([MSG])
            b.recvmsg(64)
    else:
        print("unsupported")
        sys.exit(2)


if __name__ == "__main__":
    main()
