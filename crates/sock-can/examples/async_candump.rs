//! An async `candump -L` on tokio: prints every frame of the interfaces given (default
//! `vcan0`; `any` for every interface) in candump's log format,
//! `(seconds.micros) interface frame`, e.g. `(1700000000.123456) vcan0 123#DEADBEEF`.
//!
//! `cargo run -p sock-can --features tokio --example async_candump -- vcan0 [more ...]`
//!
//! One task per interface awaits `read_frame_meta` (the frame with its kernel timestamp and
//! interface); Ctrl-C ends it.

use std::collections::HashMap;
use std::io::{self, Write};
use std::time::{SystemTime, UNIX_EPOCH};

use sock_can::tokio::AsyncCanSocket;
use sock_can::{interface_from_index, CanSocket, Frame, FrameMeta};

/// One line of candump's log format.
fn log_line(names: &mut HashMap<u32, String>, frame: &Frame, meta: &FrameMeta) -> String {
    let at = meta.timestamp.unwrap_or_else(SystemTime::now).duration_since(UNIX_EPOCH).unwrap_or_default();
    let name = names.entry(meta.ifindex).or_insert_with(|| interface_from_index(meta.ifindex).to_string());
    format!("({}.{:06}) {name} {frame}", at.as_secs(), at.subsec_micros())
}

async fn dump(iface: String) -> io::Result<()> {
    let sock = CanSocket::bound((if iface == "any" { "" } else { iface.as_str() },))?;
    sock.set_fd_frames(true)?;
    sock.set_timestamp(true)?;
    let can = AsyncCanSocket::new(sock)?;
    let mut names = HashMap::new();
    loop {
        let (frame, meta) = can.read_frame_meta().await?;
        let line = log_line(&mut names, &frame, &meta);
        // A closed stdout (`| head`) ends the dump quietly.
        if writeln!(io::stdout().lock(), "{line}").is_err() {
            return Ok(());
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let mut ifaces: Vec<String> = std::env::args().skip(1).collect();
    if ifaces.is_empty() {
        ifaces.push("vcan0".into());
    }
    let mut tasks = tokio::task::JoinSet::new();
    for iface in ifaces {
        tasks.spawn(async move { (iface.clone(), dump(iface).await) });
    }
    while let Some(done) = tasks.join_next().await {
        if let Ok((iface, Err(e))) = done {
            eprintln!("async_candump: {iface}: {e}");
        }
    }
    Ok(())
}
