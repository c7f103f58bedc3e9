//! `sock can send`, `sock can dump` and `sock cat can:` (crates/sock-cli) against can-utils:
//! our dump prints what candump prints for the same frames (default and `-L` formats: classic,
//! extended, remote and FD frames), candump's filter syntax, and our send puts on the bus what
//! cansend puts there for the same text. Needs vcan0 (the test VM); skips on the host.
//!
//! Ids used here: 0x4BF (sync), 0x4C0..0x4CF (dump), 0x4D0..0x4DF (filters), 0x4E0..0x4EF
//! (send and cat).
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

#[path = "cli_support/mod.rs"]
mod cli;

use std::io::{self, Read};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use cli::{start, start_streaming, WAIT};
use sock_can::{CanId, CanSocket, ClassicFrame};
use support::{have_fd, have_iface, have_program, IF};

fn cansend(frame: &str) {
    let out = Command::new("cansend").args([IF, frame]).output().expect("run cansend");
    assert!(out.status.success(), "cansend {frame}: {}", String::from_utf8_lossy(&out.stderr));
}

/// candump with `args`, under `timeout`; returned once it prints, i.e. once its socket is set
/// up: we send sync frames (id 0x4BF, which `args` must let through) until it prints one.
fn candump(args: &[&str]) -> (Child, ChildStdout) {
    let tx = CanSocket::bound((IF,)).unwrap();
    let sync = ClassicFrame::new(CanId::new(0x4bf).unwrap(), &[0x5a]).unwrap();
    let mut child = Command::new("timeout")
        .arg("60")
        .arg("candump")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run candump");
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("no stdout of candump");
    };
    let deadline = Instant::now() + WAIT;
    loop {
        let sent = tx.write_classic(&sync);
        if sent.is_ok() && sock_tests::wait_readable(&stdout, Duration::from_millis(300)) {
            return (child, stdout);
        }
        if sent.is_err() || Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("candump printed nothing (sync frame: {sent:?})");
        }
    }
}

/// candump's remaining output (it ends by `-T`), without the sync frames.
fn candump_lines(child: Child, mut stdout: ChildStdout) -> Vec<String> {
    let mut text = String::new();
    stdout.read_to_string(&mut text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "candump: {}", String::from_utf8_lossy(&out.stderr));
    text.lines().filter(|l| !l.contains("4BF")).map(String::from).collect()
}

/// The frames of the comparison (FD only where vcan0 takes it).
fn dump_frames() -> Vec<&'static str> {
    let mut v = vec!["4C1#DEADBEEF", "1F2344C2#0011223344556677", "4C3#R", "1F2344C4#R", "4C6#"];
    if have_fd(IF) {
        v.extend(["4C5##1AABBCCDDEEFF0011", "1F2344C7##0112233"]);
    }
    v
}

/// Our dump and candump with the same arguments see the same frames from cansend and print
/// the same lines; `strip` removes what may differ (the timestamp of `-L`).
fn compare_with_candump(extra: &[&str], strip: fn(&str) -> String) {
    // The comparisons send the same frames and candump sees every frame on the bus: one at a
    // time, or each would count the other's (seen in the VM: 14 lines for 7 frames).
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let frames = dump_frames();
    let count = frames.len().to_string();
    let mut ours_args = vec!["can", "dump", "vcan0,4C0:7F0", "-n", &count];
    ours_args.extend(extra);
    let ours = start(&ours_args, io::empty());
    ours.ready_one_of(&["bound", "relaying"]);
    let mut their_args = vec!["-T", "3000"];
    their_args.extend(extra);
    their_args.push("vcan0,4C0:7F0,4BF:7FF");
    let (child, stdout) = candump(&their_args);
    for f in &frames {
        cansend(f);
    }
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    let ours: Vec<String> = out.stdout.text().lines().map(strip).collect();
    let theirs: Vec<String> = candump_lines(child, stdout).iter().map(|l| strip(l)).collect();
    assert_eq!(ours, theirs);
    assert_eq!(ours.len(), frames.len());
}

#[test]
fn dump_prints_what_candump_prints() {
    if !have_iface(IF) || !have_program("candump") || !have_program("cansend") {
        return;
    }
    compare_with_candump(&[], |l| l.to_string());
}

