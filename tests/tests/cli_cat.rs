//! `sock cat` (crates/sock-cli) against socat on the other end: TCP, UDP and UNIX, bytes exact
//! both ways, half-close, `fork`, and errors that name the endpoint. Runs on the host.
#![cfg(feature = "cli")]

#[path = "cli_support/mod.rs"]
mod support;

use std::io;
use std::net::Ipv4Addr;
use std::thread;

use sock::{Family, Socket, Type};
use support::*;

#[test]
fn tcp_listener_relays_both_ways_exactly_with_socat_client() {
    if !have_socat() {
        return;
    }
    let ours = payload(1 << 20, 1);
    let theirs = payload((1 << 20) + 77, 2);
    let run = start(&["cat", "tcp-listen:0,bind=127.0.0.1", "-"], io::Cursor::new(ours.clone()));
    let port = run.port();
    let child = socat(&["-t", "10", "-", &format!("TCP:127.0.0.1:{port}")]);
    let (got, status, err) = converse(child, theirs.clone());
    assert!(status.success(), "socat: {err}");
    let (code, out) = run.finish();
    assert_eq!(code, 0, "stderr: {}", out.stderr.text());
    assert!(got == ours, "socat received {} bytes, we sent {}", got.len(), ours.len());
    let printed = out.stdout.bytes();
    assert!(printed == theirs, "we printed {} bytes, socat sent {}", printed.len(), theirs.len());
}

#[test]
fn tcp_client_half_closes_and_still_reads_the_answer() {
    if !have_socat() {
        return;
    }
    let port = free_port(Type::STREAM, None);
    // The server reads until our end of file, then answers: only a half-close lets the answer
    // through.
    let mut server = socat(&[
        "-d",
        "-d",
        "-t",
        "10",
        &format!("TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr"),
        "SYSTEM:wc -c; printf after-eof",
    ]);
    let _stderr = wait_listening(&mut server);
    let run = start(&["cat", "-", &format!("tcp:127.0.0.1:{port}")], io::Cursor::new(payload(100_000, 3)));
    let (code, out) = run.finish();
    assert_eq!(code, 0, "stderr: {}", out.stderr.text());
    let text = out.stdout.text();
    assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["100000", "after-eof"], "printed {text:?}");
    assert!(server.wait().unwrap().success());
}

