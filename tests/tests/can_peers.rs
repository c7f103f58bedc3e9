//! Real peers from can-utils: `cansend` → our raw socket, ours → `candump`; `isotpsend` → our
//! ISO-TP socket, ours → `isotprecv`; `testj1939` on the other end of a J1939 exchange.
#![cfg(feature = "can")]

#[path = "can_support/mod.rs"]
mod support;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sock_can::consts::*;
use sock_can::{CanId, CanSocket, ClassicFrame, Frame, IsoTpOptions, IsoTpSocket, J1939Addr, J1939Socket};
use support::{have_iface, have_program, raw_for, IF, WAIT};

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cansend_to_our_socket() {
    if !have_iface(IF) || !have_program("cansend") {
        return;
    }
    let rx = raw_for(IF, &[0x5a1, 0x0105_a1a1]);
    run("cansend", &[IF, "5A1#11.2233"]);
    assert_eq!(rx.read_frame().unwrap().to_string(), "5A1#112233");
    run("cansend", &[IF, "0105A1A1#R"]);
    let Frame::Classic(f) = rx.read_frame().unwrap() else { panic!("classic") };
    assert!(f.is_remote() && f.id() == CanId::Extended(0x0105_a1a1));
    rx.set_fd_frames(true).unwrap();
    run("cansend", &[IF, "5A1##1AABBCCDDEEFF00112233"]);
    let Frame::Fd(f) = rx.read_frame().unwrap() else { panic!("fd") };
    assert!(f.brs() && f.data().len() == 12);
}

#[test]
fn our_frames_printed_by_candump() {
    if !have_iface(IF) || !have_program("candump") {
        return;
    }
    let child = Command::new("candump")
        .args(["-L", "-n", "1", "-T", "10000", &format!("{IF},5A2:7FF")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let tx = CanSocket::bound((IF,)).unwrap();
    let frame = ClassicFrame::new(CanId::new(0x5a2).unwrap(), &[0xde, 0xad, 0xbe, 0xef]).unwrap();
    // Send once candump waits on its socket; if it missed that frame (it waits in a syscall
    // before its socket is set up, too), send again until it prints the frame.
    let mut child = child;
    let mut stdout = child.stdout.take().unwrap();
    sock_tests::wait_for_io_wait(&child.id().to_string(), WAIT);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        tx.write_classic(&frame).unwrap();
        if sock_tests::wait_readable(&stdout, Duration::from_millis(500)) {
            break;
        }
        assert!(Instant::now() < deadline, "candump printed nothing");
    }
    let mut text = String::new();
    stdout.read_to_string(&mut text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "candump: {}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("vcan0 5A2#DEADBEEF"), "candump printed {text:?}");
}

#[test]
fn isotpsend_to_our_socket() {
    if !have_iface(IF) || !have_program("isotpsend") {
        return;
    }
    let rx = IsoTpSocket::bound((IF, 0x5b1u32, 0x5b2u32)).unwrap();
    rx.as_ref().set_timeout(Some(WAIT)).unwrap();
    let payload: Vec<u8> = (0..100u8).collect();
    let hex: Vec<String> = payload.iter().map(|b| format!("{b:02x}")).collect();
    let mut child =
        Command::new("isotpsend").args(["-s", "5B1", "-d", "5B2", IF]).stdin(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(hex.join(" ").as_bytes()).unwrap();
    assert_eq!(rx.recv_vec().unwrap(), payload);
    assert!(child.wait().unwrap().success());
}

#[test]
fn our_socket_to_isotprecv() {
    if !have_iface(IF) || !have_program("isotprecv") {
        return;
    }
    let child = Command::new("isotprecv")
        .args(["-s", "5C1", "-d", "5C2", IF])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let tx = IsoTpSocket::new().unwrap();
    // Wait for the transfer to finish, so a missing receiver (no flow control yet) is an error.
    tx.set_opts(&IsoTpOptions { flags: CAN_ISOTP_WAIT_TX_DONE, ..Default::default() }).unwrap();
    tx.bind((IF, 0x5c1u32, 0x5c2u32)).unwrap();
    tx.as_ref().set_timeout(Some(WAIT)).unwrap();
    let payload: Vec<u8> = (0..50u8).map(|b| b ^ 0x5a).collect();
    // Send once isotprecv waits on its socket. A send that finds no receiver yet fails after
    // the kernel's flow-control timeout (that wait paces the retries).
    sock_tests::wait_for_io_wait(&child.id().to_string(), WAIT);
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Err(e) = tx.send(&payload) {
        assert!(Instant::now() < deadline, "isotprecv never answered: {e}");
    }
    let out = child.wait_with_output().unwrap();
    let want: Vec<String> = payload.iter().map(|b| format!("{b:02X}")).collect();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.trim(), want.join(" "), "isotprecv printed {text:?}");
}

#[test]
fn testj1939_to_our_socket() {
    if !have_iface(IF) || !have_program("testj1939") {
        return;
    }
    if !sock_tests::require("AF_CAN CAN_J1939 sockets", J1939Socket::new()) {
        return;
    }
    let rx = J1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, 0xa0u8)).unwrap();
    rx.as_ref().set_timeout(Some(WAIT)).unwrap();
    run("testj1939", &["-s8", &format!("{IF}:0xa1"), ":0xa0,0x12500"]);
    let mut buf = [0u8; 64];
    let got = rx.recv(&mut buf).unwrap();
    assert_eq!((got.len, got.source.addr, got.source.pgn, got.dest_addr), (8, 0xa1, 0x12500, Some(0xa0)));
}

#[test]
fn our_socket_to_testj1939() {
    if !have_iface(IF) || !have_program("testj1939") {
        return;
    }
    if !sock_tests::require("AF_CAN CAN_J1939 sockets", J1939Socket::new()) {
        return;
    }
    let child = Command::new("testj1939")
        .args(["-r", "-w3", &format!("{IF}:0xa2")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let tx = J1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, 0xa3u8)).unwrap();
    // Send once testj1939 waits on its bound socket.
    assert!(sock_tests::wait_for_io_wait(&child.id().to_string(), WAIT), "testj1939 never waited for data");
    tx.send_to(&[0xca, 0xfe, 0xba, 0xbe], J1939Addr::to(0x12600, 0xa2)).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
    assert!(text.contains("ca fe ba be") || text.contains("cafebabe"), "testj1939 printed {text:?}");
    assert!(text.contains("12600"), "testj1939 printed {text:?}");
}
