//! A tokio TCP echo server on 127.0.0.1 built on `sock_inet::tokio`: prints its address,
//! echoes each connection until the peer shuts down its side, and exits after `--count N`
//! connections (default: serves forever). `--port P` picks the port (default: any).
//!
//! ```text
//! cargo run -p sock-inet --features tokio --example async_echo_server -- --count 2
//! ```

use std::io;

use sock_inet::tokio::{create_server, AsyncSocket};
use sock_inet::ServerOptions;

/// `--count N` and `--port P` from the command line.
fn args() -> io::Result<(Option<u64>, u16)> {
    let bad = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("bad {what}: usage: async_echo_server [--count N] [--port P]"),
        )
    };
    let (mut count, mut port) = (None, 0);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--count" => count = Some(it.next().and_then(|v| v.parse().ok()).ok_or_else(|| bad("--count"))?),
            "--port" => port = it.next().and_then(|v| v.parse().ok()).ok_or_else(|| bad("--port"))?,
            other => return Err(bad(other)),
        }
    }
    Ok((count, port))
}

async fn echo(conn: AsyncSocket) -> io::Result<u64> {
    let mut buf = vec![0u8; 16 * 1024];
    let mut total = 0u64;
    loop {
        let n = conn.recv(&mut buf).await?;
        if n == 0 {
            return Ok(total);
        }
        conn.send_all(&buf[..n]).await?;
        total += n as u64;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let (count, port) = args()?;
    let server = create_server(("127.0.0.1", port), &ServerOptions::new())?;
    println!("listening on {}", sock_inet::decode(&server.socket().local_addr()?)?);
    let mut tasks = tokio::task::JoinSet::new();
    let mut served = 0u64;
    while count.is_none_or(|n| served < n) {
        let (conn, peer) = server.accept().await?;
        let peer = sock_inet::decode(&peer)?;
        tasks.spawn(async move { (peer, echo(conn).await) });
        served += 1;
    }
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok((peer, Ok(bytes))) => println!("{peer}: echoed {bytes} bytes"),
            Ok((peer, Err(e))) => eprintln!("{peer}: {e}"),
            Err(e) => eprintln!("task: {e}"),
        }
    }
    Ok(())
}
