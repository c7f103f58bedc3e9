//! The spec's first echo server (IPv4 only), written with `sock`.
//!
//! `cargo run -p sock-inet --example echo_server_v4 [PORT]` (default 50007); try it with
//! `cargo run -p sock-inet --example echo_client_v4 localhost PORT`.

use std::io;

use sock_core::{Family, Socket, Type};

/// Symbolic name meaning all available interfaces.
pub const HOST: &str = "";
/// Arbitrary non-privileged port.
pub const PORT: u16 = 50007;

/// Serves one client on `(host, port)`: echoes what it sends until it closes. `ready` learns
/// the bound port (useful with port 0) once the socket listens.
pub fn serve(host: &str, port: u16, ready: impl FnOnce(u16)) -> io::Result<()> {
    let s = Socket::new(Family::INET, Type::STREAM, None)?;
    s.bind((host, port))?;
    s.listen(Some(1))?;
    ready(sock_inet::decode(&s.local_addr()?)?.port());
    let (conn, addr) = s.accept()?;
    println!("Connected by {}", sock_inet::decode(&addr)?);
    let mut data = [0u8; 1024];
    loop {
        let n = conn.recv(&mut data)?;
        if n == 0 {
            break;
        }
        conn.send_all(&data[..n])?;
    }
    Ok(())
}

#[allow(dead_code)] // the integration tests include this file for `serve`
fn main() -> io::Result<()> {
    let port = match std::env::args().nth(1) {
        Some(p) => {
            sock_inet::checked_port(p.parse::<i64>().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?)?
        }
        None => PORT,
    };
    serve(HOST, port, |p| println!("Listening on port {p}"))
}
