//! The spec's IPv4/IPv6 echo server, written with `sock`: it listens on the first address
//! family `getaddrinfo(None, PORT, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE)` offers.
//!
//! `cargo run -p sock-inet --example echo_server_dual [PORT]` (default 50007).

use std::io;

use sock_core::Socket;
use sock_resolve::{consts::AI_PASSIVE, getaddrinfo};

/// Arbitrary non-privileged port.
pub const PORT: u16 = 50007;

/// Opens the first passive address that binds and listens, then echoes one client. `ready`
/// learns the bound address.
pub fn serve(port: u16, ready: impl FnOnce(std::net::SocketAddr)) -> io::Result<()> {
    let mut listener = None;
    for res in getaddrinfo(None, port, libc::AF_UNSPEC, libc::SOCK_STREAM, 0, AI_PASSIVE)? {
        let Ok(s) = Socket::new(res.family, res.ty, res.protocol) else {
            continue;
        };
        if s.bind(res.addr).and_then(|()| s.listen(Some(1))).is_err() {
            continue; // dropping `s` closes it
        }
        listener = Some(s);
        break;
    }
    let Some(s) = listener else {
        return Err(io::Error::other("could not open socket"));
    };
    ready(sock_inet::decode(&s.local_addr()?)?);
    let (conn, addr) = s.accept()?;
    println!("Connected by {}", sock_inet::decode(&addr)?);
    let mut data = [0u8; 1024];
    loop {
        let n = conn.recv(&mut data)?;
        if n == 0 {
            break;
        }
        conn.send(&data[..n])?;
    }
    Ok(())
}

#[allow(dead_code)] // the integration tests include this file for `serve`
fn main() -> io::Result<()> {
    let port = std::env::args()
        .nth(1)
        .map_or(Ok(PORT), |p| p.parse().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e)))?;
    serve(port, |a| println!("Listening on {a}"))
}
