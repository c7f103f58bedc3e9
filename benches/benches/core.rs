//! sock-core's per-call cost against the raw syscall and the other libraries.
//!
//! 1. 64-byte send + recv over an AF_UNIX stream socketpair: `sock` (blocking), raw `libc`,
//!    `std::os::unix::net`, `socket2`, `nix`.
//! 2. recv in timeout mode with data already waiting: `sock` must make one syscall, so it should
//!    cost the same as blocking mode; CPython-style "poll, then recv" is shown beside it.
//!
//! Run: `cargo bench -p sock-benches --bench core`.

use std::hint::black_box;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MSG: [u8; 64] = [0x5a; 64];

fn raw_send_recv(a: i32, b: i32, buf: &mut [u8; 64]) {
    // SAFETY: `a`/`b` are open socket fds owned by the benchmark; the buffers are valid.
    unsafe {
        let n = libc::send(a, MSG.as_ptr().cast(), MSG.len(), 0);
        assert_eq!(n, 64);
        let n = libc::recv(b, buf.as_mut_ptr().cast(), buf.len(), 0);
        assert_eq!(n, 64);
    }
}

fn send_recv(c: &mut Criterion) {
    let mut g = c.benchmark_group("socketpair_64B_send_recv");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 64];

    let (a, b) = sock::socketpair().unwrap();
    g.bench_function("sock", |bench| {
        bench.iter(|| {
            a.send(black_box(&MSG)).unwrap();
            black_box(b.recv(&mut buf).unwrap());
        })
    });
    g.bench_function("libc", |bench| bench.iter(|| raw_send_recv(a.as_raw_fd(), b.as_raw_fd(), &mut buf)));

    let (mut sa, mut sb) = std::os::unix::net::UnixStream::pair().unwrap();
    g.bench_function("std", |bench| {
        bench.iter(|| {
            sa.write_all(black_box(&MSG)).unwrap();
            sb.read_exact(&mut buf).unwrap();
        })
    });

    let (xa, xb) = socket2::Socket::pair(socket2::Domain::UNIX, socket2::Type::STREAM, None).unwrap();
    let mut ubuf = [std::mem::MaybeUninit::<u8>::uninit(); 64];
    g.bench_function("socket2", |bench| {
        bench.iter(|| {
            xa.send(black_box(&MSG)).unwrap();
            black_box(xb.recv(&mut ubuf).unwrap());
        })
    });
    g.bench_function("nix", |bench| {
        bench.iter(|| {
            nix::sys::socket::send(a.as_raw_fd(), black_box(&MSG), nix::sys::socket::MsgFlags::empty()).unwrap();
            black_box(nix::sys::socket::recv(b.as_raw_fd(), &mut buf, nix::sys::socket::MsgFlags::empty()).unwrap());
        })
    });
    g.finish();
}

fn timeout_recv(c: &mut Criterion) {
    let mut g = c.benchmark_group("recv_with_data_waiting");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 64];
    let (a, b) = sock::socketpair().unwrap();

    g.bench_function("sock_blocking", |bench| {
        bench.iter(|| {
            a.send(&MSG).unwrap();
            black_box(b.recv(&mut buf).unwrap());
        })
    });
    b.set_timeout(Some(Duration::from_secs(5))).unwrap();
    g.bench_function("sock_timeout", |bench| {
        bench.iter(|| {
            a.send(&MSG).unwrap();
            black_box(b.recv(&mut buf).unwrap());
        })
    });
    let (fa, fb) = (a.as_raw_fd(), b.as_raw_fd());
    g.bench_function("libc_poll_then_recv", |bench| {
        bench.iter(|| {
            // SAFETY: open fds owned by the benchmark; valid buffers and pollfd.
            unsafe {
                assert_eq!(libc::send(fa, MSG.as_ptr().cast(), 64, 0), 64);
                let mut p = libc::pollfd { fd: fb, events: libc::POLLIN, revents: 0 };
                assert_eq!(libc::poll(&mut p, 1, 5000), 1);
                assert_eq!(libc::recv(fb, buf.as_mut_ptr().cast(), 64, 0), 64);
            }
        })
    });
    g.bench_function("libc_recv", |bench| bench.iter(|| raw_send_recv(fa, fb, &mut buf)));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = send_recv, timeout_recv
}
criterion_main!(benches);
