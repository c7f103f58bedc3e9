//! `sock can bcm` (crates/sock-cli): a cyclic send by the broadcast manager, seen by candump
//! (exactly COUNT frames with the right id and data) and stopped by the end of standard
//! input. Needs vcan0 and can-bcm (the test VM); skips on the host.
//!
//! Ids used here: 0x620..0x62F (0x62F: candump's sync frames).
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli::WAIT;
use sock_can::{BcmSocket, CanId, CanSocket, ClassicFrame};
use support::{have_iface, have_program, raw_for, IF};

fn have_bcm() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_BCM sockets (modprobe can-bcm)", BcmSocket::new())
}

#[test]
fn count_frames_seen_by_candump() {
    if !have_bcm() || !have_program("candump") {
        return;
    }
    let tx = CanSocket::bound((IF,)).unwrap();
    let sync = ClassicFrame::new(CanId::new(0x62f).unwrap(), &[0x5a]).unwrap();
    let mut child = Command::new("timeout")
        .args(["60", "candump", "-L", "-T", "3000", "vcan0,620:7FF,62F:7FF"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run candump");
    let mut stdout = child.stdout.take().expect("candump's stdout");
    let deadline = Instant::now() + WAIT;
    while !(tx.write_classic(&sync).is_ok() && sock_tests::wait_readable(&stdout, Duration::from_millis(300))) {
        assert!(Instant::now() < deadline, "candump printed nothing");
    }
    let (io, out) = sock_cli::Io::captured(io::empty());
    let mut io = io;
    let code = sock_cli::run(["sock", "can", "bcm", IF, "620#C0FFEE", "--interval", "5", "--count", "7"], &mut io);
    assert_eq!(code, 0, "{}", out.stderr.text());
    let mut text = String::new();
    stdout.read_to_string(&mut text).unwrap();
    let _ = child.wait();
    let ours: Vec<&str> = text.lines().filter(|l| !l.contains(" 62F#")).map(|l| l.split_once(' ').unwrap().1).collect();
    assert_eq!(ours, ["vcan0 620#C0FFEE"; 7], "{text}");
}

#[test]
fn end_of_stdin_stops_the_cyclic_send() {
    if !have_bcm() {
        return;
    }
    let rx = raw_for(IF, &[0x621]);
    let (stdin_tx, stdin) = cli::chan_reader();
    let run = cli::start(&["can", "bcm", IF, "621#0102", "--interval", "2"], stdin);
    assert_eq!(run.ready.recv_timeout(WAIT).unwrap(), "bound can:vcan0 bcm");
    for _ in 0..3 {
        assert_eq!(rx.read_frame().unwrap().to_string(), "621#0102");
    }
    drop(stdin_tx);
    let (code, out) = run.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    // TX_DELETE: the frames stop (drain what was queued, then nothing within 200 ms).
    rx.as_ref().set_timeout(Some(Duration::from_millis(200))).unwrap();
    let mut after = 0;
    while rx.read_frame().is_ok() {
        after += 1;
        assert!(after < 100, "the cyclic send did not stop");
    }
}

#[test]
fn bad_frames_name_the_argument() {
    let (mut io, out) = sock_cli::Io::captured(io::empty());
    assert_eq!(sock_cli::run(["sock", "can", "bcm", IF, "620#zz", "--interval", "5"], &mut io), 1);
    assert!(out.stderr.text().starts_with("sock: frame \"620#zz\": "), "{}", out.stderr.text());
}
