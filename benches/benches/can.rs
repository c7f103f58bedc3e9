//! CAN_RAW frames per second on `vcan0`: `sock::can::CanSocket` against the `socketcan` crate.
//!
//! 1. `write`: one classic frame per iteration (one `send` each);
//! 2. `write-batch64`: 64 frames per `sendmmsg` (`CanSocket::write_frames`; socketcan has no
//!    batch API, so this row is ours alone);
//! 3. `write+read`: a frame written on one socket and read on another (loopback through vcan),
//!    the round trip a CAN application does all day.
//!
//! 4. `async-write+read`: the same round trip on a current-thread tokio runtime,
//!    `sock::can::tokio::AsyncCanSocket` against `socketcan::tokio::CanSocket`.
//!
//! Both libraries make the same syscalls, so the numbers show the wrappers' own cost. The build
//! host has no CAN: without `vcan0` the bench prints why and exits; run it where vcan0 exists
//! (`modprobe vcan; ip link add dev vcan0 type vcan; ip link set vcan0 mtu 72 up`).
//!
//! Run: `cargo bench -p sock-benches --bench can`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use sock::can::tokio::AsyncCanSocket;
use sock::can::{CanFilter, CanId, CanSocket, ClassicFrame};
use socketcan::{EmbeddedFrame, Socket as _, SocketOptions as _, StandardId};

const IF: &str = "vcan0";
const ID: u16 = 0x7a5;

fn sock_pair() -> (CanSocket, CanSocket) {
    let tx = CanSocket::bound((IF,)).expect("open vcan0");
    let rx = CanSocket::bound((IF,)).expect("open vcan0");
    rx.set_filters(&[CanFilter::exact(CanId::Standard(ID))]).expect("filter");
    (tx, rx)
}

fn socketcan_pair() -> (socketcan::CanSocket, socketcan::CanSocket) {
    let tx = socketcan::CanSocket::open(IF).expect("open vcan0");
    let rx = socketcan::CanSocket::open(IF).expect("open vcan0");
    rx.set_filters(&[socketcan::CanFilter::new(u32::from(ID), 0x7ff)]).expect("filter");
    (tx, rx)
}

fn bench(c: &mut Criterion) {
    let frame = ClassicFrame::new(CanId::Standard(ID), &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    let sc_frame = socketcan::CanFrame::new(StandardId::new(ID).unwrap(), &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();

    let mut g = c.benchmark_group("can/write");
    g.throughput(Throughput::Elements(1));
    {
        let (tx, _rx) = sock_pair();
        tx.set_loopback(false).unwrap();
        g.bench_function("sock", |b| b.iter(|| tx.write_classic(black_box(&frame)).unwrap()));
    }
    {
        let (tx, _rx) = socketcan_pair();
        tx.set_loopback(false).unwrap();
        g.bench_function("socketcan", |b| b.iter(|| tx.write_frame(black_box(&sc_frame)).unwrap()));
    }
    g.finish();

    // Batched: 64 frames per sendmmsg (socketcan has no batch API).
    let mut g = c.benchmark_group("can/write-batch64");
    g.throughput(Throughput::Elements(64));
    {
        let (tx, _rx) = sock_pair();
        tx.set_loopback(false).unwrap();
        let frames = vec![frame; 64];
        let mut batch = sock_core::SendBatch::with_capacity(64);
        g.bench_function("sock", |b| b.iter(|| tx.write_frames(black_box(&frames), &mut batch).unwrap()));
    }
    g.finish();

    let mut g = c.benchmark_group("can/write+read");
    g.throughput(Throughput::Elements(1));
    {
        let (tx, rx) = sock_pair();
        g.bench_function("sock", |b| {
            b.iter(|| {
                tx.write_classic(&frame).unwrap();
                black_box(rx.read_frame().unwrap())
            })
        });
    }
    {
        let (tx, rx) = socketcan_pair();
        g.bench_function("socketcan", |b| {
            b.iter(|| {
                tx.write_frame(&sc_frame).unwrap();
                black_box(rx.read_frame().unwrap())
            })
        });
    }
    g.finish();

    let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
    let mut g = c.benchmark_group("can/async-write+read");
    g.throughput(Throughput::Elements(1));
    {
        let (tx, rx) = rt.block_on(async {
            let (tx, rx) = sock_pair();
            (AsyncCanSocket::new(tx).unwrap(), AsyncCanSocket::new(rx).unwrap())
        });
        let frame = sock::can::Frame::Classic(frame);
        g.bench_function("sock", |b| {
            b.iter(|| {
                rt.block_on(async {
                    tx.write_frame(&frame).await.unwrap();
                    black_box(rx.read_frame().await.unwrap())
                })
            })
        });
    }
    {
        let (tx, rx) = rt.block_on(async {
            let tx = socketcan::tokio::CanSocket::open(IF).unwrap();
            let rx = socketcan::tokio::CanSocket::open(IF).unwrap();
            (tx, rx)
        });
        g.bench_function("socketcan", |b| {
            b.iter(|| {
                rt.block_on(async {
                    tx.write_frame(sc_frame).await.unwrap();
                    black_box(rx.read_frame().await.unwrap())
                })
            })
        });
    }
    g.finish();
}

fn main() {
    if let Err(e) = CanSocket::bound((IF,)) {
        println!("can bench skipped: no {IF} here ({e}); it needs a vcan0 interface (see the file's docs)");
        return;
    }
    let mut c = Criterion::default().measurement_time(Duration::from_secs(3)).configure_from_args();
    bench(&mut c);
    c.final_summary();
}