#[test]
fn dump_log_format_matches_candump_l() {
    if !have_iface(IF) || !have_program("candump") || !have_program("cansend") {
        return;
    }
    // `(1700000000.123456) vcan0 4C1#DEADBEEF`: the timestamp's shape is checked, its value
    // (each socket's receive time) is not compared.
    compare_with_candump(&["-L"], |l| {
        let (ts, rest) = l.split_once(' ').unwrap_or(("", l));
        let digits = ts.trim_start_matches('(').trim_end_matches(')');
        let ok = ts.starts_with('(')
            && ts.ends_with(')')
            && digits.len() == 17
            && digits.as_bytes()[10] == b'.'
            && digits.bytes().enumerate().all(|(i, b)| i == 10 || b.is_ascii_digit());
        assert!(ok, "bad timestamp in {l:?}");
        rest.to_string()
    });
}

#[test]
fn dump_filters_use_candump_syntax() {
    if !have_iface(IF) || !have_program("cansend") {
        return;
    }
    // 0x4D0..0x4DF except 0x4D5 (joined filters); 0x5D1 matches neither.
    let ours = start(&["can", "dump", "vcan0,4D0:7F0,4D5~7FF,j", "-n", "2"], io::empty());
    ours.ready_one_of(&["bound", "relaying"]);
    for f in ["5D1#04", "4D5#02", "4D1#01", "4D7#0304"] {
        cansend(f);
    }
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(out.stdout.text(), "  vcan0  4D1   [1]  01\n  vcan0  4D7   [2]  03 04\n");
}

#[test]
fn send_puts_on_the_bus_what_cansend_puts() {
    if !have_iface(IF) || !have_program("candump") || !have_program("cansend") {
        return;
    }
    let mut frames = vec!["4E1#11.22", "1F3344E2#R", "4E4#", "1F3344E5#0102030405060708"];
    if have_fd(IF) {
        frames.extend(["4E3##1AABBCCDDEEFF00112233", "4E6##0"]);
    }
    let (child, stdout) = candump(&["-L", "-T", "3000", "vcan0,4E0:7F8,4BF:7FF"]);
    let args: Vec<&str> = ["can", "send", IF].into_iter().chain(frames.iter().copied()).collect();
    let (code, out) = start(&args, io::empty()).finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    for f in &frames {
        cansend(f);
    }
    let lines: Vec<String> =
        candump_lines(child, stdout).iter().map(|l| l.split_once(' ').unwrap().1.to_string()).collect();
    assert_eq!(lines.len(), 2 * frames.len(), "{lines:?}");
    assert_eq!(lines[..frames.len()], lines[frames.len()..], "ours first, then cansend's");
    assert_eq!(lines[0], "vcan0 4E1#1122");
}

#[test]
fn send_rejects_bad_frames_before_sending() {
    let (code, out) = start(&["can", "send", "vcan0", "4E1#11", "4E1#1"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().starts_with("sock: frame \"4E1#1\": "), "{}", out.stderr.text());
}

#[test]
fn cat_relays_lines_to_the_bus_and_frames_to_lines() {
    if !have_iface(IF) || !have_program("candump") || !have_program("cansend") {
        return;
    }
    // stdin lines -> frames on the bus, as candump sees them.
    let (child, stdout) = candump(&["-L", "-T", "3000", "vcan0,4E8:7FC,4BF:7FF"]);
    let input = b"4E9#C0FFEE\n(1700000000.000000) vcan0 4EA#0102\n  vcan0  4E8   [1]  7F".to_vec();
    let (code, out) = start(&["cat", "-u", "-", "can:vcan0"], io::Cursor::new(input)).finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    let lines: Vec<String> =
        candump_lines(child, stdout).iter().map(|l| l.split_once(' ').unwrap().1.to_string()).collect();
    assert_eq!(lines, ["vcan0 4E9#C0FFEE", "vcan0 4EA#0102", "vcan0 4E8#7F"]);

    // frames on the bus -> lines on stdout.
    let run = start_streaming(&["cat", "can:vcan0", "-"]);
    assert_eq!(run.ready(), "relaying");
    cansend("4EB#ABCD");
    let deadline = Instant::now() + WAIT;
    loop {
        let chunk = run.stdout.recv_timeout(WAIT).expect("a line for 4EB");
        // Other tests share the bus: look for ours.
        if String::from_utf8_lossy(&chunk).contains("vcan0  4EB   [2]  AB CD\n") {
            break;
        }
        assert!(Instant::now() < deadline, "no line for 4EB");
    }
    assert_eq!(run.finish(), 0);
}
