//! TCP bulk transfer on loopback, 1 GiB per iteration: `sock`'s `send_all`/`recv` against
//! `std::net`, and `sock`'s `sendfile` (no copy through user space) against a read + send
//! loop. A reader thread drains the receiving end with a 256 KiB buffer.
//!
//! Run: `cargo bench -p sock-benches --bench bulk`.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sock::{Family, Socket, Type};

const TOTAL: u64 = 1 << 30;
const CHUNK: usize = 256 * 1024;
const FILE_SIZE: u64 = 64 << 20;

/// A connected pair whose server side is drained by a thread; each message on `go` asks the
/// thread to read that many bytes and report back on `done`.
struct Sink {
    go: mpsc::Sender<u64>,
    done: mpsc::Receiver<()>,
}

impl Sink {
    /// Runs `send` (which writes `bytes`) while the thread drains them, and waits for the
    /// last byte to arrive.
    fn transfer(&self, bytes: u64, send: impl FnOnce()) {
        self.go.send(bytes).unwrap();
        send();
        self.done.recv().unwrap();
    }
}

fn sink_thread(mut read: impl FnMut(&mut [u8]) -> usize + Send + 'static) -> Sink {
    let (go, go_rx) = mpsc::channel::<u64>();
    let (done_tx, done) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = vec![0u8; CHUNK];
        for mut left in go_rx {
            while left > 0 {
                let n = read(&mut buf);
                assert!(n > 0, "sender closed early");
                left -= n as u64;
            }
            done_tx.send(()).unwrap();
        }
    });
    Sink { go, done }
}

fn sock_pair() -> (Socket, Socket) {
    let l = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    l.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    l.listen(None).unwrap();
    let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c.connect(l.local_addr().unwrap()).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

fn bench_file() -> (File, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("sock-bulk-bench-{}.bin", std::process::id()));
    let mut f = File::create(&path).unwrap();
    let block = vec![0xa5u8; 1 << 20];
    for _ in 0..(FILE_SIZE >> 20) {
        f.write_all(&block).unwrap();
    }
    (File::open(&path).unwrap(), path)
}

fn bulk(c: &mut Criterion) {
    let mut g = c.benchmark_group("tcp_bulk_1GiB");
    g.throughput(Throughput::Bytes(TOTAL));
    g.sample_size(10);
    let data = vec![0x5au8; CHUNK];

    let (client, server) = sock_pair();
    let sink = sink_thread(move |buf| server.recv(buf).unwrap());
    g.bench_function("sock_send_all", |b| {
        b.iter(|| {
            sink.transfer(TOTAL, || {
                for _ in 0..TOTAL / CHUNK as u64 {
                    client.send_all(&data).unwrap();
                }
            })
        })
    });

    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut sc = TcpStream::connect(l.local_addr().unwrap()).unwrap();
    let (mut ss, _) = l.accept().unwrap();
    let sink = sink_thread(move |buf| ss.read(buf).unwrap());
    g.bench_function("std_write_all", |b| {
        b.iter(|| {
            sink.transfer(TOTAL, || {
                for _ in 0..TOTAL / CHUNK as u64 {
                    sc.write_all(&data).unwrap();
                }
            })
        })
    });

    let (file, path) = bench_file();
    let (client, server) = sock_pair();
    let sink = sink_thread(move |buf| server.recv(buf).unwrap());
    g.bench_function("sock_sendfile", |b| {
        b.iter(|| {
            sink.transfer(TOTAL, || {
                for _ in 0..TOTAL / FILE_SIZE {
                    assert_eq!(client.sendfile(&file, 0, None).unwrap(), FILE_SIZE);
                }
            })
        })
    });
    let mut buf = vec![0u8; CHUNK];
    g.bench_function("read_and_send_all", |b| {
        b.iter(|| {
            sink.transfer(TOTAL, || {
                for _ in 0..TOTAL / FILE_SIZE {
                    let mut f = &file;
                    std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(0)).unwrap();
                    loop {
                        let n = f.read(&mut buf).unwrap();
                        if n == 0 {
                            break;
                        }
                        client.send_all(&buf[..n]).unwrap();
                    }
                }
            })
        })
    });
    g.finish();
    let _ = std::fs::remove_file(path);
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    targets = bulk
}
criterion_main!(benches);
