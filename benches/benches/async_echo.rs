//! The async layer against `tokio::net`, the same work on a current-thread tokio runtime:
//! 64-byte send + recv over an AF_UNIX stream pair, and 64-byte UDP send_to + recv_from on
//! loopback. (Instruction counts per operation come from `async_probe` under callgrind; see
//! BENCHMARKS.md.)
//!
//! Run: `cargo bench -p sock-benches --bench async_echo`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const MSG: [u8; 64] = [0x5a; 64];

fn async_echo(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
    let mut g = c.benchmark_group("async");
    g.throughput(Throughput::Elements(1));
    let mut buf = [0u8; 64];

    let (a, b) = rt.block_on(async {
        let (a, b) = sock::socketpair().unwrap();
        (sock::tokio::AsyncSocket::new(a).unwrap(), sock::tokio::AsyncSocket::new(b).unwrap())
    });
    g.bench_function("unix_send_recv/sock", |bench| {
        bench.iter(|| {
            rt.block_on(async {
                a.send(&MSG).await.unwrap();
                black_box(b.recv(&mut buf).await.unwrap());
            })
        })
    });
    let (ta, tb) = rt.block_on(async { tokio::net::UnixStream::pair().unwrap() });
    g.bench_function("unix_send_recv/tokio", |bench| {
        bench.iter(|| {
            rt.block_on(async {
                ta.writable().await.unwrap();
                ta.try_write(&MSG).unwrap();
                tb.readable().await.unwrap();
                black_box(tb.try_read(&mut buf).unwrap());
            })
        })
    });

    let (tx, rx) = rt.block_on(async {
        let new = || {
            let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None).unwrap();
            s.bind((std::net::Ipv4Addr::LOCALHOST, 0)).unwrap();
            sock::tokio::AsyncSocket::new(s).unwrap()
        };
        (new(), new())
    });
    let dst = rx.socket().local_addr().unwrap();
    g.bench_function("udp_send_to_recv_from/sock", |bench| {
        bench.iter(|| {
            rt.block_on(async {
                tx.send_to(&MSG, dst).await.unwrap();
                black_box(rx.recv_from(&mut buf).await.unwrap());
            })
        })
    });
    let (ttx, trx) = rt.block_on(async {
        (
            tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap(),
            tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap(),
        )
    });
    let tdst = trx.local_addr().unwrap();
    g.bench_function("udp_send_to_recv_from/tokio", |bench| {
        bench.iter(|| {
            rt.block_on(async {
                ttx.send_to(&MSG, tdst).await.unwrap();
                black_box(trx.recv_from(&mut buf).await.unwrap());
            })
        })
    });
    g.finish();
}

criterion_group!(benches, async_echo);
criterion_main!(benches);
