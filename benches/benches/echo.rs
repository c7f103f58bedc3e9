//! The workloads that `benches/python/echo.py` runs in CPython, through `sock`, for the
//! CPython-vs-sock ratios of BENCHMARKS.md, plus the UDP receive paths:
//!
//! - `echo/blocking`, `echo/timeout`: 64-byte ping-pong over an AF_UNIX stream socketpair
//!   (a.send, b.recv, b.send, a.recv);
//! - `udp/*`: 64-byte datagrams on loopback, per datagram: `sock` send_to + recv_from, the same
//!   with `std::net::UdpSocket` and raw libc, batches of 32 through send_many/recv_many and
//!   raw sendmmsg/recvmmsg, and 64 at a time through UDP GSO (send) and GRO (receive).
//!
//! Run: `cargo bench -p sock-benches --bench echo`.

use std::hint::black_box;
use std::os::fd::AsRawFd;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sock::core::{OutMsg, RecvBatch, SendBatch};
use sock::{Family, SockAddr, Socket, Type};

const MSG: [u8; 64] = [0x5a; 64];
const BATCH: usize = 32;

fn echo(c: &mut Criterion) {
    let mut g = c.benchmark_group("echo");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 64];
    for (name, timeout) in [("blocking", None), ("timeout", Some(Duration::from_secs(5)))] {
        let (a, b) = sock::socketpair().unwrap();
        a.set_timeout(timeout).unwrap();
        b.set_timeout(timeout).unwrap();
        g.bench_function(name, |bench| {
            bench.iter(|| {
                a.send(&MSG).unwrap();
                b.recv(&mut buf).unwrap();
                b.send(&MSG).unwrap();
                black_box(a.recv(&mut buf).unwrap());
            })
        });
    }
    g.finish();
}

fn udp_pair() -> (Socket, Socket, SockAddr) {
    let rx = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    rx.bind((std::net::Ipv4Addr::LOCALHOST, 0)).unwrap();
    rx.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUF, 4 << 20).unwrap();
    let tx = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let dst = rx.local_addr().unwrap();
    (tx, rx, dst)
}

