//! `sock cat` (crates/sock-cli) over VSOCK against socat: our `vsock-listen:` and socat's
//! `VSOCK-CONNECT`, bytes exact both ways. Needs the vsock loopback transport (the test VM);
//! skips on the host.
#![cfg(all(feature = "cli", feature = "vsock"))]

#[path = "vsock_support/mod.rs"]
mod support;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use sock_core::Type;

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn vsock_listener_relays_both_ways_exactly_with_socat_client() {
    if !support::have_loopback(Type::STREAM) || !sock_tests::require("socat", sock_tests::have_program("socat")) {
        return;
    }
    let ours: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let theirs: Vec<u8> = (0..150_001u32).map(|i| (i % 241) as u8).collect();
    let (ready_tx, ready) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    let (io, out) = sock_cli::Io::captured(std::io::Cursor::new(ours.clone()));
    let mut io = io.with_ready(ready_tx);
    std::thread::spawn(move || {
        let _ = done_tx.send(sock_cli::run(["sock", "cat", "vsock-listen:0xffffffff", "-"], &mut io));
    });
    let msg = ready.recv_timeout(WAIT).expect("listening");
    let port_text = msg.rsplit(':').next().unwrap();
    let port = match port_text.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
        None => port_text.parse().unwrap(),
    };
    let mut child = Command::new("timeout")
        .args(["30", "socat", "-t", "10", "-"])
        .arg(format!("VSOCK-CONNECT:{}:{port}", support::peer_cid()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run socat");
    let mut stdin = child.stdin.take().unwrap();
    let data = theirs.clone();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let mut got = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut got).unwrap();
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(status.success(), "socat failed");
    assert_eq!(done.recv_timeout(WAIT).expect("sock finished"), 0, "{}", out.stderr.text());
    assert!(got == ours, "socat received {} bytes of {}", got.len(), ours.len());
    assert!(out.stdout.bytes() == theirs, "we printed {} bytes of {}", out.stdout.bytes().len(), theirs.len());
}
