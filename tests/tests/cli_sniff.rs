//! `sock sniff` (crates/sock-cli) on `lo` as root: a UDP datagram sent over 127.0.0.1 shows up
//! as one line with its addresses, ports and length — the same fields tcpdump prints for it.
#![cfg(feature = "cli")]

#[path = "cli_support/mod.rs"]
mod support;

use std::io;
use std::net::Ipv4Addr;
use std::process::{Command, Stdio};

use sock::{Family, Socket, Type};
use support::{start, wait_listening};

#[test]
fn sniff_sees_a_udp_datagram_on_lo() {
    if !sock_tests::require_root("AF_PACKET capture (root)") {
        return;
    }
    // A port for the filter: bound by a socket that stays open, so nobody else uses it.
    let sink = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sink.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = sink.local_addr().unwrap().as_socket().unwrap().port();
    let run = start(&["sniff", "lo", "--count", "1", "--port", &port.to_string()], io::empty());
    run.ready("bound sniff lo");
    let sender = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sender.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let from = sender.local_addr().unwrap().as_socket().unwrap().port();
    sender.send_to(b"hello", (Ipv4Addr::LOCALHOST, port)).unwrap();
    let (code, out) = run.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    let text = out.stdout.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    // Ethernet header 14 + IPv4 20 + UDP 8 + 5 bytes.
    let want = format!(
        " lo out IPv4 0x0800 len 47 00:00:00:00:00:00 > 00:00:00:00:00:00 127.0.0.1:{from} > 127.0.0.1:{port} UDP"
    );
    assert!(lines[0].ends_with(&want), "{:?} does not end with {want:?}", lines[0]);
    let mut buf = [0u8; 8];
    assert_eq!(sink.recv(&mut buf).unwrap(), 5);
}

/// The fields both tools print for one frame: source and destination MAC, ethertype, frame
/// length, source and destination `ip:port`, protocol.
fn fields_of_tcpdump(line: &str) -> Vec<String> {
    // `10:48:01.744102 00:00:00:00:00:00 > 00:00:00:00:00:00, ethertype IPv4 (0x0800), length 47:
    // 127.0.0.1.41333 > 127.0.0.1.5999: UDP, length 5`
    let w: Vec<&str> = line.split_whitespace().map(|w| w.trim_end_matches([',', ':'])).collect();
    let ip_port = |t: &str| t.rsplit_once('.').map(|(ip, port)| format!("{ip}:{port}")).unwrap_or_default();
    vec![
        w[1].into(),
        w[3].into(),
        w[6].trim_matches(['(', ')']).into(),
        w[8].into(),
        ip_port(w[9]),
        ip_port(w[11]),
        w[12].into(),
    ]
}

fn fields_of_sniff(line: &str) -> Vec<String> {
    // `<time> lo out IPv4 0x0800 len 47 00:00:00:00:00:00 > 00:00:00:00:00:00 127.0.0.1:40000 >
    // 127.0.0.1:5000 UDP`
    let w: Vec<&str> = line.split_whitespace().collect();
    let at = w.iter().position(|&t| t == "len").expect("a len field");
    let f = |i: usize| w[at + i].to_string();
    vec![f(2), f(4), w[at - 1].into(), f(1), f(5), f(7), f(8)]
}

#[test]
fn sniff_prints_what_tcpdump_prints() {
    if !sock_tests::require_root("AF_PACKET capture (root)")
        || !sock_tests::require("tcpdump", sock_tests::have_program("tcpdump"))
    {
        return;
    }
    let sink = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sink.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = sink.local_addr().unwrap().as_socket().unwrap().port();
    let filter = format!("udp port {port}");
    let mut tcpdump = Command::new("timeout")
        .args(["30", "tcpdump", "-i", "lo", "-nn", "-e", "-l", "-c", "1", &filter])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tcpdump");
    // tcpdump captures once it says so.
    let _stderr = wait_listening(&mut tcpdump);
    let run = start(&["sniff", "lo", "--count", "1", "--port", &port.to_string()], io::empty());
    run.ready("bound sniff lo");
    let sender = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sender.send_to(b"hello, tcpdump", (Ipv4Addr::LOCALHOST, port)).unwrap();
    let (code, out) = run.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    let theirs = tcpdump.wait_with_output().unwrap();
    assert!(theirs.status.success(), "tcpdump failed");
    let theirs = String::from_utf8_lossy(&theirs.stdout).into_owned();
    let ours = out.stdout.text();
    assert_eq!(fields_of_sniff(ours.trim()), fields_of_tcpdump(theirs.trim()), "ours {ours:?}, tcpdump {theirs:?}");
}

#[test]
fn sniff_on_a_missing_interface_names_it() {
    if !sock_tests::require_root("AF_PACKET capture (root)") {
        return;
    }
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    assert_eq!(sock_cli::run(["sock", "sniff", "nosuchif0", "--count", "1"], &mut io), 1);
    let err = out.stderr.text();
    assert!(err.starts_with("sock: sniff nosuchif0: ") && err.contains("nosuchif0"), "{err}");
}
