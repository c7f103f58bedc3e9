//! `sock can isotp send|recv` and `sock cat isotp:` (crates/sock-cli) against isotpsend and
//! isotprecv, byte-exact both ways. Needs vcan0 and can-isotp (the test VM); skips on the host.
//!
//! Ids used here: 0x610..0x61F (0x618/0x619: flow control).
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use cli::{start, start_streaming, WAIT};
use sock_can::{CanFilter, CanId, CanSocket, Frame, IsoTpSocket};
use support::{have_iface, have_program, IF};

fn have_isotp() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_ISOTP sockets (modprobe can-isotp)", IsoTpSocket::new())
}

fn payload(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + 3) as u8).collect()
}

/// isotprecv's output of `data`: `XX XX ... ` and a newline.
fn isotprecv_text(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02X} ")).collect::<String>() + "\n"
}

fn isotpsend(src: &str, dst: &str, data: &[u8]) {
    let mut child = Command::new("isotpsend")
        .args(["-s", src, "-d", dst, IF])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isotpsend");
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    child.stdin.take().unwrap().write_all(hex.join(" ").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "isotpsend: {}", String::from_utf8_lossy(&out.stderr));
}

/// isotprecv, returned once it waits on its socket.
fn isotprecv(src: &str, dst: &str) -> Child {
    let child = Command::new("isotprecv")
        .args(["-s", src, "-d", dst, IF])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isotprecv");
    assert!(sock_tests::wait_for_io_wait(&child.id().to_string(), WAIT), "isotprecv never waited");
    child
}

fn isotprecv_output(child: Child) -> String {
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "isotprecv: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn isotpsend_to_our_recv() {
    if !have_isotp() || !have_program("isotpsend") {
        return;
    }
    let ours = start(&["can", "isotp", "recv", IF, "611", "610"], io::empty());
    ours.ready("bound isotp:vcan0:611:610");
    let data = payload(100);
    isotpsend("610", "611", &data);
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(out.stdout.text(), isotprecv_text(&data));
}

/// `-b` and `-m` set the flow control our receiver sends: isotpsend's 30 bytes take a first
/// frame and four consecutive frames, so with a block size of 2 our side sends two flow
/// controls (after the first frame and after the second block), each `30 02 0A`.
#[test]
fn our_flow_control_as_asked_for() {
    if !have_isotp() || !have_program("isotpsend") {
        return;
    }
    let bus = CanSocket::bound((IF,)).unwrap();
    bus.set_filters(&[CanFilter::exact(CanId::new(0x618).unwrap())]).unwrap();
    bus.as_ref().set_timeout(Some(WAIT)).unwrap();
    let ours = start(&["can", "isotp", "recv", IF, "618", "619", "-b", "2", "-m", "0A"], io::empty());
    ours.ready("bound isotp:vcan0:618:619");
    let data = payload(30);
    isotpsend("619", "618", &data);
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(out.stdout.text(), isotprecv_text(&data));
    for n in 0..2 {
        match bus.read_frame().unwrap() {
            Frame::Classic(f) => assert_eq!(&f.data()[..3], [0x30, 0x02, 0x0a], "flow control {n}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn our_send_to_isotprecv() {
    if !have_isotp() || !have_program("isotprecv") {
        return;
    }
    let child = isotprecv("613", "612");
    let data = payload(50);
    let hex: String = data.iter().map(|b| format!("{b:02x} ")).collect();
    // Our send waits for the transfer to finish: a receiver not yet set up is an error, retried.
    let deadline = Instant::now() + WAIT;
    loop {
        let (code, out) =
            start(&["can", "isotp", "send", IF, "-s", "612", "-d", "613"], io::Cursor::new(hex.clone())).finish();
        if code == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "isotprecv never answered: {}", out.stderr.text());
    }
    assert_eq!(isotprecv_output(child), isotprecv_text(&data));
}

#[test]
fn cat_relays_stdin_to_isotprecv() {
    if !have_isotp() || !have_program("isotprecv") {
        return;
    }
    let child = isotprecv("615", "614");
    let data = payload(200);
    let (code, out) = start(&["cat", "-u", "-", "isotp:vcan0:614:615"], io::Cursor::new(data.clone())).finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(isotprecv_output(child), isotprecv_text(&data));
}

#[test]
fn cat_relays_isotpsend_to_stdout() {
    if !have_isotp() || !have_program("isotpsend") {
        return;
    }
    // Standard input stays open (no end of file) until the message has arrived.
    let run = start_streaming(&["cat", "isotp:vcan0:617:616", "-"]);
    assert_eq!(run.ready(), "relaying");
    let data = payload(300);
    isotpsend("616", "617", &data);
    let mut got = Vec::new();
    while got.len() < data.len() {
        got.extend(run.stdout.recv_timeout(WAIT).expect("the message on stdout"));
    }
    assert_eq!(got, data);
    assert_eq!(run.finish(), 0);
}

#[test]
fn errors_name_the_endpoint() {
    let (code, out) = start(&["cat", "isotp:vcan9:7e0:7e8", "-"], io::empty()).finish();
    assert_eq!(code, 1);
    let err = out.stderr.text();
    assert!(err.starts_with("sock: isotp:vcan9:7e0:7e8: "), "{err}");
    if have_isotp() {
        assert_eq!(err, "sock: isotp:vcan9:7e0:7e8: bind vcan9: no such interface (ENODEV)\n");
    }
}
