//! `sock cat sctp:` and `sctp-listen:` (crates/sock-cli) against socat's SCTP-CONNECT and
//! SCTP-LISTEN: bytes exact each way, and errors that name the endpoint. SCTP has no
//! half-close (a SHUTDOWN ends the association for both directions), so each transfer is
//! one-way, as socat's own `-u` runs are. Needs the sctp module (the test VM); skips on the
//! host.
#![cfg(feature = "cli")]

#[path = "cli_support/mod.rs"]
mod support;

use std::io;

use sock::{Family, Socket, Type};
use support::*;

/// Whether this kernel has SCTP and socat is here (else the test is skipped, or fails under
/// `SOCK_REQUIRE_ALL`).
fn have_sctp_and_socat() -> bool {
    let probe = Socket::new(Family::INET, Type::STREAM, Some(libc::IPPROTO_SCTP.into()));
    sock_tests::require("SCTP sockets (modprobe sctp)", probe.map(drop)) && have_socat()
}

/// An SCTP port on 127.0.0.1 that nothing uses right now.
fn free_sctp_port() -> u16 {
    free_port(Type::STREAM, Some(libc::IPPROTO_SCTP))
}

#[test]
fn sctp_client_sends_exactly_to_a_socat_listener() {
    if !have_sctp_and_socat() {
        return;
    }
    let port = free_sctp_port();
    let mut server = socat(&["-d", "-d", "-u", &format!("SCTP-LISTEN:{port},bind=127.0.0.1,reuseaddr"), "STDOUT"]);
    let _stderr = wait_listening(&mut server);
    let data = payload(1 << 20, 11);
    let run = start(&["cat", "-", &format!("sctp:127.0.0.1:{port}")], io::Cursor::new(data.clone()));
    let out = server.wait_with_output().unwrap();
    assert!(out.status.success(), "socat failed");
    assert!(out.stdout == data, "socat received {} bytes, we sent {}", out.stdout.len(), data.len());
    let (code, ours) = run.finish();
    assert_eq!(code, 0, "stderr: {}", ours.stderr.text());
    assert!(ours.stdout.bytes().is_empty());
}

#[test]
fn sctp_listener_receives_exactly_from_a_socat_client() {
    if !have_sctp_and_socat() {
        return;
    }
    // Our stdin stays open until socat is done: our end of file would end the association.
    let (stdin_tx, stdin) = chan_reader();
    let run = start(&["cat", "sctp-listen:0,bind=127.0.0.1", "-"], stdin);
    let port = run.port();
    let data = payload((1 << 20) + 333, 12);
    let client = socat(&["-u", "STDIN", &format!("SCTP-CONNECT:127.0.0.1:{port}")]);
    let (_, status, err) = converse(client, data.clone());
    assert!(status.success(), "socat: {err}");
    drop(stdin_tx);
    let (code, out) = run.finish();
    assert_eq!(code, 0, "stderr: {}", out.stderr.text());
    let printed = out.stdout.bytes();
    assert!(printed == data, "we printed {} bytes, socat sent {}", printed.len(), data.len());
}

#[test]
fn sctp_errors_name_the_endpoint() {
    // Runs on every host: without SCTP the error is the missing protocol, with it the refused
    // connection; either way the endpoint comes first.
    let port = if Socket::new(Family::INET, Type::STREAM, Some(libc::IPPROTO_SCTP.into())).is_ok() {
        free_sctp_port()
    } else {
        1
    };
    let what = format!("sctp:127.0.0.1:{port}");
    let (code, out) = start(&["cat", &what, "-"], io::empty()).finish();
    assert_eq!(code, 1);
    let err = out.stderr.text();
    assert!(err.starts_with(&format!("sock: {what}: ")), "{err}");
    let (code, out) = start(&["cat", "sctp:127.0.0.1:x", "-"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().starts_with("sock: sctp:127.0.0.1:x: "), "{}", out.stderr.text());
}