fn udp(c: &mut Criterion) {
    let mut g = c.benchmark_group("udp");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 64];

    let (tx, rx, dst) = udp_pair();
    g.bench_function("sock_send_to_recv_from", |bench| {
        bench.iter(|| {
            tx.send_to_addr(&MSG, &dst).unwrap();
            black_box(rx.recv_from(&mut buf).unwrap());
        })
    });

    let srx = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let stx = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let sdst = srx.local_addr().unwrap();
    g.bench_function("std_send_to_recv_from", |bench| {
        bench.iter(|| {
            stx.send_to(&MSG, sdst).unwrap();
            black_box(srx.recv_from(&mut buf).unwrap());
        })
    });

    let (ltx, lrx, ldst) = (tx.as_raw_fd(), rx.as_raw_fd(), dst);
    g.bench_function("libc_sendto_recvfrom", |bench| {
        bench.iter(|| {
            // SAFETY: open fds owned by the benchmark; valid buffers, address and lengths.
            unsafe {
                let n = libc::sendto(ltx, MSG.as_ptr().cast(), 64, 0, ldst.as_ptr(), ldst.socklen());
                assert_eq!(n, 64);
                let mut ss: libc::sockaddr_storage = std::mem::zeroed();
                let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                let n = libc::recvfrom(
                    lrx,
                    buf.as_mut_ptr().cast(),
                    64,
                    0,
                    (&mut ss as *mut libc::sockaddr_storage).cast(),
                    &mut len,
                );
                assert_eq!(n, 64);
            }
        })
    });

    g.throughput(Throughput::Elements(BATCH as u64));
    let msgs: Vec<OutMsg<'_>> = (0..BATCH).map(|_| OutMsg::to(&MSG, &dst)).collect();
    let mut out = SendBatch::with_capacity(BATCH);
    let mut batch = RecvBatch::new(BATCH, 64).unwrap();
    g.bench_function("sock_send_many_recv_many_32", |bench| {
        bench.iter(|| {
            let mut sent = 0;
            while sent < BATCH {
                sent += tx.send_many(&msgs[sent..], &mut out, 0).unwrap();
            }
            let mut got = 0;
            while got < BATCH {
                got += rx.recv_many(&mut batch, 0).unwrap();
            }
        })
    });
    // The same batches through raw sendmmsg/recvmmsg, headers prepared once outside the loop.
    let (rtx, rrx) = (tx.as_raw_fd(), rx.as_raw_fd());
    let mut raw_bufs = [[0u8; 64]; BATCH];
    let mut in_iov: Vec<libc::iovec> =
        raw_bufs.iter_mut().map(|b| libc::iovec { iov_base: b.as_mut_ptr().cast(), iov_len: 64 }).collect();
    let mut out_iov: Vec<libc::iovec> =
        (0..BATCH).map(|_| libc::iovec { iov_base: MSG.as_ptr().cast_mut().cast(), iov_len: 64 }).collect();
    // SAFETY: all-zero is a valid `mmsghdr` (null pointers, zero lengths); the pointers set
    // below refer to `in_iov`/`out_iov`/`dst`, which outlive every use in this function.
    let mut in_hdrs: Vec<libc::mmsghdr> = (0..BATCH).map(|_| unsafe { std::mem::zeroed() }).collect();
    // SAFETY: as above.
    let mut out_hdrs: Vec<libc::mmsghdr> = (0..BATCH).map(|_| unsafe { std::mem::zeroed() }).collect();
    for i in 0..BATCH {
        in_hdrs[i].msg_hdr.msg_iov = &mut in_iov[i];
        in_hdrs[i].msg_hdr.msg_iovlen = 1;
        out_hdrs[i].msg_hdr.msg_iov = &mut out_iov[i];
        out_hdrs[i].msg_hdr.msg_iovlen = 1;
        out_hdrs[i].msg_hdr.msg_name = dst.as_ptr().cast_mut().cast();
        out_hdrs[i].msg_hdr.msg_namelen = dst.socklen();
    }
    g.bench_function("libc_sendmmsg_recvmmsg_32", |bench| {
        bench.iter(|| {
            let mut sent = 0;
            while sent < BATCH {
                // SAFETY: the headers point at live iovecs, buffers and the destination address.
                let n = unsafe { libc::sendmmsg(rtx, out_hdrs[sent..].as_mut_ptr(), (BATCH - sent) as u32, 0) };
                assert!(n > 0);
                sent += n as usize;
            }
            let mut got = 0;
            while got < BATCH {
                // SAFETY: as above; recvmmsg writes only into the iovec buffers and headers.
                let n = unsafe {
                    libc::recvmmsg(rrx, in_hdrs.as_mut_ptr(), BATCH as u32, libc::MSG_WAITFORONE, std::ptr::null_mut())
                };
                assert!(n > 0);
                got += n as usize;
            }
        })
    });
    let mut loop_bufs = [[0u8; 64]; BATCH];
    g.bench_function("sock_send_to_recv_from_loop_32", |bench| {
        bench.iter(|| {
            for _ in 0..BATCH {
                tx.send_to_addr(&MSG, &dst).unwrap();
            }
            for b in loop_bufs.iter_mut() {
                black_box(rx.recv_from(b).unwrap());
            }
        })
    });
    g.finish();
}

/// Datagrams per GSO send: the kernel's UDP_MAX_SEGMENTS is 64 on older kernels.
const SEGMENTS: usize = 64;

/// The same 64-byte datagrams sent 64 at a time with UDP_SEGMENT (one `send_to` makes 64
/// datagrams) and received with UDP_GRO (one `recv_msg` returns many, split without copying).
fn udp_gso_gro(c: &mut Criterion) {
    use sock::inet::{gro_segment_size, gro_segments, InetSocketExt};
    use std::io::IoSliceMut;
    let mut g = c.benchmark_group("udp");
    g.throughput(Throughput::Elements(SEGMENTS as u64));
    let (tx, rx, dst) = udp_pair();
    if tx.set_udp_segment(64).is_err() || rx.set_udp_gro(true).is_err() {
        println!("SOCK-SKIP: UDP GSO/GRO unavailable on this kernel; udp/sock_gso_gro not measured");
        return;
    }
    let payload = [0x5au8; 64 * SEGMENTS];
    let mut buf = vec![0u8; 65536];
    let mut control = [0u8; 64];
    g.bench_function("sock_gso_gro", |bench| {
        bench.iter(|| {
            tx.send_to_addr(&payload, &dst).unwrap();
            let mut got = 0;
            while got < SEGMENTS {
                let m = rx.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
                let size = gro_segment_size(&control[..m.control_len]);
                got += black_box(gro_segments(&buf[..m.bytes], size)).len();
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = echo, udp, udp_gso_gro
}
criterion_main!(benches);
