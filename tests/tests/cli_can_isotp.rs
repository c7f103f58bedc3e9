//! `sock can isotp send|recv` and `sock cat isotp:` (crates/sock-cli) against isotpsend and
//! isotprecv, byte-exact both ways. Needs vcan0 and can-isotp (the test VM); skips on the host.
//!
//! Ids used here: 0x610..0x61F (0x618/0x619: flow control).
#![cfg(all(feature = "cli", feature = "can"))]

#[path = "can_support/mod.rs"]
mod support;

use std::io::{self, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use sock_can::{CanFilter, CanId, CanSocket, Frame, IsoTpSocket};
use sock_cli::{Captured, Io};
use support::{have_iface, have_program, IF};

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
        let _ = done_tx.send(sock_cli::run(args, &mut io));
    });
    Running { out, ready, done }
}

impl Running {
    fn ready(&self, prefix: &str) {
        let msg = self.ready.recv_timeout(WAIT).unwrap_or_else(|_| panic!("not ready: {}", self.out.stderr.text()));
        assert!(msg.starts_with(prefix), "{msg}");
    }

    fn finish(self) -> (u8, Captured) {
        let code = self.done.recv_timeout(WAIT).unwrap_or_else(|_| {
            panic!("sock did not finish; stdout {:?} stderr {:?}", self.out.stdout.text(), self.out.stderr.text())
        });
        (code, self.out)
    }
}

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
    let (stdin_tx, stdin) = mpsc::channel::<Vec<u8>>();
    let (stdout_tx, stdout) = mpsc::channel::<Vec<u8>>();
    let (ready_tx, ready) = mpsc::channel();
    let mut io = Io {
        stdin: Box::new(ChanReader(stdin)),
        stdout: Box::new(ChanWriter(stdout_tx)),
        stderr: Box::new(io::sink()),
        ready: Some(ready_tx),
    };
    let (done_tx, done) = mpsc::channel();
    thread::spawn(move || {
        let _ = done_tx.send(sock_cli::run(["sock", "cat", "isotp:vcan0:617:616", "-"], &mut io));
    });
    assert_eq!(ready.recv_timeout(WAIT).unwrap(), "relaying");
    let data = payload(300);
    isotpsend("616", "617", &data);
    let mut got = Vec::new();
    while got.len() < data.len() {
        got.extend(stdout.recv_timeout(WAIT).expect("the message on stdout"));
    }
    assert_eq!(got, data);
    drop(stdin_tx);
    assert_eq!(done.recv_timeout(WAIT).expect("sock finished"), 0);
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

/// A reader fed through a channel: each message is one read; a closed channel is end of file.
struct ChanReader(Receiver<Vec<u8>>);

impl Read for ChanReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.recv() {
            Ok(data) => {
                let n = buf.len().min(data.len());
                buf[..n].copy_from_slice(&data[..n]);
                Ok(n)
            }
            Err(_) => Ok(0),
        }
    }
}

/// A writer that sends each write through a channel.
struct ChanWriter(Sender<Vec<u8>>);

impl Write for ChanWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.send(buf.to_vec()).map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
