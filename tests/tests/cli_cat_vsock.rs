//! `sock cat` (crates/sock-cli) over VSOCK against socat: our `vsock-listen:` and socat's
//! `VSOCK-CONNECT`, bytes exact both ways. Needs the vsock loopback transport (the test VM);
//! skips on the host.
#![cfg(all(feature = "cli", feature = "vsock"))]

#[path = "vsock_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use sock_core::Type;

#[test]
fn vsock_listener_relays_both_ways_exactly_with_socat_client() {
    if !support::have_loopback(Type::STREAM) || !cli::have_socat() {
        return;
    }
    let ours: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let theirs: Vec<u8> = (0..150_001u32).map(|i| (i % 241) as u8).collect();
    let run = cli::start(&["cat", "vsock-listen:0xffffffff", "-"], std::io::Cursor::new(ours.clone()));
    let msg = run.ready("listening");
    let port_text = msg.rsplit(':').next().unwrap();
    let port = match port_text.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
        None => port_text.parse().unwrap(),
    };
    let child = cli::socat(&["-t", "10", "-", &format!("VSOCK-CONNECT:{}:{port}", support::peer_cid())]);
    let (got, status, err) = cli::converse(child, theirs.clone());
    assert!(status.success(), "socat failed: {err}");
    let (code, out) = run.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert!(got == ours, "socat received {} bytes of {}", got.len(), ours.len());
    assert!(out.stdout.bytes() == theirs, "we printed {} bytes of {}", out.stdout.bytes().len(), theirs.len());
}
