//! `sock bench`: loopback throughput of TCP and UDP through the `sock` API.

use std::io::{self, Write};
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use clap::Args;
use sock::{Family, Shutdown, Socket, Type};

use crate::{context, Io};

/// Arguments of `sock bench`.
#[derive(Args, Debug)]
pub(crate) struct BenchArgs {
    /// How many MiB to send over each protocol.
    #[arg(long, default_value_t = 256)]
    mib: u64,
}

fn rate(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64().max(1e-9)
}

fn tcp(total: u64) -> io::Result<(u64, Duration)> {
    let listener = Socket::new(Family::INET, Type::STREAM, None)?;
    listener.bind((Ipv4Addr::LOCALHOST, 0))?;
    listener.listen(None)?;
    let addr = listener.local_addr()?;
    let reader = std::thread::spawn(move || -> io::Result<u64> {
        let (conn, _) = listener.accept()?;
        let mut buf = vec![0u8; 256 * 1024];
        let mut got = 0u64;
        loop {
            match conn.recv(&mut buf)? {
                0 => return Ok(got),
                n => got += n as u64,
            }
        }
    });
    let client = Socket::new(Family::INET, Type::STREAM, None)?;
    client.connect(addr)?;
    let chunk = vec![0x5au8; 256 * 1024];
    let start = Instant::now();
    let mut sent = 0u64;
    while sent < total {
        let n = (total - sent).min(chunk.len() as u64) as usize;
        client.send_all(&chunk[..n])?;
        sent += n as u64;
    }
    client.shutdown(Shutdown::Write)?;
    let got = reader.join().map_err(|_| io::Error::other("reader thread panicked"))??;
    Ok((got, start.elapsed()))
}

/// UDP: 32 KiB datagrams; the receiver stops after 200 ms without one, so losses show.
fn udp(total: u64) -> io::Result<(u64, Duration)> {
    let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    rx.set_recv_buffer_size(4 << 20)?;
    rx.bind((Ipv4Addr::LOCALHOST, 0))?;
    let addr = rx.local_addr()?;
    let reader = std::thread::spawn(move || -> io::Result<(u64, Instant)> {
        let mut buf = vec![0u8; 65536];
        let mut got = 0u64;
        let mut last = Instant::now();
        rx.set_timeout(Some(Duration::from_millis(200)))?;
        loop {
            match rx.recv(&mut buf) {
                Ok(0) => return Ok((got, last)),
                Ok(n) => {
                    got += n as u64;
                    last = Instant::now();
                }
                Err(e) if sock::is_timeout(&e) => return Ok((got, last)),
                Err(e) => return Err(e),
            }
        }
    });
    let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    tx.connect(addr)?;
    let chunk = vec![0xa5u8; 32 * 1024];
    let start = Instant::now();
    let mut sent = 0u64;
    while sent < total {
        let n = (total - sent).min(chunk.len() as u64) as usize;
        tx.send(&chunk[..n])?;
        sent += n as u64;
    }
    tx.send(&[])?;
    let (got, last) = reader.join().map_err(|_| io::Error::other("reader thread panicked"))??;
    Ok((got, last.duration_since(start)))
}

/// Runs both benchmarks and prints one line each.
pub(crate) fn run(args: BenchArgs, io: &mut Io) -> io::Result<()> {
    let total = args.mib.saturating_mul(1024 * 1024);
    let (got, d) = tcp(total).map_err(|e| context("bench tcp", e))?;
    writeln!(
        io.stdout,
        "tcp  {:>8.1} MiB in {:>7.3} s: {:>9.1} MiB/s",
        got as f64 / 1048576.0,
        d.as_secs_f64(),
        rate(got, d)
    )?;
    let (got, d) = udp(total).map_err(|e| context("bench udp", e))?;
    let lost = 100.0 * (1.0 - got as f64 / total.max(1) as f64);
    writeln!(
        io.stdout,
        "udp  {:>8.1} MiB in {:>7.3} s: {:>9.1} MiB/s ({lost:.1}% lost)",
        got as f64 / 1048576.0,
        d.as_secs_f64(),
        rate(got, d)
    )?;
    Ok(())
}
