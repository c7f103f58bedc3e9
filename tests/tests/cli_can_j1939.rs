//! `sock can j1939 send|recv` (crates/sock-cli) against testj1939 (can-utils 2020.11): its
//! `-s` packet printed by our recv as testj1939 -r prints it, and our send printed by
//! testj1939 -r. Needs vcan0 and can-j1939 (the test VM); skips on the host.
//!
//! J1939 addresses used here: 0xb0..0xb3; PGNs 0x12800 and 0x12900.
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use std::io;
use std::process::{Command, Stdio};

use cli::{start, WAIT};
use sock_can::J1939Socket;
use support::{have_iface, have_program, IF};

fn have_j1939() -> bool {
    have_iface(IF)
        && have_program("testj1939")
        && sock_tests::require("AF_CAN CAN_J1939 sockets (modprobe can-j1939)", J1939Socket::new())
}

#[test]
fn testj1939_to_our_recv() {
    if !have_j1939() {
        return;
    }
    let ours = start(&["can", "j1939", "recv", "vcan0::0x12800:0xb0", "-n", "1"], io::empty());
    let msg = ours.ready.recv_timeout(WAIT).expect("recv bound");
    assert_eq!(msg, "bound j1939:vcan0::0x12800:0xb0");
    let out = Command::new("testj1939").args(["-s8", "vcan0:0xb1", "vcan0:0xb0,0x12800"]).output().unwrap();
    assert!(out.status.success(), "testj1939: {}", String::from_utf8_lossy(&out.stderr));
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    // testj1939's dummy data: ((2j) << 4) + ((2j + 1) & 0xf).
    assert_eq!(out.stdout.text(), "b1 12800: 01 23 45 67 89 ab cd ef\n");
}

#[test]
fn our_send_to_testj1939() {
    if !have_j1939() {
        return;
    }
    let child = Command::new("testj1939")
        .args(["-r", "-w3", "vcan0:0xb2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    assert!(sock_tests::wait_for_io_wait(&child.id().to_string(), WAIT), "testj1939 never waited for data");
    let (code, out) =
        start(&["can", "j1939", "send", "vcan0:::0xb3", ":0x0:0x12900:0xb2"], io::Cursor::new("ca fe ba be\n"))
            .finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l == "b3 12900: ca fe ba be"), "testj1939 printed {text:?}");
}

#[test]
fn bad_addresses_name_the_argument() {
    let (code, out) = start(&["can", "j1939", "recv", "vcan0:0xb0"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().starts_with("sock: LOCAL: \"vcan0:0xb0\": "), "{}", out.stderr.text());
}
