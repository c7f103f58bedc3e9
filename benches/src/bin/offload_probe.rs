//! Offloads against copying, 1 GiB over loopback per run: for each pair the two variants run
//! alternately (A B A B ...), `RUNS` times each, and the probe prints one `name bytes seconds`
//! line per run, then `summary name median_gib_per_s min max` per variant.
//!
//! Pairs:
//! - `tcp_send` vs `tcp_zerocopy`: 1 MiB `send`s vs `MSG_ZEROCOPY` sends of the same buffer
//!   (`ZeroCopySender`), to a reader thread; timed until the reader has everything.
//! - `udp_sendto` vs `udp_gso`: datagrams of 1400 bytes, one `send` each vs 64 KiB
//!   `GsoSender::send_segments`, to a reader with `UDP_GRO`; timed at the sender (UDP may
//!   drop: the delivered share is printed as `delivered=`).
//! - `relay_copy` vs `relay_splice`: writer -> TCP -> relay -> TCP -> reader, the relay
//!   reading into a 1 MiB buffer and `send_all`ing it vs `SplicePipe::relay`; timed until the
//!   reader has everything.
//!
//! Environment: `OFFLOAD_PROBE_MIB` (default 1024) and `OFFLOAD_PROBE_RUNS` (default 5);
//! an argument restricts the run to pairs whose name contains it (`tcp`, `udp`, `relay`).

use std::io;
use std::thread;
use std::time::{Duration, Instant};

use sock::core::SplicePipe;
use sock::inet::{GsoSender, InetSocketExt, ZeroCopySender, GRO_BUFFER_LEN};
use sock::{Family, Shutdown, Socket, Type};

const CHUNK: usize = 1 << 20;
const SEG: usize = 1400;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn tcp_pair() -> io::Result<(Socket, Socket)> {
    let listener = Socket::new(Family::INET, Type::STREAM, None)?;
    listener.bind(("127.0.0.1", 0))?;
    listener.listen(Some(1))?;
    let client = Socket::new(Family::INET, Type::STREAM, None)?;
    client.connect(listener.local_addr()?)?;
    let (server, _) = listener.accept()?;
    Ok((client, server))
}

/// Reads until end of stream; returns the bytes read.
fn drain(s: &Socket) -> io::Result<u64> {
    let mut buf = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let n = s.recv(&mut buf)?;
        if n == 0 {
            return Ok(total);
        }
        total += n as u64;
    }
}

/// One TCP run: `send` writes `total` bytes on the client; timed until the reader saw them.
fn tcp_run(total: u64, zerocopy: bool) -> io::Result<f64> {
    let (client, server) = tcp_pair()?;
    let buf = vec![0x5au8; CHUNK];
    let start = Instant::now();
    let got = thread::scope(|scope| -> io::Result<u64> {
        let reader = scope.spawn(|| drain(&server));
        if zerocopy {
            // The buffer never changes, so sends need not wait for their completions one by
            // one; the run ends with every completion read, as a real sender must.
            let tx = ZeroCopySender::new(&client)?;
            let mut left = total;
            while left > 0 {
                let want = CHUNK.min(left as usize);
                match tx.send(&buf[..want]) {
                    Ok(s) => left -= s.bytes as u64,
                    Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => {
                        tx.wait_all()?;
                    }
                    Err(e) => return Err(e),
                }
            }
            tx.wait_all()?;
        } else {
            let mut left = total;
            while left > 0 {
                let want = CHUNK.min(left as usize);
                client.send_all(&buf[..want])?;
                left -= want as u64;
            }
        }
        client.shutdown(Shutdown::Write)?;
        reader.join().map_err(|_| io::Error::other("reader panicked"))?
    })?;
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(got, total);
    Ok(secs)
}

