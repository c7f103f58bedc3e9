//! `sock can gen` and `sock can check` (crates/sock-cli) against can-utils: cangen's numbered
//! frames checked by ours, our numbered frames counted by candump and checked by ours, and a
//! deliberately reordered and duplicated sequence reported as such. Needs vcan0 (the test VM);
//! skips on the host.
//!
//! Ids used here: 0x600..0x60F (0x60F: candump's sync frames), 0x605: `-x`.
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use std::io::{self, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli::WAIT;
use sock_can::{CanFilter, CanId, CanSocket, ClassicFrame, Frame};
use support::{have_iface, have_program, IF};

/// `sock ARGS...` with nothing on standard input.
fn start(args: &[&str]) -> cli::Running {
    cli::start(args, io::empty())
}

const CLEAN: &str = "0 lost, 0 duplicated, 0 reordered, 0 unsequenced";

#[test]
fn cangen_numbers_checked_by_ours() {
    if !have_iface(IF) || !have_program("cangen") {
        return;
    }
    let check = start(&["can", "check", "vcan0,601:7FF", "--expect", "100", "-T", "10000"]);
    check.ready("bound");
    // cangen -D i writes a little-endian counter from 0 in the 8 data bytes.
    let out = Command::new("cangen").args([IF, "-g", "1", "-n", "100", "-I", "601", "-L", "8", "-D", "i"]).output();
    let out = out.expect("run cangen");
    assert!(out.status.success(), "cangen: {}", String::from_utf8_lossy(&out.stderr));
    let (code, out) = check.finish();
    assert_eq!(code, 0, "{} {}", out.stdout.text(), out.stderr.text());
    assert_eq!(out.stdout.text(), format!("100 frames received (numbers 0..=99): {CLEAN}\n"));
}

#[test]
fn our_numbers_checked_by_ours() {
    if !have_iface(IF) {
        return;
    }
    let check = start(&["can", "gen", "--check", "vcan0,602:7FF", "--expect", "100", "-T", "10000", "--json"]);
    check.ready("bound");
    let (code, gen) = start(&["can", "gen", IF, "-g", "1", "-n", "100", "-I", "602", "--seq", "--seed", "1"]).finish();
    assert_eq!(code, 0, "{}", gen.stderr.text());
    let (code, out) = check.finish();
    assert_eq!(code, 0, "{} {}", out.stdout.text(), out.stderr.text());
    assert_eq!(
        out.stdout.text(),
        "{\"received\":100,\"first\":0,\"last\":99,\"unique\":100,\"lost\":0,\"duplicated\":0,\"reordered\":0,\"unsequenced\":0}\n"
    );
}

#[test]
fn our_frames_counted_by_candump() {
    if !have_iface(IF) || !have_program("candump") {
        return;
    }
    let tx = CanSocket::bound((IF,)).unwrap();
    let sync = ClassicFrame::new(CanId::new(0x60f).unwrap(), &[0x5a]).unwrap();
    let mut child = Command::new("timeout")
        .args(["60", "candump", "-L", "-T", "3000", "vcan0,603:7FF,60F:7FF"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run candump");
    let mut stdout = child.stdout.take().expect("candump's stdout");
    // candump is set up once it prints one of our sync frames.
    let deadline = Instant::now() + WAIT;
    while !(tx.write_classic(&sync).is_ok() && sock_tests::wait_readable(&stdout, Duration::from_millis(300))) {
        assert!(Instant::now() < deadline, "candump printed nothing");
    }
    let (code, gen) = start(&["can", "gen", IF, "-g", "1", "-n", "100", "-I", "603", "-L", "8", "--seq"]).finish();
    assert_eq!(code, 0, "{}", gen.stderr.text());
    let mut text = String::new();
    stdout.read_to_string(&mut text).unwrap();
    let _ = child.wait();
    let ours: Vec<&str> = text.lines().filter(|l| l.contains(" 603#")).collect();
    assert_eq!(ours.len(), 100, "{text}");
    // The counter in the first 4 bytes, little-endian, in order.
    for (i, line) in ours.iter().enumerate() {
        let data = line.rsplit('#').next().unwrap();
        assert_eq!(&data[..8], format!("{:02X}{:02X}{:02X}{:02X}", i & 0xff, i >> 8, 0, 0), "{line}");
    }
}

/// `-x` turns local loopback off: a socket on this host sees none of the generated frames.
/// A sentinel frame written afterwards with loopback on must be the first one it reads.
#[test]
fn no_loopback_frames_stay_off_this_host() {
    if !have_iface(IF) {
        return;
    }
    let id = CanId::new(0x605).unwrap();
    let rx = CanSocket::bound((IF,)).unwrap();
    rx.set_filters(&[CanFilter::exact(id)]).unwrap();
    rx.as_ref().set_timeout(Some(WAIT)).unwrap();
    let (code, gen) =
        start(&["can", "gen", IF, "-x", "-g", "0", "-n", "5", "-I", "605", "-L", "1", "-D", "i"]).finish();
    assert_eq!(code, 0, "{}", gen.stderr.text());
    let tx = CanSocket::bound((IF,)).unwrap();
    tx.write_classic(&ClassicFrame::new(id, &[0xff]).unwrap()).unwrap();
    match rx.read_frame().unwrap() {
        Frame::Classic(f) => assert_eq!(f.data(), [0xff], "a generated frame looped back"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reordered_and_duplicated_frames_are_reported() {
    if !have_iface(IF) {
        return;
    }
    let check = start(&["can", "check", "vcan0,604:7FF", "--expect", "8", "-T", "2000"]);
    check.ready("bound");
    let tx = CanSocket::bound((IF,)).unwrap();
    // 5 is lost, 3 and 2 swapped, 4 twice.
    for seq in [0u32, 1, 3, 2, 4, 4, 6, 7] {
        let mut data = [0u8; 8];
        data[..4].copy_from_slice(&seq.to_le_bytes());
        tx.write_classic(&ClassicFrame::new(CanId::new(0x604).unwrap(), &data).unwrap()).unwrap();
    }
    let (code, out) = check.finish();
    assert_eq!(code, 1);
    assert_eq!(
        out.stdout.text(),
        "8 frames received (numbers 0..=7): 1 lost, 1 duplicated, 1 reordered, 0 unsequenced\n"
    );
    assert!(out.stderr.text().starts_with("sock: can check vcan0,604:7FF: "), "{}", out.stderr.text());
}

#[test]
fn gen_errors_name_the_option() {
    let (code, out) = start(&["can", "gen", "vcan0", "-L", "2", "--seq"]).finish();
    assert_eq!(code, 1);
    assert_eq!(out.stderr.text(), "sock: -L: --seq needs at least 4 bytes\n");
}
