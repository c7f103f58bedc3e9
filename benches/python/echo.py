#!/usr/bin/env python3
"""The echo workloads of benches/benches/echo.rs, in CPython, for the ratio in BENCHMARKS.md.

Prints one line per workload: `<name> <nanoseconds per operation>`.

- echo_blocking / echo_timeout: 64-byte ping-pong over an AF_UNIX stream socketpair
  (a.send, b.recv, b.send, a.recv) with both sockets blocking / with a 5 s timeout;
- udp_recvfrom: 64-byte datagrams on loopback, one sendto + one recvfrom per operation.
"""
import socket
import sys
import time

MSG = b"\x5a" * 64


def per_op(fn, n):
    fn(n // 10)  # warm up
    best = None
    for _ in range(5):
        t = time.perf_counter_ns()
        fn(n)
        dt = (time.perf_counter_ns() - t) / n
        best = dt if best is None else min(best, dt)
    return best


def echo(timeout):
    a, b = socket.socketpair()
    a.settimeout(timeout)
    b.settimeout(timeout)

    def run(n):
        for _ in range(n):
            a.send(MSG)
            b.recv(64)
            b.send(MSG)
            a.recv(64)

    return run


def udp():
    rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rx.bind(("127.0.0.1", 0))
    tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    dst = rx.getsockname()

    def run(n):
        for _ in range(n):
            tx.sendto(MSG, dst)
            rx.recvfrom(64)

    return run


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    print("echo_blocking", round(per_op(echo(None), n), 1))
    print("echo_timeout", round(per_op(echo(5.0), n), 1))
    print("udp_recvfrom", round(per_op(udp(), n), 1))


if __name__ == "__main__":
    main()