#[test]
fn udp_datagrams_to_socat_echo_and_back() {
    if !have_socat() {
        return;
    }
    let port = free_port(Type::DGRAM, None);
    let mut server = socat(&["-d", "-d", &format!("UDP-LISTEN:{port},bind=127.0.0.1,reuseaddr"), "SYSTEM:cat"]);
    let _stderr = wait_listening(&mut server);
    // Standard input that we control: one datagram, then end of file once the echo is back.
    let run = start_streaming(&["cat", "-", &format!("udp:127.0.0.1:{port}")]);
    run.stdin.send(b"one datagram".to_vec()).unwrap();
    let echo = run.stdout.recv_timeout(WAIT).expect("the echo came back");
    assert_eq!(echo, b"one datagram");
    assert_eq!(run.finish(), 0);
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn unix_listener_relays_both_ways_exactly_with_socat_client() {
    if !have_socat() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("sock-cli-cat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.sock");
    let ours = payload(300_000, 4);
    let theirs = payload(200_001, 5);
    let spec = format!("unix-listen:{}", path.display());
    let run = start(&["cat", &spec, "-"], io::Cursor::new(ours.clone()));
    run.ready("listening");
    let child = socat(&["-t", "10", "-", &format!("UNIX-CONNECT:{}", path.display())]);
    let (got, status, err) = converse(child, theirs.clone());
    assert!(status.success(), "socat: {err}");
    let (code, out) = run.finish();
    assert_eq!(code, 0, "stderr: {}", out.stderr.text());
    assert!(got == ours && out.stdout.bytes() == theirs, "bytes differ");
    assert!(!path.exists(), "the listener's socket file is removed at the end");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn abstract_client_to_socat_listener() {
    if !have_socat() {
        return;
    }
    let name = format!("sock-cli-test-{}", std::process::id());
    let mut server = socat(&["-d", "-d", "-t", "10", &format!("ABSTRACT-LISTEN:{name}"), "SYSTEM:tr a-z A-Z"]);
    let _stderr = wait_listening(&mut server);
    let run = start(&["cat", "-", &format!("abstract:{name}")], io::Cursor::new(b"shout this".to_vec()));
    let (code, out) = run.finish();
    assert_eq!(code, 0, "stderr: {}", out.stderr.text());
    assert_eq!(out.stdout.text(), "SHOUT THIS");
    assert!(server.wait().unwrap().success());
}

#[test]
fn fork_serves_one_connection_after_another() {
    // An echo server of our own as the other side of `fork`.
    let echo = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    echo.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    echo.listen(None).unwrap();
    let echo_port = echo.local_addr().unwrap().as_socket().unwrap().port();
    thread::spawn(move || {
        while let Ok((conn, _)) = echo.accept() {
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = conn.recv(&mut buf) {
                    if n == 0 || conn.send_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
        }
    });
    // The relay never ends by itself (fork): its thread is left running when the test ends.
    let run = start(&["cat", "tcp-listen:0,bind=127.0.0.1,fork", &format!("tcp:127.0.0.1:{echo_port}")], io::empty());
    let port = run.port();
    for i in 0..3 {
        let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        c.set_timeout(Some(WAIT)).unwrap();
        c.connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let msg = format!("connection {i}");
        c.send_all(msg.as_bytes()).unwrap();
        c.shutdown(sock::Shutdown::Write).unwrap();
        let mut back = Vec::new();
        let mut buf = [0u8; 64];
        loop {
            match c.recv(&mut buf).unwrap() {
                0 => break,
                n => back.extend_from_slice(&buf[..n]),
            }
        }
        assert_eq!(back, msg.as_bytes());
    }
}

#[test]
fn connection_refused_names_the_endpoint() {
    // A bound socket that does not listen: connecting to its port is refused.
    let holder = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    holder.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = holder.local_addr().unwrap().as_socket().unwrap().port();
    let endpoint = format!("tcp:127.0.0.1:{port}");
    let (code, out) = start(&["cat", "-", &endpoint], io::empty()).finish();
    assert_eq!(code, 1);
    assert_eq!(
        out.stderr.text(),
        format!("sock: {endpoint}: connect 127.0.0.1:{port}: Connection refused (ECONNREFUSED)\n")
    );
    assert_eq!(out.stdout.text(), "");
}

#[test]
fn bad_endpoints_and_usage_errors() {
    let (code, out) = start(&["cat", "-", "tcp:127.0.0.1:99999"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().starts_with("sock: tcp:127.0.0.1:99999: "), "{}", out.stderr.text());
    let (code, out) = start(&["cat", "-", "bogus:1"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().contains("unknown endpoint type \"bogus\""), "{}", out.stderr.text());
    let (code, out) = start(&["cat", "-", "-"], io::empty()).finish();
    assert_eq!(code, 1, "{}", out.stderr.text());
    let (code, out) = start(&["cat", "-"], io::empty()).finish();
    assert_eq!(code, 2, "a missing argument is a usage error");
    assert!(out.stderr.text().contains("Usage: sock cat"), "{}", out.stderr.text());
    let (code, out) = start(&["cat", "--help"], io::empty()).finish();
    assert_eq!(code, 0);
    assert!(out.stdout.text().contains("tcp-listen:PORT"));
}

#[test]
fn packet_capture_prints_hex_lines() {
    if !sock_tests::require_root("AF_PACKET capture (root)") {
        return;
    }
    let run = start_streaming(&["cat", "packet:lo", "-"]);
    assert_eq!(run.ready(), "relaying");
    let marker = format!("sock-cli packet test {}", std::process::id());
    let hex: String = marker.bytes().map(|b| format!("{b:02x}")).collect();
    let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    s.send_to(marker.as_bytes(), (Ipv4Addr::LOCALHOST, 9)).unwrap();
    loop {
        let line = run.stdout.recv_timeout(WAIT).expect("a line with our datagram");
        let line = String::from_utf8(line).unwrap();
        assert!(line.ends_with('\n') && line.trim_end().bytes().all(|b| b.is_ascii_hexdigit()), "{line:?}");
        if line.trim_end().ends_with(&hex) {
            break;
        }
    }
    assert_eq!(run.finish(), 0);
}
