//! The spec's IPv4/IPv6 echo client, written with `sock`: it tries every address the name
//! resolves to and talks to the first that accepts.
//!
//! `cargo run -p sock-inet --example echo_client_dual [HOST [PORT]]` (default localhost 50007).

use std::io;

use sock_core::Socket;
use sock_resolve::getaddrinfo;

/// Connects to the first address of `(host, port)` that answers, sends `Hello, world` and
/// returns what came back.
pub fn run(host: &str, port: u16) -> io::Result<Vec<u8>> {
    let mut conn = None;
    for res in getaddrinfo(Some(host), port, libc::AF_UNSPEC, libc::SOCK_STREAM, 0, 0)? {
        let Ok(s) = Socket::new(res.family, res.ty, res.protocol) else {
            continue;
        };
        if s.connect(res.addr).is_err() {
            continue;
        }
        conn = Some(s);
        break;
    }
    let s = conn.ok_or_else(|| io::Error::other("could not open socket"))?;
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
