//! `sock cat sctp:` and `sctp-listen:` (crates/sock-cli) against socat's SCTP-CONNECT and
//! SCTP-LISTEN: bytes exact each way, and errors that name the endpoint. SCTP has no
//! half-close (a SHUTDOWN ends the association for both directions), so each transfer is
//! one-way, as socat's own `-u` runs are. Needs the sctp module (the test VM); skips on the
//! host.
#![cfg(feature = "cli")]

use std::io::{self, Read, Write};
use std::net::Ipv4Addr;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use sock::{Family, Socket, Type};
use sock_cli::{Captured, Io};

const WAIT: Duration = Duration::from_secs(30);

/// The command running in a thread of this process.
struct Running {
    out: Captured,
    ready: Receiver<String>,
    done: Receiver<u8>,
}

fn start(args: &[&str], stdin: impl Read + Send + 'static) -> Running {
    let args: Vec<String> = std::iter::once("sock").chain(args.iter().copied()).map(String::from).collect();
    let (ready_tx, ready) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    let (io, out) = Io::captured(stdin);
    let mut io = io.with_ready(ready_tx);
    thread::spawn(move || {
        let code = sock_cli::run(args, &mut io);
        let _ = done_tx.send(code);
    });
    Running { out, ready, done }
}

impl Running {
    /// The first readiness message that starts with `prefix` (e.g. `listening`).
    fn ready(&self, prefix: &str) -> String {
        loop {
            let msg = self
                .ready
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("sock never reported {prefix:?}; stderr: {}", self.out.stderr.text()));
            if msg.starts_with(prefix) {
                return msg;
            }
        }
    }

    /// The port of the `listening <addr>` message.
    fn port(&self) -> u16 {
        let msg = self.ready("listening");
        msg.rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("no port in {msg:?}"))
    }

    /// Waits for the exit code.
    fn finish(self) -> (u8, Captured) {
        let code = self.done.recv_timeout(WAIT).unwrap_or_else(|_| {
            panic!("sock did not finish; stdout {:?} stderr {:?}", self.out.stdout.text(), self.out.stderr.text())
        });
        (code, self.out)
    }
}

/// Bytes that are not all alike (to catch reordering or loss), `len` of them.
fn payload(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// socat with `args` under `timeout` (so a stuck relay fails the test instead of hanging it),
/// stdin and stdout piped, stderr piped for `-d -d` readiness lines.
fn socat(args: &[&str]) -> Child {
    Command::new("timeout")
        .arg("30")
        .arg("socat")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run socat")
}

/// Feeds `data` to the child's stdin and closes it; returns what the child printed and its
/// exit status.
fn converse(mut child: Child, data: Vec<u8>) -> (Vec<u8>, std::process::ExitStatus, String) {
    let mut stdin = child.stdin.take().unwrap();
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.stdout, out.status, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Waits until socat (`-d -d`) says it listens; returns its stderr for later.
fn wait_listening(child: &mut Child) -> std::process::ChildStderr {
    let mut stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("listening on") {
        match stderr.read(&mut byte) {
            Ok(1) => seen.push(byte[0]),
            _ => panic!("socat ended before listening: {}", String::from_utf8_lossy(&seen)),
        }
    }
    stderr
}

/// A reader fed through a channel: each message is one read; a closed channel is end of file.
fn chan_reader() -> (Sender<Vec<u8>>, ChanReader) {
    let (tx, rx) = mpsc::channel();
    (tx, ChanReader { rx, pending: Vec::new() })
}

struct ChanReader {
    rx: Receiver<Vec<u8>>,
    pending: Vec<u8>,
}

impl Read for ChanReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            match self.rx.recv() {
                Ok(data) => self.pending = data,
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// Whether this kernel has SCTP and socat is here (else the test is skipped, or fails under
/// `SOCK_REQUIRE_ALL`).
fn have_sctp_and_socat() -> bool {
    let probe = Socket::new(Family::INET, Type::STREAM, Some(libc::IPPROTO_SCTP.into()));
    sock_tests::require("SCTP sockets (modprobe sctp)", probe.map(drop))
        && sock_tests::require("socat", sock_tests::have_program("socat"))
}

/// An SCTP port on 127.0.0.1 that nothing uses right now (bound, then closed).
fn free_sctp_port() -> u16 {
    let s = Socket::new(Family::INET, Type::STREAM, Some(libc::IPPROTO_SCTP.into())).unwrap();
    s.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    s.local_addr().unwrap().as_socket().unwrap().port()
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