/// One UDP run: `total` bytes as 1400-byte datagrams; timed at the sender. Returns the
/// seconds and the share the reader got.
fn udp_run(total: u64, gso: bool) -> io::Result<(f64, f64)> {
    let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    rx.bind(("127.0.0.1", 0))?;
    // SO_RCVBUFFORCE needs CAP_NET_ADMIN; fall back to what SO_RCVBUF allows.
    if rx.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, 64 << 20).is_err() {
        rx.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUF, 64 << 20)?;
    }
    rx.set_udp_gro(true)?;
    rx.set_timeout(Some(Duration::from_millis(200)))?;
    let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    tx.connect(rx.local_addr()?)?;
    let per_send = (sock::inet::UDP_MAX_PAYLOAD / SEG) * SEG;
    let buf = vec![0xa5u8; per_send];
    let sends = total / per_send as u64;
    let start = Instant::now();
    let (secs, got) = thread::scope(|scope| -> io::Result<(f64, u64)> {
        let reader = scope.spawn(|| {
            let mut b = vec![0u8; GRO_BUFFER_LEN];
            let mut got = 0u64;
            // Until the sender is done and nothing came for 200 ms.
            loop {
                match rx.recv_gro(&mut b) {
                    Ok(m) => got += m.bytes as u64,
                    Err(e) if sock::is_timeout(&e) || e.kind() == io::ErrorKind::WouldBlock => return got,
                    Err(_) => return got,
                }
            }
        });
        if gso {
            let tx = GsoSender::new(&tx)?;
            for _ in 0..sends {
                tx.send_segments(&buf, SEG)?;
            }
        } else {
            for _ in 0..sends {
                for d in buf.chunks(SEG) {
                    tx.send(d)?;
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        Ok((secs, reader.join().map_err(|_| io::Error::other("reader panicked"))?))
    })?;
    Ok((secs, got as f64 / (sends * per_send as u64) as f64))
}

/// One relay run: writer -> `a` -> relay -> `b` -> reader.
fn relay_run(total: u64, splice: bool) -> io::Result<f64> {
    let (writer, from) = tcp_pair()?;
    let (to, reader) = tcp_pair()?;
    let buf = vec![0x33u8; CHUNK];
    let start = Instant::now();
    let got = thread::scope(|scope| -> io::Result<u64> {
        let read = scope.spawn(|| drain(&reader));
        let relay = scope.spawn(|| -> io::Result<u64> {
            if splice {
                let mut pipe = SplicePipe::new()?;
                pipe.set_more(true);
                pipe.relay(&from, &to)
            } else {
                let mut b = vec![0u8; CHUNK];
                let mut n = 0u64;
                loop {
                    let got = from.recv(&mut b)?;
                    if got == 0 {
                        to.shutdown(Shutdown::Write)?;
                        return Ok(n);
                    }
                    to.send_all(&b[..got])?;
                    n += got as u64;
                }
            }
        });
        let mut left = total;
        while left > 0 {
            let want = CHUNK.min(left as usize);
            writer.send_all(&buf[..want])?;
            left -= want as u64;
        }
        writer.shutdown(Shutdown::Write)?;
        relay.join().map_err(|_| io::Error::other("relay panicked"))??;
        read.join().map_err(|_| io::Error::other("reader panicked"))?
    })?;
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(got, total);
    Ok(secs)
}

fn summary(name: &str, total: u64, secs: &mut [f64]) {
    secs.sort_by(f64::total_cmp);
    let gib = total as f64 / f64::from(1u32 << 30);
    let rate = |s: f64| gib / s;
    let median = secs[secs.len() / 2];
    println!(
        "summary {name} median={:.2}GiB/s min={:.2} max={:.2} (median {median:.3}s over {} runs)",
        rate(median),
        rate(secs[secs.len() - 1]),
        rate(secs[0]),
        secs.len()
    );
}

fn main() -> io::Result<()> {
    let total = env("OFFLOAD_PROBE_MIB", 1024) as u64 * CHUNK as u64;
    let runs = env("OFFLOAD_PROBE_RUNS", 5).max(1);
    let only = std::env::args().nth(1).unwrap_or_default();
    if "tcp".contains(&only) || only.contains("tcp") {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let s = tcp_run(total, false)?;
            println!("tcp_send {total} {s:.4}");
            a.push(s);
            let s = tcp_run(total, true)?;
            println!("tcp_zerocopy {total} {s:.4}");
            b.push(s);
        }
        summary("tcp_send", total, &mut a);
        summary("tcp_zerocopy", total, &mut b);
    }
    if "udp".contains(&only) || only.contains("udp") {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let (s, share) = udp_run(total, false)?;
            println!("udp_sendto {total} {s:.4} delivered={share:.3}");
            a.push(s);
            let (s, share) = udp_run(total, true)?;
            println!("udp_gso {total} {s:.4} delivered={share:.3}");
            b.push(s);
        }
        summary("udp_sendto", total, &mut a);
        summary("udp_gso", total, &mut b);
    }
    if "relay".contains(&only) || only.contains("relay") {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let s = relay_run(total, false)?;
            println!("relay_copy {total} {s:.4}");
            a.push(s);
            let s = relay_run(total, true)?;
            println!("relay_splice {total} {s:.4}");
            b.push(s);
        }
        summary("relay_copy", total, &mut a);
        summary("relay_splice", total, &mut b);
    }
    Ok(())
}
