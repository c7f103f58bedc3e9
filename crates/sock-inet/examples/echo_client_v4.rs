//! The spec's first echo client (IPv4 only), written with `sock`.
//!
//! `cargo run -p sock-inet --example echo_client_v4 [HOST [PORT]]` (default localhost 50007).

use std::io;

use sock_core::{Family, Socket, Type};
use sock_inet as _; // its impls make `(host, port)` an address

/// Connects to `(host, port)`, sends `Hello, world` and returns what came back.
pub fn run(host: &str, port: u16) -> io::Result<Vec<u8>> {
    let s = Socket::new(Family::INET, Type::STREAM, None)?;
    s.connect((host, port))?;
    s.send_all(b"Hello, world")?;
    s.recv_vec(1024)
}

#[allow(dead_code)] // the integration tests include this file for `run`
fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let host = args.next().unwrap_or_else(|| "localhost".to_owned());
    let port =
        args.next().map_or(Ok(50007), |p| p.parse().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e)))?;
    let data = run(&host, port)?;
    println!("Received {:?}", String::from_utf8_lossy(&data));
    Ok(())
}
